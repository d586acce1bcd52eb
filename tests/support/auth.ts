import type { LightMyRequestResponse } from 'fastify';
import type { TestApi } from './api';

/** The refresh token the API set as its httpOnly cookie, or undefined. */
export function refreshCookieOf(res: LightMyRequestResponse): string | undefined {
  const cookie = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'cqo_refresh');
  return cookie?.value || undefined;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
}

/** Logs in over HTTP; fails the test unless the API answers 200 with an access token and the refresh cookie. */
export async function logIn(
  api: TestApi,
  username: string,
  password: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Session> {
  const res = await api.request({ method: 'POST', url: '/auth/login', payload: { username, password, ...extra }, headers });
  if (res.statusCode !== 200) throw new Error(`log-in of ${username} answered ${res.statusCode}: ${res.body}`);
  return { accessToken: res.json().accessToken, refreshToken: refreshCookieOf(res)! };
}

/** Refreshes as a browser does: the refresh token in the cookie only. */
export function refreshWithCookie(api: TestApi, refreshToken: string): Promise<LightMyRequestResponse> {
  return api.request({ method: 'POST', url: '/auth/refresh', cookies: { cqo_refresh: refreshToken }, payload: {} });
}
