import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { Clock, ForwardingLogger } from '@cqo/core';
import { PasswordHasher } from '@cqo/identity';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
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

/**
 * The API's own error log, kept in memory: the error filter logs an unexpected error under the
 * `errorId` it answers with, so a test that meets a 500 can say what the server saw (the test
 * log level is otherwise silent). Only errors are kept, the last 50.
 */
class ServerErrors extends ForwardingLogger {
  private readonly entries: unknown[] = [];
  // Everything still goes on to the app's own logger (pino), as main.ts sets it up.
  override error(message: unknown, ...rest: unknown[]): void {
    this.entries.push(message);
    if (this.entries.length > 50) this.entries.shift();
    super.error(message, ...rest);
  }
  /** The stack (or message) of the error logged under the id a 500 answered with. */
  causeOf(body: string): string {
    const errorId = (/"errorId":"([\w-]+)"/.exec(body) ?? [])[1];
    const entry = this.entries.find((e) => (e as { errorId?: string } | null)?.errorId === errorId) as { err?: unknown } | undefined;
    if (!entry) return 'no server log entry for this errorId';
    const err = entry.err as { stack?: string; message?: string } | undefined;
    return err?.stack ?? err?.message ?? String(entry.err);
  }
}

/**
 * The real argon2id hasher, remembering the hash it made of each password in this test file: the
 * tests create many users with the same password (seedWorld's ten share one), and each argon2 hash
 * costs ~0.2 s of both cores. Every hash is still argon2's, and every verification is argon2's own;
 * only the salt is shared by the users of one password.
 */
const hashes = new Map<string, Promise<string>>();
class RememberingPasswordHasher extends PasswordHasher {
  override hash(password: string): Promise<string> {
    let hash = hashes.get(password);
    if (!hash) {
      hash = super.hash(password);
      hashes.set(password, hash);
      hash.catch(() => hashes.delete(password));
    }
    return hash;
  }
}

/** The whole API over its own database and Redis prefix, as main.ts builds it (but for the remembering hasher above). */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const ctx = options.context ?? (await createTestContext(options.env));
  let builder = Test.createTestingModule({ imports: [ApiModule.forRoot(ctx.config)] })
    .overrideProvider(PasswordHasher)
    .useClass(RememberingPasswordHasher);
  if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(ctx.config.security.trustProxy), {
    logger: false,
  });
  await registerSecurityHeaders(app, ctx.config);
  configureApi(app);
  const serverErrors = new ServerErrors(app.get(PinoLogger));
  app.useLogger(serverErrors);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    ctx,
    app,
    request: async ({ token, headers, expectServerError, ...rest }) => {
      const res = await app.inject({ ...rest, headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
      if (res.statusCode >= 500 && !expectServerError) {
        throw new Error(
          `${rest.method ?? 'GET'} ${String(rest.url)} answered ${res.statusCode}: ${res.body}\nserver error: ${serverErrors.causeOf(res.body)}`,
        );
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
