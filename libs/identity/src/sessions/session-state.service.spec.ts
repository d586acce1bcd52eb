import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import type { IdentityRedis } from './identity-redis';
import { SessionStateService } from './session-state.service';

/**
 * A driver pool whose reads wait until released, counting them; and a Redis whose subscriber
 * never connects (so the service is in its degraded mode, states kept one second).
 */
function setup(rows: () => { status: string; session_version: number; session_revoked: boolean }[]) {
  const waiting: (() => void)[] = [];
  let reads = 0;
  const pool = {
    query: async () => {
      reads += 1;
      const answer = rows(); // as the database stood when the read began
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { rows: answer };
    },
  };
  const dataSource = { driver: { master: pool } } as unknown as DataSource;
  const subscriber = Object.assign(new EventEmitter(), { connect: () => new Promise(() => undefined), subscribe: async () => undefined });
  const redis = {
    prefix: 'test',
    commands: { publish: async () => 0 },
    ready: async () => undefined,
    subscriber: () => subscriber,
  } as unknown as IdentityRedis;
  const release = () => waiting.splice(0).forEach((resolve) => resolve());
  return { sut: new SessionStateService(dataSource, redis), reads: () => reads, release };
}

const session = { userId: 'u1', sessionId: null, sessionVersion: 0 };
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SessionStateService', () => {
  it('answers requests of one session arriving together with one read', async () => {
    const { sut, reads, release } = setup(() => [{ status: 'active', session_version: 0, session_revoked: false }]);
    const checks = Array.from({ length: 25 }, () => sut.check(session));
    await tick();
    release();
    await Promise.all(checks);
    expect(reads()).toBe(1);
  });

  it('refuses every waiting request when the one read finds the account disabled', async () => {
    const { sut, release } = setup(() => [{ status: 'disabled', session_version: 0, session_revoked: false }]);
    const checks = Array.from({ length: 3 }, () =>
      sut.check(session).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      ),
    );
    await tick();
    release();
    expect(await Promise.all(checks)).toEqual(['ACCOUNT_DISABLED', 'ACCOUNT_DISABLED', 'ACCOUNT_DISABLED']);
  });

  it('does not let a request that arrives after a revocation join a read that started before it', async () => {
    let version = 0;
    const { sut, reads, release } = setup(() => [{ status: 'active', session_version: version, session_revoked: false }]);
    const before = sut.check(session);
    await tick();
    // The user's sessions end (version raised) while the first read is under way.
    version = 1;
    await sut.announceUser('u1');
    const after = sut.check(session).then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    );
    await tick();
    release();
    await before;
    await tick();
    release();
    expect(await after).toBe('SESSION_ENDED');
    expect(reads()).toBe(2);
  });
});
