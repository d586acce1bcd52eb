import { Redis } from 'ioredis';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { DisposableRedis } from '../support/redis-server';

/**
 * Rate limits hold across API instances: the counters live in Redis (under the run's prefix),
 * so a second instance behind the same load balancer does not grant a second allowance.
 */
describe('rate limits shared by API instances', () => {
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    first = await createTestApi({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    second = await createTestApi({ context: first.ctx });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const attempt = (api: TestApi, username: string) =>
    api.request({ method: 'POST', url: '/auth/login', payload: { username, password: 'wrong-password' } });

  it('counts log-in attempts made on either instance together', async () => {
    const codes = [
      (await attempt(first, 'shared-limit')).statusCode,
      (await attempt(second, 'shared-limit')).statusCode,
      (await attempt(first, 'shared-limit')).statusCode,
      (await attempt(second, 'shared-limit')).statusCode,
    ];
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await attempt(first, 'shared-limit')).json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect((await attempt(second, 'another-user')).statusCode).toBe(401);
  });

  it('keeps the counters under the run’s Redis prefix', async () => {
    // A counter of its own, whichever test ran before.
    expect((await attempt(first, 'prefix-check')).statusCode).toBe(401);
    const redis = new Redis(first.ctx.config.redisUrl);
    try {
      expect((await redis.keys(`${first.ctx.config.redisPrefix}:throttle:login:*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describe('rate limits while Redis is away', () => {
  let redis: DisposableRedis;
  let api: TestApi;
  beforeAll(async () => {
    redis = await DisposableRedis.create();
    api = await createTestApi({ env: { REDIS_URL: redis.url, LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    // Redis back first, so that the API's queue connections can close.
    if (redis && !redis.running) await redis.start();
    await api?.close();
    await redis?.stop();
  });

  it('still answers log-ins and still limits them, counting in the process', async () => {
    await redis.stop();
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        (await api.request({ method: 'POST', url: '/auth/login', payload: { username: 'redis-away', password: 'wrong-password' } }))
          .statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 429]);
  });
});
