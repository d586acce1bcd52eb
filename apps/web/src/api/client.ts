/**
 * The one way the web app talks to the API: JSON over fetch with the bearer token, a single
 * refresh-and-retry on 401, errors as ApiError carrying the API's `details`, and a clock offset
 * read from each response's Date header so timers follow the server, not the device.
 *
 * `typedApi` is the client generated from the API's OpenAPI document (openapi-fetch over
 * schema.d.ts, `npm run api:client`): paths, parameters, bodies and answers are type-checked, so
 * a change of the contract fails `npm run typecheck`. Every JSON call goes through it; `download`
 * fetches files.
 */

import createClient from 'openapi-fetch';
import { issueText } from '../forms/issue-text';
import type { FieldIssue } from '../forms/field-issue';
import type { paths } from './schema';

export type { FieldIssue } from '../forms/field-issue';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The first message the API gave for `field` (or for a field nested under it), in the reader's language. */
  fieldMessage(field: string): string | undefined {
    const issue = this.details.find((d) => d.field === field || d.field.startsWith(`${field}.`) || d.field.startsWith(`${field}[`));
    return issue && issueText(issue);
  }
}

/**
 * The access token lives in memory only (never in storage a script could read later); the
 * refresh token is an httpOnly cookie the browser sends to /auth/refresh alone. A reload or a
 * new tab gets a fresh access token from that cookie. The one thing kept in localStorage is a
 * flag saying a session may exist, so a visitor who never signed in is not sent to /auth/refresh.
 */
const SIGNED_IN_KEY = 'cqo.signedIn';
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function setAccessToken(next: string | null): void {
  accessToken = next;
  try {
    if (next) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage unavailable: the session then lasts as long as the page
  }
  for (const listener of listeners) listener();
}

export const hasAccessToken = (): boolean => accessToken !== null;

/** Whether a session cookie may exist (signed in earlier in this browser and not signed out). */
export function maySignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}
/** The bearer header for requests the client does not make itself (tus uploads). */
export const authorizationHeader = (): Record<string, string> => (accessToken ? { authorization: `Bearer ${accessToken}` } : {});

/** Called when the session ends on its own (refresh refused), so the app can show the log-in page. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Server time minus device time, in ms, from the last response's Date header.
let clockOffsetMs = 0;
export const serverNow = (): number => Date.now() + clockOffsetMs;

function noteServerTime(response: Response, sentAt: number): void {
  const header = response.headers.get('date');
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header has whole seconds: assume the middle of that second, at the middle of the round trip.
  const midpoint = (sentAt + Date.now()) / 2;
  clockOffsetMs = server + 500 - midpoint;
}

/** A new access token from the refresh cookie; one request at a time for the whole app. */
export async function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
      });
      if (!res.ok) {
        setAccessToken(null);
        return false;
      }
      setAccessToken(((await res.json()) as { accessToken: string }).accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
  const attempt = async () => {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    const sentAt = Date.now();
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    noteServerTime(res, sentAt);
    return res;
  };
  let res: Response;
  try {
    res = await attempt();
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.status === 401 && accessToken && path !== '/auth/login' && path !== '/auth/refresh') {
    if (await refreshSession()) res = await attempt();
  }
  return res;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    return errorFromBody(res, await res.json());
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  }
}

function errorFromBody(res: Response, parsed: unknown): ApiError {
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { code?: string; message?: string; details?: FieldIssue[] };
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, body.details ?? []);
}

/** fetch for the generated client: the same bearer token, refresh-and-retry and clock reading as `request`. */
async function sessionFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const attempt = async () => {
    const headers = new Headers(request.headers);
    if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
    const sentAt = Date.now();
    // A clone per attempt: a retried request needs its body again.
    const res = await fetch(new Request(request.clone(), { headers }));
    noteServerTime(res, sentAt);
    return res;
  };
  let res: Response;
  try {
    res = await attempt();
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.status === 401 && accessToken && path !== '/auth/login' && path !== '/auth/refresh') {
    if (await refreshSession()) res = await attempt();
  }
  return res;
}

export const typedApi = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: sessionFetch,
  headers: { accept: 'application/json' },
});

/** The answer of a `typedApi` call, or its failure thrown as ApiError (the same errors `api` throws). */
export async function ok<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFromBody(response, error);
  return data as Exclude<R['data'], undefined>;
}

/**
 * A select's or filter's value for a typed query or body: one of its options, or undefined for ''
 * (no choice; an empty parameter would fail the API's validation). The options are the schema's.
 */
export function choice<T extends string>(value: string): T | undefined {
  return value === '' ? undefined : (value as T);
}

/** Query string from an object; undefined, null and '' values are left out. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Fetches a file with the bearer token and hands it to the browser as a download (POST for a file the server makes anew). */
export async function download(path: string, fallbackName: string, method: 'GET' | 'POST' = 'GET'): Promise<void> {
  const res = await send(method, path, method === 'POST' ? {} : undefined, '*/*');
  if (!res.ok) throw await errorOf(res);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 (no data: prefix), for the import endpoints. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
