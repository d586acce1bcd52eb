import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, Page, PageRequest, Role, runPage } from '@cqo/core';
import { LookupKeyKind, RegistryAccessLogEntity } from '../entities/registry-access-log.entity';
import { countAccessLog, listAccessLog } from '../sql/lookup.sql';

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
    private readonly dataSource: DataSource,
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
    const params = [filter.actorId ?? null, filter.subjectId ?? null] as const;
    return runPage(this.dataSource, { count: countAccessLog, rows: listAccessLog }, [...params], page, (r) => ({
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
    }));
  }
}
