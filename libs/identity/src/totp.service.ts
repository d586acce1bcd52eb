import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { APP_CONFIG, AppConfig } from '@cqo/core';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects). Secrets are kept
 * encrypted with AES-256-GCM under a key derived from PII_HASH_KEY, so a database dump alone
 * does not hand out second factors.
 */
@Injectable()
export class TotpService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createHash('sha256').update(`cqo-totp-secret:${config.piiHashKey}`).digest();
  }

  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, username: string): string {
    return generateURI({ issuer: this.config.certificates.issuerName, label: username, secret });
  }

  /** One step either side is accepted (clock drift of an authenticator app). */
  async check(secret: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    try {
      return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
    } catch {
      return false;
    }
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
