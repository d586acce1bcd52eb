import { Redis } from 'ioredis';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { seedWorld, TEST_PASSWORD } from '../../support/fixtures';

const login = (api: TestApi, username: string, password: string, xff?: string) =>
  api.request({ method: 'POST', url: '/auth/login', payload: { username, password }, headers: xff ? { 'x-forwarded-for': xff } : {} });

/** Log-in and verification limits that a client cannot dodge, counted in Redis for every instance. */
describe('log-in protection, no proxy trusted (the default)', () => {
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await createTestApi({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '5', LOGIN_FAILURES_PER_ADDRESS: '20', VERIFY_RATE_LIMIT_PER_MINUTE: '30' },
    });
    redis = new Redis(api.ctx.config.redisUrl);
  }, 120_000);
  // Every request here comes from 127.0.0.1: each test starts with that address's failure count at zero.
  beforeEach(async () => {
    const keys = await redis.keys(`${api.ctx.config.redisPrefix}:login:failures:address:*`);
    if (keys.length) await redis.del(...keys);
  });
  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  it('ignores X-Forwarded-For: 14 wrong passwords with a rotating header still get 429', async () => {
    expect(api.ctx.config.security.trustProxy).toBe(false);
    const codes = [];
    for (let i = 0; i < 14; i++) codes.push((await login(api, 'xff-victim', 'wrong-password', `203.0.113.${i + 1}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual(Array(9).fill(429));
  });

  it('ignores X-Forwarded-For on public verification too: 40 checks by serial get 429', async () => {
    const codes = [];
    for (let i = 0; i < 40; i++) {
      const res = await api.request({
        method: 'GET',
        url: `/certificates/verify?serial=GS-2026-${String(i).padStart(6, '0')}&idLast4=1234`,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes.slice(30)).toEqual(Array(10).fill(429));
  });

  it('answers 429 to a 40-user-name spray from one address', async () => {
    const codes = [];
    for (let i = 0; i < 40; i++) codes.push((await login(api, `spray-${i}`, 'Spring2026!')).statusCode);
    // Twenty failures from the address, then it is refused whatever the name.
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(codes.slice(20)).toEqual(Array(20).fill(429));
    expect((await login(api, 'spray-41', 'x')).json()).toMatchObject({ statusCode: 429, code: 'LOGIN_RATE_LIMITED' });
  });
});

describe('log-in protection behind one trusted proxy', () => {
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await createTestApi({
      env: {
        TRUST_PROXY: '1',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        LOGIN_LOCKOUT_THRESHOLD: '5',
        LOGIN_LOCKOUT_BASE_SECONDS: '60',
        VERIFY_SERIAL_LIMIT_PER_HOUR: '3',
      },
    });
    await seedWorld(api);
    redis = new Redis(api.ctx.config.redisUrl);
  }, 180_000);
  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  it('takes the address the proxy saw, not what the client wrote before it', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
      headers: { 'x-forwarded-for': '10.9.9.9, 192.0.2.44' },
    });
    expect(res.statusCode).toBe(401);
    expect((await redis.keys(`${api.ctx.config.redisPrefix}:login:failures:address:*`)).map((k) => k.split(':').pop())).toContain(
      '192.0.2.44',
    );
  });

  it('locks an account attacked from many addresses, with a growing delay, and refuses even the right password meanwhile', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await login(api, 'regulatorlz', 'wrong-password', `192.0.2.${100 + i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const lockKey = `${api.ctx.config.redisPrefix}:login:lock:regulatorlz`;
    const first = await redis.pttl(lockKey);
    expect(first).toBeGreaterThan(55_000);
    expect(first).toBeLessThanOrEqual(60_000);

    const locked = await login(api, 'regulatorlz', TEST_PASSWORD, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(locked.json()).not.toHaveProperty('accessToken');

    // The lock runs out (deleted here rather than waited for); the next failure locks twice as long.
    await redis.del(lockKey);
    expect((await login(api, 'regulatorlz', 'wrong-password', '192.0.2.201')).statusCode).toBe(401);
    expect(await redis.pttl(lockKey)).toBeGreaterThan(115_000);

    // Once unlocked, the right password works and the count starts again.
    await redis.del(lockKey);
    expect((await login(api, 'regulatorlz', TEST_PASSWORD, '192.0.2.202')).statusCode).toBe(200);
    expect(await redis.exists(`${api.ctx.config.redisPrefix}:login:failures:account:regulatorlz`)).toBe(0);
  });

  it('answers an unknown user name’s lock exactly like a known one’s', async () => {
    for (let i = 0; i < 5; i++) await login(api, 'no-such-account', 'wrong-password', `192.0.2.${150 + i}`);
    expect((await login(api, 'no-such-account', 'wrong-password', '192.0.2.160')).json()).toMatchObject({
      statusCode: 429,
      code: 'ACCOUNT_LOCKED',
    });
  });

  it('limits verifications of one serial from all addresses together', async () => {
    const check = (serial: string, i: number) =>
      api.request({
        method: 'GET',
        url: `/certificates/verify?serial=${serial}&idLast4=${String(1000 + i)}`,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await check('GS-2026-000042', i)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect((await check('GS-2026-000042', 9)).json()).toMatchObject({ code: 'VERIFY_SERIAL_RATE_LIMITED' });
    expect((await check('GS-2026-000043', 10)).statusCode).toBe(200);
  });
});
