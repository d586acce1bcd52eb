import { MediaUrlSigner } from './media-url-signer';

describe('MediaUrlSigner', () => {
  const sut = new MediaUrlSigner('k'.repeat(32));
  const grant = { fileId: '00000000-0000-4000-8000-000000000001', userId: '00000000-0000-4000-8000-000000000002', expires: 1_000 };

  it('accepts its own signature until the expiry', () => {
    expect(sut.check(grant, sut.sign(grant), 999)).toBe('ok');
    expect(sut.check(grant, sut.sign(grant), 1_000)).toBe('ok');
    expect(sut.check(grant, sut.sign(grant), 1_001)).toBe('expired');
  });

  it('refuses a signature for another user, file or expiry', () => {
    const s = sut.sign(grant);
    expect(sut.check({ ...grant, userId: grant.fileId }, s, 0)).toBe('bad-signature');
    expect(sut.check({ ...grant, expires: 5_000 }, s, 0)).toBe('bad-signature');
    expect(sut.check(grant, s.slice(1), 0)).toBe('bad-signature');
    expect(new MediaUrlSigner('x'.repeat(32)).check(grant, s, 0)).toBe('bad-signature');
  });

  it('puts the grant in the path', () => {
    expect(sut.path(grant)).toBe(`/media/${grant.fileId}?u=${grant.userId}&e=1000&s=${sut.sign(grant)}`);
  });
});
