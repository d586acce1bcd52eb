import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import type { IdentityRedis } from './identity-redis';
import { SessionStateService } from './session-state.service';

/** Identity's Redis with the given subscriber; publishing goes nowhere. */
function redisWith(subscriber: EventEmitter): IdentityRedis {
  return {
    prefix: 'test',
    commands: { publish: async () => 0 },
    ready: async () => undefined,
    subscriber: () => subscriber,
  } as unknown as IdentityRedis;
}

/**
 * A driver pool whose reads wait until released, counting them; and a Redis whose subscriber
 * never connects (so the service trusts nothing it remembers: every check reads).
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
  const redis = redisWith(subscriber);
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

/**
 * Subscribed: each check first waits for a PING on the subscriber connection (answered after
 * every revocation queued ahead of it). The PINGs here are answered when the test says so.
 */
describe('SessionStateService, subscribed', () => {
  function subscribed() {
    let reads = 0;
    const pings: (() => void)[] = [];
    const pool = {
      query: async () => {
        reads += 1;
        return { rows: [{ status: 'active', session_version: 0, session_revoked: false }] };
      },
    };
    const dataSource = { driver: { master: pool } } as unknown as DataSource;
    const subscriber = Object.assign(new EventEmitter(), {
      connect: async () => {
        setImmediate(() => subscriber.emit('ready'));
      },
      subscribe: async () => undefined,
      ping: () => new Promise<string>((resolve) => pings.push(() => resolve('PONG'))),
    });
    const sut = new SessionStateService(dataSource, redisWith(subscriber));
    const answerPings = () => pings.splice(0).forEach((answer) => answer());
    return { sut, subscriber, reads: () => reads, pingsOut: () => pings.length, answerPings };
  }

  /** Starts the subscription and remembers `session` (one read). */
  async function listeningWithState(s: ReturnType<typeof subscribed>) {
    await s.sut.check(session); // not yet subscribed: no PING
    await tick();
    expect(s.sut.isListening).toBe(true);
    const remembered = s.sut.check(session);
    await tick();
    s.answerPings();
    await remembered;
  }

  it('answers from what it remembers only after the PING, and a burst shares the PINGs sent after it arrived', async () => {
    const s = subscribed();
    await listeningWithState(s);
    const readsBefore = s.reads();

    let first = false;
    const one = s.sut.check(session).then(() => (first = true));
    await tick();
    expect(s.pingsOut()).toBe(1);
    expect(first).toBe(false); // a cached state is not trusted before the PING is answered

    // 24 more arrive while that PING is out: it may have passed Redis before their revocation.
    let burstDone = 0;
    const burst = Array.from({ length: 24 }, () => s.sut.check(session).then(() => (burstDone += 1)));
    await tick();
    expect(s.pingsOut()).toBe(1);
    s.answerPings();
    await one;
    await tick();
    expect(burstDone).toBe(0);
    expect(s.pingsOut()).toBe(1); // one PING for all 24
    s.answerPings();
    await Promise.all(burst);
    expect(s.reads()).toBe(readsBefore); // all from the cache
  });

  it('drops a state when a revocation arrives ahead of the PING’s answer', async () => {
    const s = subscribed();
    await listeningWithState(s);
    const readsBefore = s.reads();
    const check = s.sut.check(session);
    await tick();
    s.subscriber.emit('message', 'test:auth:revocations', JSON.stringify({ u: session.userId }));
    s.answerPings();
    await check;
    expect(s.reads()).toBe(readsBefore + 1);
  });
});
