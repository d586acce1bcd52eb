import { isEmailAddress } from './email-address';

describe('isEmailAddress', () => {
  it('accepts an address and refuses what is not one, a lone surrogate included (validator.js throws on it)', () => {
    expect(isEmailAddress('zhangsan@example.cn')).toBe(true);
    expect(isEmailAddress('张三@例子.中国')).toBe(true);
    for (const bad of ['\ud800', 'a\udc00@b.cn', 'x@', '', 42, null, `${'a'.repeat(250)}@b.cn`]) expect(isEmailAddress(bad)).toBe(false);
  });
});
