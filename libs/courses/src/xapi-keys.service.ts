import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, Role } from '@cqo/core';
import { updateReturning } from './course-access';
import { CourseErrors } from './courses.errors';

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
  keyId: string;
  organizationId: string;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** API keys with which a training organization's content platform sends xAPI statements. */
@Injectable()
export class XapiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, name: string): Promise<CreatedXapiKey> {
    const organizationId = this.orgOf(actor);
    // 256 random bits: a plain SHA-256 is enough to store it (no password stretching needed).
    const key = `cqo_xk_${randomBytes(32).toString('base64url')}`;
    const [row]: RawKey[] = await this.dataSource.query(
      `INSERT INTO xapi_api_keys (organization_id, name, key_prefix, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, key_prefix, created_at, revoked_at`,
      [organizationId, name.trim(), key.slice(0, 12), hashApiKey(key), actor.userId, this.clock.now()],
    );
    return { ...toView(row), key };
  }

  async list(actor: Actor): Promise<XapiKeyView[]> {
    const rows: RawKey[] = await this.dataSource.query(
      'SELECT id, name, key_prefix, created_at, revoked_at FROM xapi_api_keys WHERE organization_id = $1 ORDER BY created_at DESC, id',
      [this.orgOf(actor)],
    );
    return rows.map(toView);
  }

  async revoke(actor: Actor, id: string): Promise<XapiKeyView> {
    const found: { organization_id: string }[] = await this.dataSource.query('SELECT organization_id FROM xapi_api_keys WHERE id = $1', [id]);
    if (!found.length) throw CourseErrors.apiKeyNotFound();
    if (found[0].organization_id !== this.orgOf(actor)) throw CommonErrors.outOfScope();
    const [row] = await updateReturning<RawKey>(
      this.dataSource,
      `UPDATE xapi_api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id, name, key_prefix, created_at, revoked_at`,
      [id, this.clock.now()],
    );
    return toView(row);
  }

  /** The organization a presented key belongs to; 401 if it is unknown or revoked. */
  async authenticate(key: string | undefined): Promise<XapiCaller> {
    if (!key) throw CourseErrors.apiKeyInvalid();
    const rows: { id: string; organization_id: string }[] = await this.dataSource.query(
      'SELECT id, organization_id FROM xapi_api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
      [hashApiKey(key.trim())],
    );
    if (!rows.length) throw CourseErrors.apiKeyInvalid();
    return { keyId: rows[0].id, organizationId: rows[0].organization_id };
  }

  /**
   * The organization behind an xAPI request: HTTP Basic with the key's id as username and the key
   * itself as password (as content players send it), or the older `X-API-Key` header. `basic`
   * tells which, since only Basic-auth callers are content players (see XapiService).
   */
  async authenticateRequest(authorization: string | undefined, apiKey: string | undefined): Promise<XapiCaller & { basic: boolean }> {
    const [scheme, encoded] = (authorization ?? '').trim().split(/\s+/);
    if (scheme?.toLowerCase() === 'basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const keyId = colon > 0 ? decoded.slice(0, colon) : '';
      const secret = colon > 0 ? decoded.slice(colon + 1) : '';
      if (!isUUID(keyId) || !secret) throw CourseErrors.apiKeyInvalid();
      const rows: { id: string; organization_id: string }[] = await this.dataSource.query(
        'SELECT id, organization_id FROM xapi_api_keys WHERE id = $1 AND key_hash = $2 AND revoked_at IS NULL',
        [keyId, hashApiKey(secret)],
      );
      if (!rows.length) throw CourseErrors.apiKeyInvalid();
      return { keyId: rows[0].id, organizationId: rows[0].organization_id, basic: true };
    }
    return { ...(await this.authenticate(apiKey)), basic: false };
  }

  private orgOf(actor: Actor): string {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    return actor.organizationId;
  }
}

interface RawKey {
  id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

function toView(r: RawKey): XapiKeyView {
  return { id: r.id, name: r.name, keyPrefix: r.key_prefix, createdAt: r.created_at, revokedAt: r.revoked_at };
}
