import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { AppConfig, Clock } from '@cqo/core';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects). Secrets are kept
 * encrypted with AES-256-GCM under a key derived from PII_HASH_KEY, so a database dump alone
 * does not hand out second factors.
 */
@Injectable()
export class TotpService {
  private readonly key: Buffer;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = createHash('sha256').update(`cqo-totp-secret:${config.piiHashKey}`).digest();
  }

  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, username: string): string {
    return generateURI({ issuer: this.config.certificates.issuerName, label: username, secret });
  }

  /**
   * The 30-second time step a code belongs to, or null when it is wrong. One step either side is
   * accepted (clock drift of an authenticator app); a step at or before `afterStep` (the last one
   * used) is refused, so each code is good once (OWASP ASVS 2.8.4).
   */
  async matchStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const epoch = Math.floor(this.clock.now().getTime() / 1000);
      const result = await verify({
        secret,
        token: code,
        epoch,
        epochTolerance: 30,
        ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null;
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
