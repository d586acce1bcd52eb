import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock, runQuery } from '@cqo/core';
import { CourseErrors } from '../courses.errors';
import type { XapiDocumentKind } from '../entities/xapi-document.entity';
import { deleteXapiDocuments, upsertXapiDocument, xapiDocumentForUpdate, xapiDocumentIdsQuery, xapiDocumentQuery } from '../sql/xapi.sql';

/** The query of a State / Activity Profile / Agent Profile request, as sent. */
export interface XapiDocumentQuery {
  activityId?: string;
  agent?: string;
  registration?: string;
  /** stateId or profileId; absent: the request is about all documents of the scope. */
  documentId?: string;
  since?: string;
}

export interface XapiDocument {
  contentType: string;
  content: Buffer;
  etag: string;
  updatedAt: Date;
}

/** The largest document we keep (a content player's resume data is a few kilobytes). */
export const MAX_XAPI_DOCUMENT_BYTES = 1024 * 1024;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The document APIs of xAPI 1.0.3 (State, Activity Profile, Agent Profile), within the
 * organization whose key pair calls. A POST merges a JSON object into the stored one (top-level
 * properties, as the spec says); both must be JSON objects.
 */
@Injectable()
export class XapiDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async put(
    organizationId: string,
    kind: XapiDocumentKind,
    query: XapiDocumentQuery,
    contentType: string | undefined,
    body: unknown,
  ): Promise<void> {
    const { scope, documentId } = this.scopeOf(kind, query, true);
    await this.store(organizationId, kind, scope, documentId!, normalizeType(contentType), toBytes(body));
  }

  async merge(
    organizationId: string,
    kind: XapiDocumentKind,
    query: XapiDocumentQuery,
    contentType: string | undefined,
    body: unknown,
  ): Promise<void> {
    const { scope, documentId } = this.scopeOf(kind, query, true);
    const type = normalizeType(contentType);
    await this.dataSource.transaction(async (manager) => {
      const [existing] = await runQuery(manager, xapiDocumentForUpdate, [organizationId, kind, scope, documentId!]);
      let content = toBytes(body);
      if (existing) {
        const incoming = type === 'application/json' && isObject(body) ? body : null;
        const stored = existing.content_type === 'application/json' ? parseObject(existing.content) : null;
        if (!incoming) throw CourseErrors.xapiParameterInvalid('body', '合并（POST）须提交 JSON 对象');
        if (!stored) throw CourseErrors.xapiParameterInvalid('body', '已存的文档不是 JSON 对象，不能合并，请用 PUT 替换');
        content = Buffer.from(JSON.stringify({ ...stored, ...incoming }));
      }
      await this.upsert(manager, organizationId, kind, scope, documentId!, existing ? 'application/json' : type, content);
    });
  }

  /** One document (documentId given), or 404. */
  async get(organizationId: string, kind: XapiDocumentKind, query: XapiDocumentQuery): Promise<XapiDocument> {
    const { scope, documentId } = this.scopeOf(kind, query, true);
    const [row] = await runQuery(this.dataSource, xapiDocumentQuery, [organizationId, kind, scope, documentId!]);
    if (!row) throw CourseErrors.documentNotFound();
    return { content: row.content, contentType: row.content_type, etag: row.etag, updatedAt: row.updated_at };
  }

  /** The ids of the scope's documents (changed after `since`, when given). */
  async ids(organizationId: string, kind: XapiDocumentKind, query: XapiDocumentQuery): Promise<string[]> {
    const { scope } = this.scopeOf(kind, query, false);
    let since: Date | null = null;
    if (query.since !== undefined) {
      since = new Date(query.since);
      if (Number.isNaN(since.getTime())) throw CourseErrors.xapiParameterInvalid('since', '必须是 ISO 8601 日期时间');
    }
    const rows = await runQuery(this.dataSource, xapiDocumentIdsQuery, [organizationId, kind, scope, since]);
    return rows.map((r) => r.document_id);
  }

  /** Deletes one document, or (State API without stateId) all of the scope. Deleting nothing is fine. */
  async delete(organizationId: string, kind: XapiDocumentKind, query: XapiDocumentQuery): Promise<void> {
    const { scope, documentId } = this.scopeOf(kind, query, kind !== 'state');
    await runQuery(this.dataSource, deleteXapiDocuments, [organizationId, kind, scope, documentId ?? null]);
  }

  private async store(
    organizationId: string,
    kind: XapiDocumentKind,
    scope: string,
    documentId: string,
    contentType: string,
    content: Buffer,
  ): Promise<void> {
    await this.upsert(this.dataSource.manager, organizationId, kind, scope, documentId, contentType, content);
  }

  private async upsert(
    manager: DataSource['manager'],
    organizationId: string,
    kind: XapiDocumentKind,
    scope: string,
    documentId: string,
    contentType: string,
    content: Buffer,
  ): Promise<void> {
    if (content.length > MAX_XAPI_DOCUMENT_BYTES)
      throw CourseErrors.xapiParameterInvalid('body', `文档不能超过 ${MAX_XAPI_DOCUMENT_BYTES / 1024} KB`);
    await runQuery(manager, upsertXapiDocument, [
      organizationId,
      kind,
      scope,
      documentId,
      contentType,
      content,
      createHash('sha1').update(content).digest('hex'),
      this.clock.now(),
    ]);
  }

  /** Checks the query parameters the kind needs (400 naming the parameter) and builds the scope. */
  private scopeOf(
    kind: XapiDocumentKind,
    query: XapiDocumentQuery,
    needsDocumentId: boolean,
  ): { scope: string; documentId: string | undefined } {
    const idName = kind === 'state' ? 'stateId' : 'profileId';
    if (needsDocumentId && !query.documentId) throw CourseErrors.xapiParameterInvalid(idName, '必填');
    if (query.documentId !== undefined && (!query.documentId || query.documentId.length > 500))
      throw CourseErrors.xapiParameterInvalid(idName, '长度须在 1–500 之间');
    const activity = () => {
      if (!query.activityId) throw CourseErrors.xapiParameterInvalid('activityId', '必填');
      if (!IRI.test(query.activityId) || query.activityId.length > 2000)
        throw CourseErrors.xapiParameterInvalid('activityId', '必须是 IRI');
      return query.activityId;
    };
    const agent = () => agentKey(query.agent);
    let scope: string;
    if (kind === 'state') {
      if (query.registration !== undefined && !isUUID(query.registration))
        throw CourseErrors.xapiParameterInvalid('registration', '必须是 UUID');
      scope = [activity(), agent(), query.registration?.toLowerCase() ?? ''].join('\n');
    } else if (kind === 'activity_profile') {
      scope = activity();
    } else {
      scope = agent();
    }
    return { scope, documentId: query.documentId };
  }
}

/** The agent's inverse functional identifier, canonical: exactly one of mbox, mbox_sha1sum, openid, account. */
export function agentKey(raw: string | undefined): string {
  if (!raw) throw CourseErrors.xapiParameterInvalid('agent', '必填');
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    throw CourseErrors.xapiParameterInvalid('agent', '必须是 JSON 对象');
  }
  if (!isObject(agent)) throw CourseErrors.xapiParameterInvalid('agent', '必须是 JSON 对象');
  const keys: string[] = [];
  if (typeof agent.mbox === 'string' && agent.mbox.startsWith('mailto:')) keys.push(`mbox:${agent.mbox.toLowerCase()}`);
  if (typeof agent.mbox_sha1sum === 'string' && agent.mbox_sha1sum) keys.push(`sha1:${agent.mbox_sha1sum.toLowerCase()}`);
  if (typeof agent.openid === 'string' && agent.openid) keys.push(`openid:${agent.openid}`);
  if (
    isObject(agent.account) &&
    typeof agent.account.homePage === 'string' &&
    typeof agent.account.name === 'string' &&
    agent.account.name
  ) {
    keys.push(`account:${agent.account.homePage.replace(/\/+$/, '')}|${agent.account.name}`);
  }
  if (keys.length !== 1) throw CourseErrors.xapiParameterInvalid('agent', '须有且只有一个标识（mbox、mbox_sha1sum、openid 或 account）');
  return keys[0];
}

function normalizeType(contentType: string | undefined): string {
  const type = (contentType ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
  return type || 'application/octet-stream';
}

function toBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body === undefined || body === null) return Buffer.alloc(0);
  return Buffer.from(JSON.stringify(body));
}

function parseObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}
