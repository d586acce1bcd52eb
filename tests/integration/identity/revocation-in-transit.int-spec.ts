import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@cqo/core';
import type { TokenSession } from '@cqo/identity';
import { IdentityRedis, SessionStateService } from '@cqo/identity';
import { ALL_ENTITIES } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { TcpProxy } from '../../support/tcp-proxy';

/**
 * Two API instances' session checks over real PostgreSQL and Redis. The second one's Redis
 * connection goes through a proxy that can hold what Redis sends, so a revocation can be kept in
 * transit to it: a request it answers after the revocation was announced must still be refused,
 * because it first hears everything Redis has sent it (a PING behind the message).
 */
describe('a revocation still in transit to another API instance', () => {
  let ctx: TestContext;
  let db: DataSource;
  let proxy: TcpProxy;
  const redises: IdentityRedis[] = [];
  let announcer: SessionStateService;
  let other: SessionStateService;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = await new DataSource(buildDataSourceOptions(ctx.config.databaseUrl, ALL_ENTITIES, [])).initialize();
    const redisUrl = new URL(ctx.config.redisUrl);
    proxy = await TcpProxy.create(Number(redisUrl.port || 6379), redisUrl.hostname);
    redises.push(new IdentityRedis(ctx.config));
    redises.push(new IdentityRedis({ ...ctx.config, redisUrl: `redis://127.0.0.1:${proxy.port}` }));
    announcer = new SessionStateService(db, redises[0]);
    other = new SessionStateService(db, redises[1]);
  });
  afterEach(() => proxy.passReplies());
  afterAll(async () => {
    for (const r of redises) r.onApplicationShutdown();
    await proxy?.close();
    await db?.destroy();
    await ctx?.dispose();
  });

  /** A new account, with `other` subscribed and remembering its token's state. */
  async function rememberedByOther(username: string) {
    const [{ id }] = (await db.query(
      `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, 'x', '管理员', 'platform_admin') RETURNING id`,
      [username],
    )) as { id: string }[];
    const session = { userId: id, sessionId: null, sessionVersion: 0 };
    await subscribed(other, session);
    await other.check(session); // now kept
    return session;
  }
  /** The first checks start the subscription; waits (up to 2 s) until it is live. */
  async function subscribed(service: SessionStateService, session: TokenSession) {
    for (let i = 0; i < 100 && !service.isListening; i++) {
      await service.check(session);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(service.isListening).toBe(true);
  }
  const outcome = (check: Promise<void>) =>
    check.then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    );
  const endSessions = (userId: string) => db.transaction((manager) => announcer.bumpVersion(manager, userId));

  it('refuses the first request after the announcement although the message has not yet arrived', async () => {
    const session = await rememberedByOther('in-transit');
    proxy.holdReplies();
    await endSessions(session.userId);
    await announcer.announceUser(session.userId); // published: Redis has queued it for `other`, the proxy holds it

    const answer = outcome(other.check(session));
    await new Promise((resolve) => setImmediate(resolve));
    proxy.passReplies(); // the message, then the PING's answer
    expect(await answer).toBe('SESSION_ENDED');
    // Checked again later it is still refused: the state was dropped, not cached again from before the revocation.
    expect(await outcome(other.check(session))).toBe('SESSION_ENDED');
  });

  it('reads the database when Redis does not answer the PING in time', async () => {
    const session = await rememberedByOther('redis-silent');
    proxy.holdReplies();
    // Ended in the database; whatever `other` would hear is held.
    await endSessions(session.userId);
    expect(await outcome(other.check(session))).toBe('SESSION_ENDED');
  });

  it('with Redis away, refuses the next request after a revocation it could not hear', async () => {
    const session = await rememberedByOther('redis-away');
    // `other` loses Redis for good: its own proxy stops, so the announcement cannot reach it.
    const away = await TcpProxy.create(Number(new URL(ctx.config.redisUrl).port || 6379));
    const cutOffRedis = new IdentityRedis({ ...ctx.config, redisUrl: `redis://127.0.0.1:${away.port}` });
    redises.push(cutOffRedis);
    const cutOff = new SessionStateService(db, cutOffRedis);
    await subscribed(cutOff, session);
    await away.close();
    for (let i = 0; i < 100 && cutOff.isListening; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cutOff.isListening).toBe(false);
    expect(await outcome(cutOff.check(session))).toBe('ok');

    await endSessions(session.userId);
    await announcer.announceUser(session.userId);
    expect(await outcome(cutOff.check(session))).toBe('SESSION_ENDED');
  });

  it('answers from what it remembers while nothing was revoked', async () => {
    const session = await rememberedByOther('untouched');
    await db.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [session.userId]); // unannounced
    expect(await outcome(other.check(session))).toBe('ok');
  });
});
