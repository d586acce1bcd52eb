import type { FastifyReply } from 'fastify';

export const REFRESH_COOKIE = 'cqo_refresh';
/** Only the refresh route ever receives the cookie. */
export const REFRESH_COOKIE_PATH = '/auth/refresh';

/** httpOnly (no script reads it), Secure, SameSite=Strict (no cross-site request carries it). */
export function setRefreshCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
