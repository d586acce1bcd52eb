import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

/**
 * The unsubscribe link's token: the person's id and an HMAC of it. It does not expire (a
 * year-old mail must still work) and only turns reminder mail off, so it needs no more.
 */
export function unsubscribeToken(signingKey: string, userId: string): string {
  return `${userId}.${mac(signingKey, userId)}`;
}

/** The person a token names, or null when it is malformed or not ours. */
export function userOfUnsubscribeToken(signingKey: string, token: string): string | null {
  const [userId, given, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !given || !isUUID(userId)) return null;
  const expected = Buffer.from(mac(signingKey, userId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}

function mac(key: string, userId: string): string {
  return createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url');
}
