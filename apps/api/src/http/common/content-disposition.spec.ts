import { attachment } from './content-disposition';

describe('attachment()', () => {
  it('sends the Chinese name as RFC 5987 filename* and an ASCII fallback', () => {
    const sut = attachment('学时未达标名单-2026-12-02.csv');
    expect(sut).toBe(
      `attachment; filename="_______-2026-12-02.csv"; filename*=UTF-8''${encodeURIComponent('学时未达标名单')}-2026-12-02.csv`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(sut)![1])).toBe('学时未达标名单-2026-12-02.csv');
  });

  it('escapes what RFC 5987 does not allow and quotes nothing unsafe', () => {
    expect(attachment(`a"b'(1).pdf`)).toBe(`attachment; filename="a_b'(1).pdf"; filename*=UTF-8''a%22b%27%281%29.pdf`);
  });
});
