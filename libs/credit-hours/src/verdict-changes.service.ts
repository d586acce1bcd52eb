import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, normalizeHours, runQuery } from '@cqo/core';
import { insertNotification } from '@cqo/notifications';
import type { ComplianceState } from './compliance-status.entity';
import * as sql from './sql/verdict-changes.sql';
import { VerdictRow } from './sql/verdict-changes.sql';

export type { VerdictRow } from './sql/verdict-changes.sql';

export interface VerdictChange {
  requirement: string;
  ruleName: string;
  before: VerdictRow | null;
  after: VerdictRow | null;
}

const STATE_LABELS: Record<ComplianceState, string> = {
  not_applicable: '不适用',
  on_track: '进行中',
  at_risk: '进度落后',
  complete: '已完成',
  shortfall: '学时不足',
};

/**
 * A closed year re-opened by a late record (attendance entered after New Year, an xAPI statement
 * dated last year, an adjustment): the engine recomputed it, and if any requirement's verdict
 * changed, the change is audited (before/after) and the trainee, the enterprise's admins and the
 * regulators of the enterprise's city are told. Same transaction as the recomputation.
 */
@Injectable()
export class VerdictChangesService {
  private readonly logger = new Logger(VerdictChangesService.name);

  constructor(private readonly clock: Clock) {}

  /** The year's rows for the trainee (yearly requirements only). */
  async snapshot(manager: EntityManager, traineeId: string, year: number): Promise<VerdictRow[]> {
    return runQuery(manager, sql.yearVerdicts, [traineeId, year]);
  }

  /** Compares, audits and notifies; returns the changes (none when the year had not closed before). */
  async record(
    manager: EntityManager,
    traineeId: string,
    year: number,
    before: VerdictRow[],
    after: VerdictRow[],
    cause: string,
  ): Promise<VerdictChange[]> {
    // Only a verdict that had been made final can be "re-opened"; the year-close run itself is not a change.
    if (!before.some((b) => b.final)) return [];
    const names = await runQuery(manager, sql.requirementNames, [traineeId, year]);
    const nameOf = new Map(names.map((n) => [n.code, n.name]));
    const codes = [...new Set([...before, ...after].map((r) => r.requirement))].sort();
    const changes: VerdictChange[] = [];
    for (const code of codes) {
      const b = before.find((r) => r.requirement === code) ?? null;
      const a = after.find((r) => r.requirement === code) ?? null;
      if (b?.state === a?.state) continue;
      changes.push({ requirement: code, ruleName: nameOf.get(code) ?? code, before: b, after: a });
    }
    if (changes.length === 0) return [];
    const now = this.clock.now();
    for (const c of changes) {
      await runQuery(manager, sql.insertVerdictChange, [
        traineeId,
        year,
        c.requirement,
        c.before?.state ?? null,
        c.after?.state ?? null,
        c.before?.accrued ?? null,
        c.after?.accrued ?? null,
        cause,
        now,
      ]);
    }
    await this.notify(manager, traineeId, year, changes, now);
    this.logger.log(
      { traineeId, year, changes: changes.map((c) => `${c.requirement}:${c.before?.state}->${c.after?.state}`) },
      'closed year verdict changed',
    );
    return changes;
  }

  private async notify(manager: EntityManager, traineeId: string, year: number, changes: VerdictChange[], now: Date): Promise<void> {
    const [who] = await runQuery(manager, sql.whoToTell, [traineeId]);
    if (!who) return;
    const lines = changes.map((c) => `${c.ruleName}：${label(c.before)} → ${label(c.after)}`).join('；');
    const title = `${year}年度学时认定结果已变更`;
    // One key per change set: the after-states name it, so a retried job sends nothing twice.
    const key = `verdict-change:${traineeId}:${year}:${changes.map((c) => `${c.requirement}=${c.after?.state ?? 'none'}@${c.after?.accrued ?? ''}`).join(',')}`;
    const messages = [
      { userId: traineeId, body: `因补录的学习记录，您${year}年度的学时认定结果已重新计算：${lines}。` },
      ...who.admin_ids.map((id) => ({
        userId: id,
        body: `因补录的学习记录，贵企业${who.full_name}${year}年度的学时认定结果已重新计算：${lines}。`,
      })),
      ...who.regulator_ids.map((id) => ({
        userId: id,
        body: `因补录的学习记录，${who.full_name}${year}年度的学时认定结果已重新计算：${lines}。`,
      })),
    ];
    for (const m of messages) {
      await insertNotification(
        manager,
        { userId: m.userId, kind: 'compliance.verdict-changed', title, body: m.body, dedupeKey: `${key}:${m.userId}` },
        now,
      );
    }
  }
}

function label(row: VerdictRow | null): string {
  return row ? `${STATE_LABELS[row.state]}（${normalizeHours(row.accrued)}学时）` : '无';
}
