import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query of a signed media URL: who it was issued to, until when, and the signature. */
export interface MediaGrant {
  fileId: string;
  /** The user it was issued to (a trainee enrolled in the course, or staff of its organization). */
  userId: string;
  /** Unix seconds after which the URL is refused. */
  expires: number;
}

/**
 * Short-lived signed URLs for lesson media. A `<video>` or pdf.js cannot send our bearer token,
 * so the API checks enrolment when it issues the URL, and the URL proves it: HMAC-SHA256 over
 * file, user and expiry. A copied URL works only until it expires.
 */
export class MediaUrlSigner {
  constructor(private readonly key: string) {}

  sign(grant: MediaGrant): string {
    return createHmac('sha256', this.key).update(`${grant.fileId}\n${grant.userId}\n${grant.expires}`).digest('base64url');
  }

  /** The path and query of the URL (same origin as the API). */
  path(grant: MediaGrant): string {
    return `/media/${grant.fileId}?u=${grant.userId}&e=${grant.expires}&s=${this.sign(grant)}`;
  }

  /** 'ok', or why the URL is refused. */
  check(grant: MediaGrant, signature: string, nowSeconds: number): 'ok' | 'bad-signature' | 'expired' {
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
    return grant.expires < nowSeconds ? 'expired' : 'ok';
  }
}
