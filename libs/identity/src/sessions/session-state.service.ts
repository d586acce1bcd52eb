import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Redis } from 'ioredis';
import { DomainError, runCommand, runPrepared } from '@cqo/core';
import { bumpSessionVersionQuery, revokeUserRefreshTokensQuery, sessionStateQuery } from '../sql/session-state.sql';
import { IdentityRedis } from './identity-redis';

/** What an access token says about its session, checked on every request. */
export interface TokenSession {
  userId: string;
  /** The refresh-token family the token was issued in; null for tokens signed outside a log-in (tests, benches). */
  sessionId: string | null;
  sessionVersion: number;
}

interface KnownState {
  active: boolean;
  version: number;
  sessionRevoked: boolean;
  loadedAtMs: number;
}

/**
 * While revocations arrive by Redis pub/sub, a known state is trusted this long (a safety net
 * only: a revocation empties the cache at once). Longer than the study heartbeat interval (30 s),
 * so a studying trainee's beats do not each re-read their account.
 */
const LISTENING_CACHE_MS = 60_000;
/** How long a request waits for the subscriber's PING before it reads its state from PostgreSQL instead. */
const FENCE_TIMEOUT_MS = 250;
const STATES_KEPT = 20_000;

/**
 * Is this token's account still active and its session still current? Answered from a
 * per-process cache, which every API instance empties for a user or a session when another
 * instance publishes its revocation (disable, role or scope change, password change, log-out).
 * Before trusting the cache, a request waits until this process has heard every revocation
 * Redis sent it so far (see {@link revocationsHeard}): a request that arrives after a revocation
 * was announced is refused on every instance, even while the message is still in transit.
 * Should the subscription be down (Redis away), nothing is trusted from the cache: every request
 * reads its state from PostgreSQL (requests of one session arriving together share one read).
 */
@Injectable()
export class SessionStateService {
  private readonly logger = new Logger(SessionStateService.name);
  private readonly states = new Map<string, KnownState>();
  /**
   * Reads under way, by key: requests of one session arriving together (a page's parallel calls,
   * a burst after a restart) wait for one read instead of each sending its own.
   */
  private readonly loading = new Map<string, Promise<KnownState>>();
  /** Bumped by every revocation heard, so a read that raced one is not cached. */
  private generation = 0;
  private subscriber?: Redis;
  private listening = false;
  /** The PING out on the subscriber connection, and the one to follow it (see {@link revocationsHeard}). */
  private fenceOut?: Promise<boolean>;
  private fenceNext?: Promise<boolean>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: IdentityRedis,
  ) {}

  /** Whether revocations arrive by pub/sub (else every check reads its state from PostgreSQL). */
  get isListening(): boolean {
    return this.listening;
  }

  private get channel(): string {
    return `${this.redis.prefix}:auth:revocations`;
  }

  async check(session: TokenSession): Promise<void> {
    this.listen();
    // Not subscribed, or Redis did not answer in time: this request reads the database.
    const heard = this.listening && (await this.revocationsHeard());
    const key = `${session.userId}|${session.sessionId ?? ''}`;
    let state = this.states.get(key);
    if (!state || !heard || Date.now() - state.loadedAtMs > LISTENING_CACHE_MS) {
      let pending = this.loading.get(key);
      if (!pending) {
        pending = this.load(key, session).finally(() => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
        });
        this.loading.set(key, pending);
      }
      state = await pending;
    }
    if (!state.active) throw DomainError.unauthenticated('ACCOUNT_DISABLED', '账号已停用');
    if (state.sessionRevoked || state.version !== session.sessionVersion) {
      throw DomainError.unauthenticated('SESSION_ENDED', '登录已失效，请重新登录');
    }
  }

  /**
   * Ends every session of a user now: raises the version in the caller's transaction. Call
   * {@link announceUser} after the commit so every instance drops what it knows at once.
   */
  async bumpVersion(manager: EntityManager, userId: string): Promise<void> {
    await runCommand(manager, bumpSessionVersionQuery, [userId]);
    await runCommand(manager, revokeUserRefreshTokensQuery, [userId]);
  }

  /** Tells every API instance (this one included) to forget the user's states. */
  async announceUser(userId: string): Promise<void> {
    await this.announce({ u: userId });
  }

  /** Tells every API instance that one session (refresh family) has ended. */
  async announceSession(userId: string, sessionId: string): Promise<void> {
    await this.announce({ u: userId, s: sessionId });
  }

  private async announce(message: { u: string; s?: string }): Promise<void> {
    this.forget(message.u);
    try {
      await this.redis.ready(this.redis.commands);
      await this.redis.commands.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      // Other instances then do not hear it either, so they read every state from the database.
      this.logger.warn(`session revocation not published: ${(error as Error).message}`);
    }
  }

  private forget(userId: string): void {
    this.generation += 1;
    const prefix = `${userId}|`;
    for (const key of this.states.keys()) if (key.startsWith(prefix)) this.states.delete(key);
    // A read under way may have started before the revocation: later requests read afresh.
    for (const key of this.loading.keys()) if (key.startsWith(prefix)) this.loading.delete(key);
  }

  private async load(key: string, session: TokenSession): Promise<KnownState> {
    const generation = this.generation;
    const rows = await runPrepared(this.dataSource, sessionStateQuery, [session.userId, session.sessionId]);
    const row = rows[0];
    const state: KnownState = {
      active: row?.status === 'active',
      version: row?.session_version ?? -1,
      sessionRevoked: row?.session_revoked ?? true,
      loadedAtMs: Date.now(),
    };
    if (generation === this.generation) {
      if (this.states.size >= STATES_KEPT) this.states.delete(this.states.keys().next().value!);
      this.states.set(key, state);
    }
    return state;
  }

  /**
   * Resolves once this process has handled every revocation Redis sent it before the call. A
   * revocation announced by another instance is published before that instance answers, so it
   * is queued for us before any later request reaches us; but it travels on another socket and
   * may not have been read yet. Redis answers a PING on the subscriber connection after the
   * messages queued ahead of it, and ioredis emits those first. Requests arriving while a PING
   * is out share the next one (the one out may have passed Redis before their revocation), so a
   * burst costs two round trips, not one each. False when Redis does not answer in time.
   */
  private revocationsHeard(): Promise<boolean> {
    if (!this.fenceOut) {
      const out = this.pingSubscriber();
      this.fenceOut = out;
      void out.finally(() => {
        if (this.fenceOut === out) this.fenceOut = undefined;
      });
      return out;
    }
    this.fenceNext ??= this.fenceOut.then(() => {
      this.fenceNext = undefined;
      return this.revocationsHeard();
    });
    return this.fenceNext;
  }

  private async pingSubscriber(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), FENCE_TIMEOUT_MS);
    });
    const answered = this.subscriber!.ping().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Subscribes once, on the first check (only the API checks tokens). */
  private listen(): void {
    if (this.subscriber) return;
    void this.redis.commands; // connects the publishing client too, so a first revocation is not lost to a connecting socket
    const subscriber = this.redis.subscriber();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, text: string) => {
      try {
        const message = JSON.parse(text) as { u?: string };
        if (typeof message.u === 'string') this.forget(message.u);
      } catch {
        // not ours; ignore
      }
    });
    subscriber.on('close', () => {
      this.listening = false;
    });
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          // Revocations published while we were not listening are lost: start from PostgreSQL again.
          this.states.clear();
          this.loading.clear();
          this.generation += 1;
          this.listening = true;
        },
        () => undefined,
      );
    });
    void subscriber.connect().catch(() => undefined);
  }
}
