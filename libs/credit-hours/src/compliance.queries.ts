import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, normalizeHours, Page, PageRequest, Role, runQuery, runTemplatePage, ScopePolicy } from '@cqo/core';
import { CreditCategory, CreditKind } from './credit-entry.entity';
import { ComplianceState } from './compliance-status.entity';
import { currentYear } from './compliance-period';
import { ComplianceEngine } from './compliance.engine';
import { CreditHoursErrors } from './credit-hours.errors';
import { assertCanSee, traineeScope } from './credit-scope';
import { RequirementPeriod } from './requirement-rule.entity';
import {
  COMPLIANCE_LIST_SCOPE,
  complianceListPage,
  countComplianceList,
  enterpriseRegionPath,
  StatusRow,
  traineeFlags,
  traineeJudged,
  traineeStatuses,
} from './sql/compliance-reads.sql';

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

/** A shortfall flag: open while `clearedAt` is null. A trainee has one per requirement and period at a time. */
export interface ComplianceFlagView {
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
    private readonly dataSource: DataSource,
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
    const [{ judged }] = await runQuery(this.dataSource, traineeJudged, [traineeId]);
    if (!judged) await this.engine.recomputeTrainee(traineeId, undefined, 'first-read');
    const rows = await runQuery(this.dataSource, traineeStatuses, [traineeId, filter.year ?? null]);
    return rows.map(toStatusView);
  }

  /** A trainee's flags, open and cleared, newest first: the history of shortfalls. */
  async flagsOf(actor: Actor, traineeId: string): Promise<ComplianceFlagView[]> {
    assertCanSee(actor, await traineeScope(this.dataSource, traineeId));
    const rows = await runQuery(this.dataSource, traineeFlags, [traineeId]);
    return rows.map((f) => ({
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
    const rows = await runQuery(this.dataSource, enterpriseRegionPath, [enterpriseId]);
    if (rows.length === 0) throw CreditHoursErrors.enterpriseNotFound();
    if (!ScopePolicy.covers(actor, { enterpriseIds: [enterpriseId], regionPaths: [rows[0].path] })) throw CommonErrors.outOfScope();
    return this.listPage(actor, { ...filter, enterpriseId }, page);
  }

  /** Trainees by state in the actor's region (platform admins: everywhere), with filters and paging. */
  async list(actor: Actor, filter: ComplianceListFilter, page: PageRequest): Promise<Page<TraineeComplianceRow>> {
    if (actor.role !== Role.PlatformAdmin && actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    return this.listPage(actor, filter, page);
  }

  private async listPage(actor: Actor, filter: ComplianceListFilter, page: PageRequest): Promise<Page<TraineeComplianceRow>> {
    const year = filter.year ?? currentYear(this.clock.now());
    const params: unknown[] = [
      year,
      filter.requirement ?? null,
      filter.state ?? null,
      filter.enterpriseId ?? null,
      filter.regionId ?? null,
    ];
    const scope = ScopePolicy.where(actor, COMPLIANCE_LIST_SCOPE, params) ?? 'FALSE';
    return runTemplatePage(this.dataSource, { count: countComplianceList, rows: complianceListPage }, { scope }, params, page, (rows) =>
      rows.map((r) => ({
        ...toStatusView(r),
        traineeId: r.trainee_id,
        fullName: r.full_name,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        regionName: r.region_name,
      })),
    );
  }
}

function toStatusView(r: StatusRow): ComplianceStatusView {
  return { ...toRequirementStatus(r), updatedAt: r.updated_at };
}

/** The columns of a status row that describe the requirement and its hours (the evaluator's verdict rows have exactly these). */
type RequirementStatusRow = Omit<StatusRow, 'trainee_id' | 'updated_at'>;

/** A status row's requirement, rule and hours (the columns the engine writes) as a view; shared with the evaluator's verdicts. */
export function toRequirementStatus(r: RequirementStatusRow): Omit<ComplianceStatusView, 'updatedAt'> {
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
  };
}
