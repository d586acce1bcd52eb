import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, Role, runQuery } from '@cqo/core';
import { CourseErrors } from './courses.errors';
import * as sql from './sql/xapi-keys.sql';
import { XapiKeyRow } from './sql/xapi-keys.sql';

export interface XapiKeyView {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Returned once, when the key is made: the whole key is never stored or shown again. */
export interface CreatedXapiKey extends XapiKeyView {
  key: string;
}

export interface XapiCaller {
  keyId: string | null;
  organizationId: string;
  /**
   * Set when the key pair was recognized from this process's cache without asking the database:
   * the caller must check that the key is not revoked in its own next statement (XapiService's
   * intake does, in the query that resolves the statements) before it acts on anything.
   */
  revocationUnchecked?: boolean;
  /** Set when the caller is a cmi5 AU with the credentials of its launch. */
  launch?: LaunchCaller;
}

/** A cmi5 launch as its AU's statements need it. */
export interface LaunchCaller {
  id: string;
  enrollmentId: string;
  lessonId: string;
  auId: string;
  registration: string;
  username: string;
  launchedAt: Date;
  terminatedAt: Date | null;
}

/** Basic-auth usernames of cmi5 launch credentials: `launch.<launch id>`. */
export const LAUNCH_USERNAME_PREFIX = 'launch.';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** How long a key pair stays in the process's cache, and how many it holds (least recently used go first). */
const KEY_CACHE_TTL_MS = 60_000;
const KEY_CACHE_SIZE = 1_000;

interface CachedKey {
  hash: Buffer;
  organizationId: string;
  expiresAt: number;
}

/** API keys with which a training organization's content platform sends xAPI statements. */
@Injectable()
export class XapiKeysService {
  /**
   * Key pairs seen lately (id → SHA-256 of the secret, organization), so a content player's
   * statements need no separate authentication query. The cache never decides revocation: a
   * hit is returned `revocationUnchecked`, and only to a caller that checks `revoked_at` in its
   * own statement (see authenticateRequest's `foldRevocationCheck`).
   */
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string): Promise<CreatedXapiKey> {
    const organizationId = this.orgOf(actor);
    // 256 random bits: a plain SHA-256 is enough to store it (no password stretching needed).
    const key = `cqo_xk_${randomBytes(32).toString('base64url')}`;
    const [row] = await runQuery(this.dataSource, sql.insertKey, [
      organizationId,
      name.trim(),
      key.slice(0, 12),
      hashApiKey(key),
      actor.userId,
      this.clock.now(),
    ]);
    return { ...toView(row), key };
  }

  async list(actor: Actor): Promise<XapiKeyView[]> {
    const rows = await runQuery(this.dataSource, sql.keysOfOrganization, [this.orgOf(actor)]);
    return rows.map(toView);
  }

  async revoke(actor: Actor, id: string): Promise<XapiKeyView> {
    const found = await runQuery(this.dataSource, sql.keyOrganization, [id]);
    if (!found.length) throw CourseErrors.apiKeyNotFound();
    if (found[0].organization_id !== this.orgOf(actor)) throw CommonErrors.outOfScope();
    const [row] = await runQuery(this.dataSource, sql.revokeKey, [id, this.clock.now()]);
    this.cache.delete(id);
    return toView(row);
  }

  /** The organization a presented key belongs to; 401 if it is unknown or revoked. */
  async authenticate(key: string | undefined): Promise<XapiCaller> {
    if (!key) throw CourseErrors.apiKeyInvalid();
    const rows = await runQuery(this.dataSource, sql.liveKeyByHash, [hashApiKey(key.trim())]);
    if (!rows.length) throw CourseErrors.apiKeyInvalid();
    return { keyId: rows[0].id, organizationId: rows[0].organization_id };
  }

  /**
   * The organization behind an xAPI request: HTTP Basic with the key's id as username and the key
   * itself as password (as content players send it), or the older `X-API-Key` header. `basic`
   * tells which, since only Basic-auth callers are content players (see XapiService).
   * With `foldRevocationCheck` a key pair found in the cache is answered without a query, marked
   * `revocationUnchecked`: the caller promises to check revocation in its own next statement.
   */
  async authenticateRequest(
    authorization: string | undefined,
    apiKey: string | undefined,
    foldRevocationCheck = false,
  ): Promise<XapiCaller & { basic: boolean }> {
    const [scheme, encoded] = (authorization ?? '').trim().split(/\s+/);
    if (scheme?.toLowerCase() === 'basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const keyId = colon > 0 ? decoded.slice(0, colon) : '';
      const secret = colon > 0 ? decoded.slice(colon + 1) : '';
      if (keyId.startsWith(LAUNCH_USERNAME_PREFIX))
        return { ...(await this.authenticateLaunch(keyId.slice(LAUNCH_USERNAME_PREFIX.length), secret)), basic: true };
      if (!isUUID(keyId) || !secret) throw CourseErrors.apiKeyInvalid();
      const id = keyId.toLowerCase();
      const hash = hashApiKey(secret);
      if (foldRevocationCheck) {
        const cached = this.cached(id, hash);
        if (cached) return { keyId: id, organizationId: cached, basic: true, revocationUnchecked: true };
      }
      const rows = await runQuery(this.dataSource, sql.liveKeyByIdAndHash, [id, hash]);
      if (!rows.length) {
        this.cache.delete(id);
        throw CourseErrors.apiKeyInvalid();
      }
      this.remember(rows[0].id, hash, rows[0].organization_id);
      return { keyId: rows[0].id, organizationId: rows[0].organization_id, basic: true };
    }
    return { ...(await this.authenticate(apiKey)), basic: false };
  }

  /** The credentials a cmi5 AU got for its launch (by the fetch token); 401 once the launch was abandoned. */
  private async authenticateLaunch(launchId: string, secret: string): Promise<XapiCaller> {
    if (!isUUID(launchId) || !secret) throw CourseErrors.apiKeyInvalid();
    const [row] = await runQuery(this.dataSource, sql.launchByCredentials, [launchId, hashApiKey(secret)]);
    if (!row) throw CourseErrors.apiKeyInvalid();
    return {
      keyId: null,
      organizationId: row.organization_id,
      launch: {
        id: row.id,
        enrollmentId: row.enrollment_id,
        lessonId: row.lesson_id,
        auId: row.au_id,
        registration: row.registration,
        username: row.username,
        launchedAt: row.launched_at,
        terminatedAt: row.terminated_at,
      },
    };
  }

  /** Drops a key pair from the cache (found revoked by another query). */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  /** The organization of a cached key pair whose secret matches, or null (unknown, expired or another secret). */
  private cached(keyId: string, hash: string): string | null {
    const entry = this.cache.get(keyId);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.cache.delete(keyId);
      return null;
    }
    if (!timingSafeEqual(entry.hash, Buffer.from(hash, 'hex'))) return null;
    // Most recently used last: Map keeps insertion order.
    this.cache.delete(keyId);
    this.cache.set(keyId, entry);
    return entry.organizationId;
  }

  private remember(keyId: string, hash: string, organizationId: string): void {
    this.cache.delete(keyId);
    this.cache.set(keyId, { hash: Buffer.from(hash, 'hex'), organizationId, expiresAt: Date.now() + KEY_CACHE_TTL_MS });
    if (this.cache.size > KEY_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  private orgOf(actor: Actor): string {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    return actor.organizationId;
  }
}

function toView(r: XapiKeyRow): XapiKeyView {
  return { id: r.id, name: r.name, keyPrefix: r.key_prefix, createdAt: r.created_at, revokedAt: r.revoked_at };
}
