import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Clock,
  CommonErrors,
  normalizeHours,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  regionScopeSql,
  Role,
  ScopePolicy,
} from '@cqo/core';
import { CreditCategory, CreditKind } from './credit-entry.entity';
import { ComplianceState } from './compliance-status.entity';
import { currentYear } from './compliance-period';
import { ComplianceEngine } from './compliance.engine';
import { CreditHoursErrors } from './credit-hours.errors';
import { assertCanSee, traineeScope } from './credit-scope';
import { RequirementPeriod } from './requirement-rule.entity';

export interface ComplianceStatusView {
  requirement: string;
  ruleName: string;
  category: CreditCategory;
  kind: CreditKind;
  period: RequirementPeriod;
  /** The calendar year, or 0 for a `once` requirement. */
  periodYear: number;
  ruleSetId: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
  updatedAt: Date;
}

export interface TraineeComplianceRow extends ComplianceStatusView {
  traineeId: string;
  fullName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  regionName: string | null;
}

export interface ComplianceFlagView {
  id: string;
  requirement: string;
  periodYear: number;
  state: string;
  raisedState: string;
  raisedAt: Date;
  clearedAt: Date | null;
  clearedState: string | null;
}

export interface ComplianceListFilter {
  /** Defaults to the open year (CST). `once` requirements are listed with every year. */
  year?: number;
  requirement?: string;
  state?: ComplianceState;
  regionId?: string;
  enterpriseId?: string;
}

/** Reads of compliance statuses and flags, each scoped by the actor. */
@Injectable()
export class ComplianceQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly engine: ComplianceEngine,
  ) {}

  /**
   * A trainee's statuses: the given year (default: every year on record) and the `once`
   * requirements. A trainee the engine has not judged yet (registered since the nightly run) is
   * judged now, so every page shows the engine's verdict and nothing computes one of its own.
   */
  async statusesOf(actor: Actor, traineeId: string, filter: { year?: number } = {}): Promise<ComplianceStatusView[]> {
    assertCanSee(actor, await traineeScope(this.dataSource, traineeId));
    const [{ judged }]: { judged: boolean }[] = await this.dataSource.query(
      'SELECT EXISTS (SELECT 1 FROM compliance_statuses WHERE trainee_id = $1 AND period_year = 0) AS judged',
      [traineeId],
    );
    if (!judged) await this.engine.recomputeTrainee(traineeId, undefined, 'first-read');
    const rows: RawStatus[] = await this.dataSource.query(
      `SELECT s.*, r.name AS rule_name, r.category, r.kind, r.period
         FROM compliance_statuses s JOIN requirement_rules r ON r.id = s.rule_id
        WHERE s.trainee_id = $1 AND ($2::int IS NULL OR s.period_year IN ($2, 0))
        ORDER BY s.period_year DESC, r.sort_order, s.requirement`,
      [traineeId, filter.year ?? null],
    );
    return rows.map(toStatusView);
  }

  /** A trainee's flags, open and cleared, newest first: the history of shortfalls. */
  async flagsOf(actor: Actor, traineeId: string): Promise<ComplianceFlagView[]> {
    assertCanSee(actor, await traineeScope(this.dataSource, traineeId));
    const rows: RawFlag[] = await this.dataSource.query(
      'SELECT * FROM compliance_flags WHERE trainee_id = $1 ORDER BY raised_at DESC, id',
      [traineeId],
    );
    return rows.map((f) => ({
      id: f.id,
      requirement: f.requirement,
      periodYear: f.period_year,
      state: f.state,
      raisedState: f.raised_state,
      raisedAt: f.raised_at,
      clearedAt: f.cleared_at,
      clearedState: f.cleared_state,
    }));
  }

  /** A trainee's statuses and flag history in one read. */
  async overviewOf(
    actor: Actor,
    traineeId: string,
    filter: { year?: number } = {},
  ): Promise<{ statuses: ComplianceStatusView[]; flags: ComplianceFlagView[] }> {
    return { statuses: await this.statusesOf(actor, traineeId, filter), flags: await this.flagsOf(actor, traineeId) };
  }

  /** An enterprise's trainees (its CQO and employees) with their statuses; for its admin, its regulator, platform admins. */
  async forEnterprise(
    actor: Actor,
    enterpriseId: string,
    filter: Omit<ComplianceListFilter, 'enterpriseId' | 'regionId'>,
    page: PageRequest,
  ): Promise<Page<TraineeComplianceRow>> {
    const rows: { path: string }[] = await this.dataSource.query(
      'SELECT g.path FROM enterprises e JOIN regions g ON g.id = e.region_id WHERE e.id = $1',
      [enterpriseId],
    );
    if (rows.length === 0) throw CreditHoursErrors.enterpriseNotFound();
    if (!ScopePolicy.covers(actor, { enterpriseIds: [enterpriseId], regionPaths: [rows[0].path] })) throw CommonErrors.outOfScope();
    return this.query(actor, { ...filter, enterpriseId }, page);
  }

  /** Trainees by state in the actor's region (platform admins: everywhere), with filters and paging. */
  async list(actor: Actor, filter: ComplianceListFilter, page: PageRequest): Promise<Page<TraineeComplianceRow>> {
    if (actor.role !== Role.PlatformAdmin && actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    return this.query(actor, filter, page);
  }

  private async query(actor: Actor, filter: ComplianceListFilter, page: PageRequest): Promise<Page<TraineeComplianceRow>> {
    const year = filter.year ?? currentYear(this.clock.now());
    const params: unknown[] = [
      year,
      filter.requirement ?? null,
      filter.state ?? null,
      filter.enterpriseId ?? null,
      filter.regionId ?? null,
    ];
    const scope = ScopePolicy.where(actor, { enterprise: 'p.enterprise_id', regionPath: 'g.path' }, params) ?? 'FALSE';
    const from = `FROM compliance_statuses s
       JOIN requirement_rules r ON r.id = s.rule_id
       JOIN trainee_profiles p ON p.user_id = s.trainee_id
       LEFT JOIN enterprises e ON e.id = p.enterprise_id
       LEFT JOIN regions g ON g.id = e.region_id
      WHERE s.period_year IN ($1, 0)
        AND ($2::text IS NULL OR s.requirement = $2)
        AND ($3::text IS NULL OR s.state = $3)
        AND ($4::uuid IS NULL OR p.enterprise_id = $4)
        AND ($5::uuid IS NULL OR ${regionScopeSql('g.path', '(SELECT path FROM regions WHERE id = $5)')})
        AND ${scope}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: (RawStatus & {
      full_name: string;
      enterprise_id: string | null;
      enterprise_name: string | null;
      region_name: string | null;
    })[] = await this.dataSource.query(
      `SELECT s.*, r.name AS rule_name, r.category, r.kind, r.period,
                p.full_name, p.enterprise_id, e.name AS enterprise_name, g.name AS region_name
           ${from}
          ORDER BY p.full_name, s.trainee_id, s.period_year DESC, r.sort_order
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.pageSize, offsetOf(page)],
    );
    return pageOf(
      rows.map((r) => ({
        ...toStatusView(r),
        traineeId: r.trainee_id,
        fullName: r.full_name,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        regionName: r.region_name,
      })),
      total,
      page,
    );
  }
}

interface RawStatus {
  trainee_id: string;
  requirement: string;
  period_year: number;
  rule_set_id: string;
  rule_name: string;
  category: CreditCategory;
  kind: CreditKind;
  period: RequirementPeriod;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
  updated_at: Date;
}

interface RawFlag {
  id: string;
  requirement: string;
  period_year: number;
  state: string;
  raised_state: string;
  raised_at: Date;
  cleared_at: Date | null;
  cleared_state: string | null;
}

function toStatusView(r: RawStatus): ComplianceStatusView {
  return {
    requirement: r.requirement,
    ruleName: r.rule_name,
    category: r.category,
    kind: r.kind,
    period: r.period,
    periodYear: r.period_year,
    ruleSetId: r.rule_set_id,
    required: normalizeHours(r.required),
    accrued: normalizeHours(r.accrued),
    shortfall: normalizeHours(r.shortfall),
    state: r.state,
    final: r.final,
    updatedAt: r.updated_at,
  };
}
