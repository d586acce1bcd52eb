import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { Clock } from '@cqo/core';
import { createTestContext, TestContext } from '@cqo/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi, createFastifyAdapter, registerSecurityHeaders } from '../../apps/api/src/bootstrap';

export interface TestApi {
  ctx: TestContext;
  app: NestFastifyApplication;
  /**
   * Sends a request in-process (no socket); `token` becomes the bearer header. A 5xx answer
   * fails the test unless `expectServerError` is set: no request in the suite may produce a 500.
   */
  request(options: InjectOptions & { token?: string; expectServerError?: boolean }): Promise<LightMyRequestResponse>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  get<T>(type: Type<T> | Function | string | symbol): T;
  close(): Promise<void>;
}

export interface TestApiOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Another API instance over this context's database and Redis prefix; closing it leaves the context. */
  context?: TestContext;
}

/** The whole API over its own database and Redis prefix, as main.ts builds it. */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const ctx = options.context ?? (await createTestContext(options.env));
  let builder = Test.createTestingModule({ imports: [ApiModule.forRoot(ctx.config)] });
  if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(ctx.config.security.trustProxy), { logger: false });
  await registerSecurityHeaders(app, ctx.config);
  configureApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    ctx,
    app,
    request: async ({ token, headers, expectServerError, ...rest }) => {
      const res = await app.inject({ ...rest, headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
      if (res.statusCode >= 500 && !expectServerError) {
        throw new Error(`${rest.method ?? 'GET'} ${String(rest.url)} answered ${res.statusCode}: ${res.body}`);
      }
      return res;
    },
    get: <T>(type: unknown) => app.get<T>(type as Type<T>),
    close: async () => {
      await app.close();
      if (!options.context) await ctx.dispose();
    },
  };
}
