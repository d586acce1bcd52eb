import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { logIn, refreshCookieOf, refreshWithCookie } from '../../support/auth';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD } from '../../support/fixtures';

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number; sid: string; sv: number };

/**
 * Sessions across two API instances over one database and Redis: every request checks that the
 * account is active and the session current, and a revocation announced on one instance is
 * refused by the other on the very next request (Redis pub/sub, and a PING behind it before a
 * remembered state is trusted), although both remember verified tokens per process.
 */
describe('sessions across API instances', () => {
  let first: TestApi;
  let second: TestApi;
  let world: World;

  beforeAll(async () => {
    first = await createTestApi();
    second = await createTestApi({ context: first.ctx });
    world = await seedWorld(first);
  }, 180_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const createAdmin = async (username: string) => {
    const res = await first.request({
      method: 'POST',
      url: '/users',
      token: world.tokens.admin,
      payload: { username, password: TEST_PASSWORD, displayName: username, role: 'platform_admin' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('refuses a disabled admin’s token on the second instance on the very next request', async () => {
    const victimId = await createAdmin('disabled-admin');
    const victim = await logIn(first, 'disabled-admin', TEST_PASSWORD);
    // The second instance has verified (and remembered) the token before the change.
    expect((await second.request({ method: 'GET', url: '/users', token: victim.accessToken })).statusCode).toBe(200);

    const disabled = await first.request({
      method: 'PATCH',
      url: `/users/${victimId}/status`,
      token: world.tokens.admin,
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/users', token: victim.accessToken })).statusCode).toBe(401);
    const create = await second.request({
      method: 'POST',
      url: '/users',
      token: victim.accessToken,
      payload: { username: 'made-by-disabled', password: TEST_PASSWORD, displayName: 'x', role: 'platform_admin' },
    });
    expect(create.statusCode).toBe(401);
    expect(create.json().code).toBe('ACCOUNT_DISABLED');
    // Its refresh token is dead too, and a log-in is refused.
    expect((await refreshWithCookie(second, victim.refreshToken)).statusCode).toBe(401);
    expect(
      (await first.request({ method: 'POST', url: '/auth/login', payload: { username: 'disabled-admin', password: TEST_PASSWORD } }))
        .statusCode,
    ).toBe(401);
  });

  it('ends the access token at log-out, on both instances, and only that session', async () => {
    const one = await logIn(first, 'regulatorlz', TEST_PASSWORD);
    const other = await logIn(first, 'regulatorlz', TEST_PASSWORD);
    for (const api of [first, second])
      expect((await api.request({ method: 'GET', url: '/auth/me', token: one.accessToken })).statusCode).toBe(200);

    const out = await second.request({ method: 'POST', url: '/auth/logout', token: one.accessToken, payload: {} });
    expect(out.statusCode).toBe(204);
    expect(out.cookies).toEqual([expect.objectContaining({ name: 'cqo_refresh', value: '', path: '/auth/refresh' })]);
    expect((await first.request({ method: 'GET', url: '/auth/me', token: one.accessToken })).statusCode).toBe(401);
    const after = await second.request({ method: 'GET', url: '/auth/me', token: one.accessToken });
    expect(after.json()).toMatchObject({ statusCode: 401, code: 'SESSION_ENDED' });
    expect((await refreshWithCookie(first, one.refreshToken)).statusCode).toBe(401);
    // The user's other session goes on.
    expect((await first.request({ method: 'GET', url: '/auth/me', token: other.accessToken })).statusCode).toBe(200);
  });

  it('ends every session at a role or scope change', async () => {
    const id = await createAdmin('demoted-admin');
    const before = await logIn(first, 'demoted-admin', TEST_PASSWORD);
    expect((await second.request({ method: 'GET', url: '/users', token: before.accessToken })).statusCode).toBe(200);
    const changed = await first.request({
      method: 'PATCH',
      url: `/users/${id}/role`,
      token: world.tokens.admin,
      payload: { role: 'regulator', regionId: world.regions.lanzhou },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'regulator', regionId: world.regions.lanzhou });
    expect((await second.request({ method: 'GET', url: '/users', token: before.accessToken })).statusCode).toBe(401);
    // A new log-in acts with the new role only.
    const after = await logIn(second, 'demoted-admin', TEST_PASSWORD);
    expect((await second.request({ method: 'GET', url: '/users', token: after.accessToken })).statusCode).toBe(403);
    expect((await second.request({ method: 'GET', url: '/auth/me', token: after.accessToken })).json()).toMatchObject({
      role: 'regulator',
    });
  });

  it('ends the other sessions at a password change and keeps the caller signed in', async () => {
    const kept = await logIn(first, 'orgadmina', TEST_PASSWORD);
    const elsewhere = await logIn(first, 'orgadmina', TEST_PASSWORD);
    const weak = await second.request({
      method: 'POST',
      url: '/auth/password',
      token: kept.accessToken,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'orgadmina123' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details).toEqual([expect.objectContaining({ field: 'newPassword', message: expect.any(String) })]);
    const wrong = await second.request({
      method: 'POST',
      url: '/auth/password',
      token: kept.accessToken,
      payload: { currentPassword: 'not-the-password', newPassword: 'Brand-New#Pass-2026' },
    });
    expect(wrong.json().details).toEqual([expect.objectContaining({ field: 'currentPassword', message: expect.any(String) })]);

    const changed = await second.request({
      method: 'POST',
      url: '/auth/password',
      token: kept.accessToken,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-New#Pass-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect(refreshCookieOf(changed)).toBeDefined();
    expect((await first.request({ method: 'GET', url: '/auth/me', token: elsewhere.accessToken })).statusCode).toBe(401);
    expect((await first.request({ method: 'GET', url: '/auth/me', token: kept.accessToken })).statusCode).toBe(401);
    expect((await first.request({ method: 'GET', url: '/auth/me', token: changed.json().accessToken })).statusCode).toBe(200);
    expect((await refreshWithCookie(first, elsewhere.refreshToken)).statusCode).toBe(401);
    await logIn(first, 'orgadmina', 'Brand-New#Pass-2026');
  });

  it('gives staff access tokens at most ten minutes, trainees the configured lifetime', async () => {
    const staff = claimsOf((await logIn(first, 'entadminlz', TEST_PASSWORD)).accessToken);
    expect(staff.exp - staff.iat).toBe(600);
    const trainee = claimsOf((await logIn(first, 'traineelz', TEST_PASSWORD)).accessToken);
    expect(trainee.exp - trainee.iat).toBe(900);
  });
});

describe('session idle timeout and concurrent refreshes', () => {
  const clock = new FakeClock(new Date('2026-11-02T01:00:00Z'));
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi({ clock, env: { SESSION_IDLE_TIMEOUT_SECONDS: '1800', REFRESH_GRACE_SECONDS: '10' } });
    await seedWorld(api);
  }, 180_000);
  afterAll(() => api?.close());

  it('ends a session not refreshed for the idle timeout', async () => {
    const session = await logIn(api, 'regulatorgs', TEST_PASSWORD);
    clock.advance(29 * 60_000);
    const active = await refreshWithCookie(api, session.refreshToken);
    expect(active.statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await refreshWithCookie(api, refreshCookieOf(active)!);
    expect(idle.statusCode).toBe(401);
    expect(idle.cookies).toEqual([expect.objectContaining({ name: 'cqo_refresh', value: '' })]);
  });

  it('lets two refreshes of one token at once both succeed, but not a late second use', async () => {
    const session = await logIn(api, 'regulatorts', TEST_PASSWORD);
    const [a, b] = await Promise.all([refreshWithCookie(api, session.refreshToken), refreshWithCookie(api, session.refreshToken)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(claimsOf(a.json().accessToken).sid).toBe(claimsOf(b.json().accessToken).sid);

    clock.advance(11_000);
    const late = await refreshWithCookie(api, session.refreshToken);
    expect(late.statusCode).toBe(401);
    // A late reuse means theft: the whole family ends, also the tokens the two refreshes got.
    expect((await refreshWithCookie(api, refreshCookieOf(a)!)).statusCode).toBe(401);
    expect((await api.request({ method: 'GET', url: '/auth/me', token: b.json().accessToken })).statusCode).toBe(401);
  });
});
