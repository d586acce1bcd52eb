import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, offsetOf, Page, pageOf, PageRequest, Role } from '@cqo/core';
import { LookupKeyKind, RegistryAccessLogEntity } from '../entities/registry-access-log.entity';

export interface AccessLogView {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  subjectId: string | null;
  subjectName: string | null;
  keyKind: LookupKeyKind;
  resultCount: number;
  requestId: string | null;
}

export interface AccessLogFilter {
  actorId?: string;
  subjectId?: string;
}

/** The registry's access log: who looked up whom, when, by what kind of key (never the key). */
@Injectable()
export class AccessLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One row per subject returned, or one row without a subject when nothing was found. */
  async record(actor: Actor, keyKind: LookupKeyKind, subjectIds: string[], requestId: string | null): Promise<void> {
    const at = this.clock.now();
    const subjects = subjectIds.length > 0 ? subjectIds : [null];
    await this.dataSource.getRepository(RegistryAccessLogEntity).insert(
      subjects.map((subjectId) => ({
        actorId: actor.userId,
        actorRole: actor.role,
        subjectId,
        keyKind,
        resultCount: subjectIds.length,
        requestId,
        at,
      })),
    );
  }

  /** Platform admins only, newest first. */
  async list(actor: Actor, filter: AccessLogFilter, page: PageRequest): Promise<Page<AccessLogView>> {
    if (actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    const params = [filter.actorId ?? null, filter.subjectId ?? null];
    const where = 'WHERE ($1::uuid IS NULL OR l.actor_id = $1) AND ($2::uuid IS NULL OR l.subject_id = $2)';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM registry_access_log l ${where}`,
      params,
    );
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      actor_role: string;
      subject_id: string | null;
      subject_name: string | null;
      key_kind: LookupKeyKind;
      result_count: number;
      request_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT l.*, u.display_name AS actor_name, p.full_name AS subject_name
           FROM registry_access_log l
           LEFT JOIN users u ON u.id = l.actor_id
           LEFT JOIN trainee_profiles p ON p.user_id = l.subject_id
          ${where}
          ORDER BY l.at DESC, l.id LIMIT $3 OFFSET $4`,
      [...params, page.pageSize, offsetOf(page)],
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        subjectId: r.subject_id,
        subjectName: r.subject_name,
        keyKind: r.key_kind,
        resultCount: r.result_count,
        requestId: r.request_id,
      })),
      total,
      page,
    );
  }
}
