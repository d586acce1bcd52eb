import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { refreshCookieOf, refreshWithCookie } from '../support/auth';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD, testIdNumber } from '../support/fixtures';

describe('auth', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    // No grace window here: a second use of a rotated token is reuse at once (the grace is tested in auth/sessions).
    api = await createTestApi({ env: { REFRESH_GRACE_SECONDS: '0' } });
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  it('logs in, answers /auth/me, refreshes with rotation and refuses a reused refresh token', async () => {
    const login = await api.request({ method: 'POST', url: '/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    // The refresh token travels only in an httpOnly, Secure, SameSite=Strict cookie for the refresh path.
    expect(login.json()).not.toHaveProperty('refreshToken');
    expect(login.cookies).toEqual([
      expect.objectContaining({ name: 'cqo_refresh', httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth/refresh' }),
    ]);
    const refreshToken = refreshCookieOf(login)!;
    const me = await api.request({ method: 'GET', url: '/auth/me', token: login.json().accessToken });
    expect(me.json()).toMatchObject({
      userId: world.users.admin,
      role: 'platform_admin',
      totpEnabled: false,
      totpEnrolmentRequired: false,
    });

    const refreshed = await refreshWithCookie(api, refreshToken);
    expect(refreshed.statusCode).toBe(200);
    const rotated = refreshCookieOf(refreshed)!;
    expect(rotated).not.toBe(refreshToken);

    // A non-browser client may send the token in the body instead.
    const reused = await api.request({ method: 'POST', url: '/auth/refresh', payload: { refreshToken }, headers: {} });
    expect(reused.statusCode).toBe(401);
    // Reuse revokes the family: the token issued by the rotation stops working too.
    expect((await refreshWithCookie(api, rotated)).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: TEST_PASSWORD },
    ]) {
      const res = await api.request({ method: 'POST', url: '/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ statusCode: 401, code: 'BAD_CREDENTIALS', details: [] });
    }
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await api.request({ method: 'GET', url: '/auth/me' })).statusCode).toBe(401);
    const forged = await api.request({ method: 'GET', url: '/auth/me', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.statusCode).toBe(401);
  });

  it('registers a trainee whose ID number is stored masked', async () => {
    const body = {
      username: 'newbie',
      password: 'Qm7#Lanzhou-2026',
      fullName: '新学员',
      idNumber: testIdNumber(77),
      phone: '13800001111',
      educationLevel: 'master',
      qualityWorkYears: 3,
      qualityQualification: 'none',
      relatedSeniorTitle: false,
    };
    const res = await api.request({ method: 'POST', url: '/auth/register', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json().idNumberMasked).toBe(`${body.idNumber.slice(0, 6)}********${body.idNumber.slice(-4)}`);
    expect(JSON.stringify(res.json())).not.toContain(body.idNumber);
    expect(JSON.stringify(res.json())).not.toContain(body.phone);
  });
});
