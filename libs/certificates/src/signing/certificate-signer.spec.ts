import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@cqo/core';
import type { CertificateContent } from '../certificate.types';
import { canonicalJson } from './canonical-json';
import { CertificateSigner, parseSigningKey } from './certificate-signer';

const content: CertificateContent = {
  format: 1,
  serial: 'GS-JX-2026-000001-AB',
  kind: 'yearly_continuing',
  version: 1,
  previousSerial: null,
  holder: { name: '张三', idNumberMasked: '620102********1234' },
  subjectKey: 'continuing-education',
  period: '2026',
  facts: {
    kind: 'yearly_continuing',
    year: 2026,
    category1Hours: '14',
    category1Required: '14',
    category2Hours: '30',
    category2Required: '30',
  },
  issuer: '甘肃省首席质量官培训平台',
  issuedAt: '2026-12-01T02:00:00.000Z',
  versionIssuedAt: '2026-12-01T02:00:00.000Z',
  verifyUrl: 'http://cqo.test/verify/abc',
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and ignores their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":"x","z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('CertificateSigner', () => {
  const sut = new CertificateSigner(loadConfig({ NODE_ENV: 'test' }));

  it('verifies its own signature and refuses altered content, hash or key id', () => {
    const signature = sut.sign(content, 'aa'.repeat(32));
    expect(sut.verify(content, 'aa'.repeat(32), signature, sut.keyId)).toBe(true);
    expect(sut.verify({ ...content, holder: { ...content.holder, name: '李四' } }, 'aa'.repeat(32), signature, sut.keyId)).toBe(false);
    expect(sut.verify(content, 'bb'.repeat(32), signature, sut.keyId)).toBe(false);
    expect(sut.verify(content, 'aa'.repeat(32), signature, 'other')).toBe(false);
    expect(sut.verify(content, 'aa'.repeat(32), 'garbage', sut.keyId)).toBe(false);
  });

  it('reads the key as PEM or base64 PKCS#8 and refuses a key of another type', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(parseSigningKey(pem).asymmetricKeyType).toBe('ed25519');
    expect(parseSigningKey(der).asymmetricKeyType).toBe('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/Ed25519/);
  });

  it('refuses to start production with the development key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'x'.repeat(40), PII_HASH_KEY: 'y'.repeat(40) })).toThrow(
      /CERTIFICATE_SIGNING_KEY must be set in production/,
    );
  });
});
