import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  chinaDateOf,
  Clock,
  CommonErrors,
  FieldIssue,
  isPositiveHours,
  normalizeHours,
  Page,
  PageRequest,
  Role,
  runQuery,
  runTemplatePage,
  ScopePolicy,
  toCentiHours,
} from '@cqo/core';
import * as sql from './sql/adjustments.sql';
import { CREDIT_KINDS, CreditCategory, CreditKind } from './credit-entry.entity';
import { CreditAuditAction } from './credit-audit-log.entity';
import { CreditHoursErrors } from './credit-hours.errors';
import { assertCanAdjust, traineeScope } from './credit-scope';
import { LedgerService } from './ledger.service';

export interface AdjustmentInput {
  traineeId: string;
  category: CreditCategory;
  kind: CreditKind;
  /** Positive exact decimal text; to take hours away, reverse the entry that gave them. */
  hours: string;
  /** The day (YYYY-MM-DD, CST) the hours were earned; it decides their year. Not in the future. */
  occurredOn: string;
  reason: string;
  evidenceRef?: string | null;
}

export interface AuditLogView {
  id: string;
  action: CreditAuditAction;
  actorId: string;
  actorName: string;
  actorRole: Role;
  traineeId: string;
  entryId: string;
  hours: string;
  year: number;
  reason: string;
  createdAt: Date;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Manual changes to a trainee's hours: an adjustment appends a positive entry, a reversal
 * cancels an entry; both need a reason, are scoped (regulators: their region only) and leave
 * an audit record in the same transaction as the ledger entry.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  async adjust(actor: Actor, input: AdjustmentInput): Promise<{ entryId: string; year: number }> {
    const issues = this.checkAdjustment(input);
    if (issues.length > 0) throw CommonErrors.validationFailed(issues);
    assertCanAdjust(actor, await traineeScope(this.dataSource, input.traineeId));
    const kind: CreditKind = input.category === 2 ? 'continuing' : input.kind;
    return this.dataSource.transaction(async (manager) => {
      const result = await this.ledger.append(manager, {
        traineeId: input.traineeId,
        category: input.category,
        kind,
        hours: normalizeHours(input.hours),
        // Noon CST of the stated day: the day, and so the year, is what the admin wrote.
        occurredAt: new Date(`${input.occurredOn}T12:00:00+08:00`),
        source: 'manual_adjustment',
        evidenceRef: input.evidenceRef ?? null,
        reason: input.reason.trim(),
        recordedBy: actor.userId,
      });
      await this.audit(manager, actor, 'adjustment', input.traineeId, result, input.reason.trim());
      return { entryId: result.entryId, year: result.year };
    });
  }

  async reverse(actor: Actor, entryId: string, reason: string): Promise<{ entryId: string; year: number }> {
    if (typeof reason !== 'string' || reason.trim().length < 2 || reason.length > 500) {
      throw CommonErrors.validationFailed([{ field: 'reason', message: '须填写冲销原因（2至500个字符）' }]);
    }
    const rows = await runQuery(this.dataSource, sql.traineeOfEntry, [entryId]);
    if (rows.length === 0) throw CreditHoursErrors.entryNotFound();
    assertCanAdjust(actor, await traineeScope(this.dataSource, rows[0].trainee_id));
    return this.dataSource.transaction(async (manager) => {
      const result = await this.ledger.reverse(manager, entryId, { reason: reason.trim(), recordedBy: actor.userId });
      await this.audit(manager, actor, 'reversal', rows[0].trainee_id, result, reason.trim());
      return { entryId: result.entryId, year: result.year };
    });
  }

  /** The audit trail: platform admins see all, regulators their region's trainees. */
  async auditLog(actor: Actor, filter: { traineeId?: string }, page: PageRequest): Promise<Page<AuditLogView>> {
    if (actor.role !== Role.PlatformAdmin && actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    const params: unknown[] = [filter.traineeId ?? null];
    const scope = ScopePolicy.where(actor, { regionPath: 'g.path' }, params) ?? 'FALSE';
    return runTemplatePage(this.dataSource, { count: sql.countAuditLog, rows: sql.auditLogPage }, { scope }, params, page, (rows) =>
      rows.map((r) => ({
        id: r.id,
        action: r.action,
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        traineeId: r.trainee_id,
        entryId: r.entry_id,
        hours: normalizeHours(r.hours),
        year: r.year,
        reason: r.reason,
        createdAt: r.created_at,
      })),
    );
  }

  private async audit(
    manager: EntityManager,
    actor: Actor,
    action: CreditAuditAction,
    traineeId: string,
    entry: { entryId: string; year: number },
    reason: string,
  ): Promise<void> {
    await runQuery(manager, sql.insertAudit, [
      actor.userId,
      actor.role,
      action,
      traineeId,
      entry.entryId,
      entry.year,
      reason,
      this.clock.now(),
    ]);
  }

  private checkAdjustment(input: AdjustmentInput): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (input.category !== 1 && input.category !== 2) issues.push({ field: 'category', message: '必须是 1 或 2' });
    if (!CREDIT_KINDS.includes(input.kind)) issues.push({ field: 'kind', message: '必须是 appointment 或 continuing' });
    else if (input.category === 2 && input.kind !== 'continuing')
      issues.push({ field: 'kind', message: '第二类课程均为继续教育（continuing）' });
    if (typeof input.hours !== 'string' || !isPositiveHours(input.hours) || toCentiHours(input.hours) > 20_000n) {
      issues.push({ field: 'hours', message: '必须是 0 到 200 之间的正小数文本（最多两位小数）' });
    }
    const date = new Date(`${input.occurredOn}T12:00:00+08:00`);
    if (
      typeof input.occurredOn !== 'string' ||
      !DATE.test(input.occurredOn) ||
      Number.isNaN(date.getTime()) ||
      chinaDateOf(date) !== input.occurredOn
    ) {
      issues.push({ field: 'occurredOn', message: '必须是有效日期（YYYY-MM-DD）' });
    } else if (input.occurredOn > chinaDateOf(this.clock.now())) {
      issues.push({ field: 'occurredOn', message: '不能是将来的日期' });
    }
    if (typeof input.reason !== 'string' || input.reason.trim().length < 2 || input.reason.length > 500) {
      issues.push({ field: 'reason', message: '须填写调整原因（2至500个字符）' });
    }
    return issues;
  }
}
