import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, offsetOf, Page, pageOf, PageRequest, runCommand } from '@cqo/core';
import { pruneAuditLog } from '../sql/accounts.sql';
import { AuditAction, AuditLogEntity } from './audit-log.entity';

export interface AuditEvent {
  action: AuditAction;
  actorId?: string | null;
  subjectId?: string | null;
  username?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditLogView {
  id: string;
  at: Date;
  action: AuditAction;
  actorId: string | null;
  subjectId: string | null;
  username: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogFilter {
  action?: AuditAction;
  actorId?: string;
  subjectId?: string;
}

/** A whole 18-character ID number anywhere in a value: the audit log must never hold one. */
const WHOLE_ID_NUMBER = /\d{17}[\dXx]/;

@Injectable()
export class AuditLogService {
  private readonly logger = new Logger(AuditLogService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records one event; inside `manager`'s transaction when given, so it commits with the change. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const details = event.details ?? {};
    if (WHOLE_ID_NUMBER.test(JSON.stringify(details)) || WHOLE_ID_NUMBER.test(event.username ?? '')) {
      // A programming error, never data to keep: refuse the details rather than store a number.
      throw new Error(`audit event ${event.action} carries a whole ID number`);
    }
    await manager.insert(AuditLogEntity, {
      at: this.clock.now(),
      action: event.action,
      actorId: event.actorId ?? null,
      subjectId: event.subjectId ?? null,
      username: event.username?.slice(0, 64) ?? null,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      details: details as never,
    });
  }

  /** Like {@link record}, for events outside any transaction whose loss must not fail the request (log-in failures). */
  async recordQuietly(event: AuditEvent): Promise<void> {
    try {
      await this.record(event);
    } catch (error) {
      this.logger.error(`audit event ${event.action} not recorded: ${(error as Error).message}`);
    }
  }

  /** Newest first. The caller is a platform admin (the route says so). */
  async list(filter: AuditLogFilter, page: PageRequest): Promise<Page<AuditLogView>> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    const [rows, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip(offsetOf(page))
      .take(page.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toView), total, page);
  }

  /** Deletes rows older than `days` (never fewer than 180); returns how many. Idempotent. */
  async purgeOlderThan(days: number): Promise<number> {
    const keep = Math.max(days, 180);
    const cutoff = new Date(this.clock.now().getTime() - keep * 86_400_000);
    const { rowCount } = await runCommand(this.dataSource, pruneAuditLog, [cutoff]);
    return rowCount;
  }
}

/** The columns an audit row shows; nothing else of the entity reaches the API. */
function toView({ id, at, action, actorId, subjectId, username, ip, requestId, details }: AuditLogEntity): AuditLogView {
  return { id, at, action, actorId, subjectId, username, ip, requestId, details };
}
