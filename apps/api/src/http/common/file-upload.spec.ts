import { isBase64Text } from './file-upload';

describe('isBase64Text', () => {
  it('takes padded standard base64 and refuses anything else', () => {
    for (const ok of ['', 'QUJD', 'QUI=', 'QQ==', Buffer.from('首席质量官').toString('base64')]) expect(isBase64Text(ok)).toBe(true);
    for (const bad of ['QUJ', 'QU=D', 'Q===', '=QUJ', 'QUJ-', 'QUJ_', 'QU J', 'QUJ\u0000', 42, null]) expect(isBase64Text(bad)).toBe(false);
  });

  it('checks a body-sized string in one pass (no regexp stack to overflow)', () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 0x41).toString('base64');
    expect(isBase64Text(big)).toBe(true);
    expect(isBase64Text(`${big.slice(0, -4)}QU*=`)).toBe(false);
  });
});
