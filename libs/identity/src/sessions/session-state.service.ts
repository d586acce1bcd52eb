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
/** Without the subscription (Redis away), states are re-read from PostgreSQL at least every second. */
const DEGRADED_CACHE_MS = 1_000;
const STATES_KEPT = 20_000;

/**
 * Is this token's account still active and its session still current? Answered from a
 * per-process cache, which every API instance empties for a user or a session the moment
 * another instance publishes its revocation (disable, role or scope change, password change,
 * log-out). Should the subscription be down, the cache holds a state for at most one second, so
 * a revocation still takes effect within a second everywhere.
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: IdentityRedis,
  ) {}

  private get channel(): string {
    return `${this.redis.prefix}:auth:revocations`;
  }

  async check(session: TokenSession): Promise<void> {
    this.listen();
    const key = `${session.userId}|${session.sessionId ?? ''}`;
    let state = this.states.get(key);
    const maxAge = this.listening ? LISTENING_CACHE_MS : DEGRADED_CACHE_MS;
    if (!state || Date.now() - state.loadedAtMs > maxAge) {
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
      // Other instances then re-read within their cache age; with Redis away that is one second.
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
