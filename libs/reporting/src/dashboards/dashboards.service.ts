import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  chinaDateOf,
  Clock,
  normalizeHours,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  runCommand,
  runPage,
  runQuery,
  runTemplate,
} from '@cqo/core';
import { ComplianceState, COMPLIANCE_STATES, currentYear } from '@cqo/credit-hours';
import {
  AppointmentsService,
  AppointmentView,
  assertCanSeeEnterprise,
  assertRegulatorOrAdmin,
  enterpriseScope,
  regionFilterPath,
  RegistryErrors,
} from '@cqo/registry';
import { CqoStatusService, YearStatusView } from '../lookup/cqo-status.service';
import { emptyCount, sumCounts, TargetCount, TargetFiguresService } from '../targets/target-figures.service';
import { criteriaSql, meetsCriteria } from '../targets/target-criteria';
import { appointmentsQuery, ListedAppointmentState, ListQuery, shortfallsQuery } from './registry-lists';
import {
  complianceStats,
  countEnterprises,
  cqoYearStats,
  enterpriseAttributes,
  HAS_SERVING_CQO,
  openFlagsByGroup,
  pageEnterprises,
  refreshComplianceStats,
  refreshCqoYearStats,
  refreshStatsMeta,
  rootRegionPath,
  scopeRegions,
  statsComputedAt,
  yearlyRequirements,
} from '../sql/dashboards.sql';
import { countShortfalls, pageShortfalls, ShortfallParams } from '../sql/registry-lists.sql';

/** A target's figures on the date asked (`asOf`), and at its deadline once the deadline has passed. */
export interface TargetFigures extends TargetCount {
  code: string;
  name: string;
  deadline: string;
  targetRate: number;
  /** verdict === 'met' (an empty group is never met). */
  met: boolean;
  /** The figures on the deadline (the verdict the province assesses); null while the deadline is ahead. */
  atDeadline: TargetCount | null;
}

export interface RequirementStateCounts {
  requirement: string;
  ruleName: string;
  /** Serving CQOs by state; `missing`: no status computed yet. */
  counts: Record<ComplianceState | 'missing', number>;
}

export interface ComplianceFigures {
  year: number;
  /** CQOs serving in the year (a term overlapping it). */
  servingCqos: number;
  /** Of those, how many met every yearly requirement (state complete). */
  complete: number;
  rate: number | null;
  byRequirement: RequirementStateCounts[];
}

export interface RegionFigures {
  regionId: string;
  regionName: string;
  regionPath: string;
  /** Enterprises on the official lists on `asOf`. */
  enterprises: number;
  /** Of those, with a counted CQO on `asOf` (eligible, no exception, not disqualified). */
  enterprisesWithCqo: number;
  appointmentRate: number | null;
  targets: TargetFigures[];
  servingCqos: number;
  /** Enterprises whose serving CQO is not counted (appointed by exception, or disqualified). */
  exceptionAppointments: number;
  /** Enterprises without a serving CQO on `asOf` but with one registered to start later. */
  futureDatedAppointments: number;
  openFlags: number;
  compliance: ComplianceFigures[];
}

export interface RegionDashboard {
  year: number;
  /** The date (CST) the target figures are for (default today). */
  asOf: string;
  /** Today (CST). */
  today: string;
  /** When the precomputed figures were computed (refreshed every few minutes by the worker). */
  figuresAsOf: Date | null;
  totals: RegionFigures;
  /** One row per region directly below (the cities, for the province); empty for a city. */
  children: RegionFigures[];
}

export interface EnterpriseRow {
  enterpriseId: string;
  name: string;
  creditCode: string;
  regionName: string;
  targetGroups: string[];
  cqoTraineeId: string | null;
  cqoName: string | null;
  appointedOn: string | null;
  termEndsOn: string | null;
  exceptionFlagged: boolean;
  /** The CQO's yearly requirements in `year`: complete, or the worst state; null without a CQO. */
  yearState: ComplianceState | 'missing' | null;
  shortfallHours: string | null;
}

export interface EnterpriseFilter {
  regionId?: string;
  year?: number;
  target?: string;
  appointed?: boolean;
}

export interface EnterpriseDrillDown {
  enterpriseId: string;
  name: string;
  creditCode: string;
  regionId: string;
  regionName: string;
  targetGroups: string[];
  appointments: AppointmentView[];
  currentCqo: { traineeId: string; fullName: string; years: YearStatusView[]; openFlags: number } | null;
}

export interface ShortfallRow {
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  year: number;
  /** 在任 / 拟任 (a registered term not yet started) / 已离任, as of today. */
  appointmentState: ListedAppointmentState;
  requirement: string;
  ruleName: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
}

const STATE_ORDER: (ComplianceState | 'missing')[] = ['shortfall', 'at_risk', 'missing', 'on_track', 'not_applicable', 'complete'];

/**
 * Regulators' dashboards: per region with its cities, drill-down to enterprises and CQOs. The
 * region figures come from precomputed per-region views (set-based SQL in the RegistryStats
 * migration, refreshed by the worker); the lists below them are live, paged, set-based queries
 * whose comments say which index serves them.
 */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appointments: AppointmentsService,
    private readonly status: CqoStatusService,
    private readonly targetFigures: TargetFiguresService,
    private readonly clock: Clock,
  ) {}

  async region(actor: Actor, filter: { regionId?: string; year?: number; asOf?: string }): Promise<RegionDashboard> {
    const scopePath = (await regionFilterPath(this.dataSource, actor, filter.regionId)) ?? (await this.rootPath());
    const today = chinaDateOf(this.clock.now());
    if (filter.asOf !== undefined && (filter.asOf > today || filter.asOf < '2000-01-01')) throw RegistryErrors.asOfOutOfRange();
    return this.regionFigures(scopePath, this.year(filter.year, this.clock.now()), filter.asOf);
  }

  /**
   * The figures of a region (by path) and of the regions directly below it, from the
   * precomputed per-region views (see migration RegistryStats; `asOf` says when they were
   * computed) and the open flags (live: few rows). No scope check: for the city report job.
   */
  async regionFigures(scopePath: string, year: number, asOfDate?: string): Promise<RegionDashboard> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const asOf = asOfDate ?? today;
    const targets = await this.targetFigures.targets();
    // The figures on the date asked and on each deadline already passed: one statement for all.
    const deadlines = targets.map((t) => t.deadline).filter((d) => d <= today);
    // Every region in scope mapped to its group, one pass over the handful of region rows.
    const [atDeadline, regionRows, cqoRows, stateRows, flagRows, ruleRows, meta] = await Promise.all([
      this.targetFigures.countsOnDates(scopePath, [asOf, ...deadlines], targets),
      runQuery(this.dataSource, scopeRegions, [scopePath]),
      runQuery(this.dataSource, cqoYearStats, [scopePath, year, year - 1]),
      runQuery(this.dataSource, complianceStats, [scopePath, year, year - 1]),
      // Open regulator flags on CQOs serving now (ix_cqo_flags_open, then the serving index).
      runQuery(this.dataSource, openFlagsByGroup, [scopePath]),
      // The yearly requirements governing the year (names and order), whatever region's rule set
      // (governing_rule_set_id, the credit-hours lib's one definition, decides which sets govern).
      runQuery(this.dataSource, yearlyRequirements, [year]),
      runQuery(this.dataSource, statsComputedAt, []),
    ]);
    const onAsOf = atDeadline.get(asOf)!;
    const rules = ruleRows.sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
    const figures = (regions: { id: string; name: string; path: string }[], name: string, id: string, path: string): RegionFigures => {
      const paths = new Set(regions.map((r) => r.path));
      const groupPaths = [...paths];
      const totals = groupPaths.map((p) => onAsOf.totals.get(p)).filter((t) => t !== undefined);
      const sum = (k: 'enterprises' | 'appointed' | 'exceptionAppointments' | 'futureDated') => totals.reduce((t, r) => t + r[k], 0);
      const enterprises = sum('enterprises');
      const appointed = sum('appointed');
      const countOf = (date: string, i: number, rate: number) =>
        sumCounts(
          date,
          rate,
          groupPaths.map((p) => atDeadline.get(date)!.byGroup.get(p)?.[i] ?? emptyCount(date)),
        );
      const compliance = [year, year - 1].map((y) => {
        const cqo = cqoRows.filter((r) => r.year === y && paths.has(r.group_path));
        const states = stateRows.filter((r) => r.year === y && paths.has(r.group_path));
        const serving = cqo.reduce((t, r) => t + r.serving, 0);
        const complete = cqo.reduce((t, r) => t + r.complete, 0);
        const codes = [
          ...rules.map((r) => r.code),
          ...new Set(states.map((s) => s.requirement).filter((c) => !rules.some((r) => r.code === c))),
        ];
        return {
          year: y,
          servingCqos: serving,
          complete,
          rate: ratio(complete, serving),
          byRequirement: codes.map((requirement) => {
            const counts = Object.fromEntries([...COMPLIANCE_STATES, 'missing'].map((s) => [s, 0])) as Record<
              ComplianceState | 'missing',
              number
            >;
            for (const r of states.filter((s) => s.requirement === requirement)) counts[r.state] += r.cqos;
            // A serving CQO without a status row for the requirement (not recomputed yet).
            counts.missing = Math.max(0, serving - COMPLIANCE_STATES.reduce((t, s) => t + counts[s], 0));
            return { requirement, ruleName: rules.find((r) => r.code === requirement)?.name ?? requirement, counts };
          }),
        };
      });
      return {
        regionId: id,
        regionName: name,
        regionPath: path,
        enterprises,
        enterprisesWithCqo: appointed,
        appointmentRate: ratio(appointed, enterprises),
        targets: targets.map((t, i): TargetFigures => {
          const now = countOf(asOf, i, t.targetRate);
          return {
            ...now,
            code: t.code,
            name: t.name,
            deadline: t.deadline,
            targetRate: t.targetRate,
            met: now.verdict === 'met',
            atDeadline: t.deadline <= today ? countOf(t.deadline, i, t.targetRate) : null,
          };
        }),
        servingCqos: compliance[0].servingCqos,
        exceptionAppointments: sum('exceptionAppointments'),
        futureDatedAppointments: sum('futureDated'),
        openFlags: flagRows.filter((r) => paths.has(r.group_path)).reduce((t, r) => t + r.open_flags, 0),
        compliance,
      };
    };
    const self = regionRows.find((r) => r.path === scopePath)!;
    const children = regionRows.filter((r) => r.path !== scopePath);
    return {
      year,
      asOf,
      today,
      figuresAsOf: meta[0]?.computed_at ?? null,
      totals: figures(regionRows, self.name, self.id, self.path),
      children: children.map((c) => figures([c], c.name, c.id, c.path)),
    };
  }

  /**
   * Recomputes the per-region views the dashboards read (the `registry.refresh-stats` job, every
   * few minutes; the city report job before it reads them). CONCURRENTLY: readers never wait.
   */
  async refreshStats(): Promise<{ ms: number }> {
    const started = Date.now();
    for (const view of [refreshCqoYearStats, refreshComplianceStats, refreshStatsMeta]) await runCommand(this.dataSource, view, []);
    return { ms: Date.now() - started };
  }

  /** Enterprises in scope with their CQO and the CQO's standing in `year` (drill-down from a region). */
  async enterprises(actor: Actor, filter: EnterpriseFilter, page: PageRequest): Promise<Page<EnterpriseRow>> {
    const scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    const year = this.year(filter.year, this.clock.now());
    const targets = await this.targetFigures.targets();
    const target = filter.target ? targets.find((t) => t.code === filter.target) : undefined;
    if (filter.target && !target) throw RegistryErrors.unknownTarget();
    const targetColumns = targets.map((t, i) => `${criteriaSql(t.criteria, 'e')} AS target_${i}`).join(', ');
    // Only the filters asked for: an unused appointment join would still be computed for every enterprise.
    const filters = [
      target ? `AND ${criteriaSql(target.criteria, 'e')}` : '',
      filter.appointed === undefined || filter.appointed === null ? '' : `AND ${filter.appointed ? '' : 'NOT '}${HAS_SERVING_CQO}`,
    ].join(' ');
    // The count and the page side by side (two pooled connections): the answer waits for the slower, not both.
    const [[{ total }], rows] = await Promise.all([
      runTemplate(this.dataSource, countEnterprises, { filters }, [scopePath]),
      runTemplate(this.dataSource, pageEnterprises, { filters, targetColumns: targetColumns ? `, ${targetColumns}` : '' }, [
        scopePath,
        year,
        page.pageSize,
        offsetOf(page),
      ]),
    ]);
    return pageOf(
      rows.map((r) => ({
        enterpriseId: r.id,
        name: r.name,
        creditCode: r.credit_code,
        regionName: r.region_name,
        targetGroups: targets.filter((_, i) => r[`target_${i}`]).map((t) => t.code),
        cqoTraineeId: r.trainee_id,
        cqoName: r.full_name,
        appointedOn: r.appointed_on,
        termEndsOn: r.term_ends_on,
        exceptionFlagged: r.exception,
        yearState: r.trainee_id === null ? null : worstState(r.states),
        shortfallHours: r.trainee_id === null ? null : normalizeHours(r.shortfall ?? '0'),
      })),
      total,
      page,
    );
  }

  /** One enterprise: its target groups, its appointment history, its current CQO's yearly standing. */
  async enterprise(actor: Actor, enterpriseId: string): Promise<EnterpriseDrillDown> {
    assertRegulatorOrAdmin(actor);
    const scope = await enterpriseScope(this.dataSource, enterpriseId);
    assertCanSeeEnterprise(actor, scope);
    const targets = await this.targetFigures.targets();
    const [row] = await runQuery(this.dataSource, enterpriseAttributes, [enterpriseId]);
    const appointments = await this.appointments.ofEnterprise(enterpriseId);
    const serving = appointments.find((a) => a.status === 'serving');
    let currentCqo: EnterpriseDrillDown['currentCqo'] = null;
    if (serving) {
      const status = await this.status.statusOf(serving.traineeId);
      currentCqo = { traineeId: serving.traineeId, fullName: serving.fullName, years: status.years, openFlags: status.openFlags };
    }
    return {
      enterpriseId,
      name: scope.name,
      creditCode: row.credit_code,
      regionId: scope.regionId,
      regionName: row.region_name,
      targetGroups: targets.filter((t) => meetsCriteria(t.criteria, row as never)).map((t) => t.code),
      appointments,
      currentCqo,
    };
  }

  async shortfalls(
    actor: Actor,
    filter: { regionId?: string; year?: number; enterpriseId?: string; requirement?: string; state?: 'at_risk' | 'shortfall' },
    page: PageRequest,
  ): Promise<Page<ShortfallRow>> {
    // The list's parameters, in the order its statement numbers them (shortfallsQuery).
    const params = (await this.shortfallsList(actor, filter)).params as ShortfallParams;
    return runPage(this.dataSource, { count: countShortfalls, rows: pageShortfalls }, params, page, (r) => ({
      traineeId: String(r.trainee_id),
      fullName: String(r.full_name),
      idNumberMasked: String(r.id_number_masked),
      enterpriseId: String(r.enterprise_id),
      enterpriseName: String(r.enterprise_name),
      regionName: String(r.region_name),
      year: Number(r.year),
      appointmentState: r.appointment_state as ListedAppointmentState,
      requirement: String(r.requirement),
      ruleName: String(r.rule_name),
      required: normalizeHours(String(r.required)),
      accrued: normalizeHours(String(r.accrued)),
      shortfall: normalizeHours(String(r.shortfall)),
      state: r.state as ComplianceState,
      final: r.final === true,
    }));
  }

  /** The shortfall list's query for the caller's scope (paged above, streamed by the exports). */
  async shortfallsList(
    actor: Actor,
    filter: { regionId?: string; year?: number; enterpriseId?: string; requirement?: string; state?: 'at_risk' | 'shortfall' },
  ): Promise<ListQuery> {
    const scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    if (filter.enterpriseId) assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, filter.enterpriseId));
    const now = this.clock.now();
    return shortfallsQuery(scopePath, { ...filter, year: this.year(filter.year, now), today: chinaDateOf(now) });
  }

  async appointmentsList(
    actor: Actor,
    filter: { regionId?: string; status?: 'serving' | 'ended' | 'all'; enterpriseId?: string },
  ): Promise<ListQuery> {
    const scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    if (filter.enterpriseId) assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, filter.enterpriseId));
    return appointmentsQuery(scopePath, filter);
  }

  private year(year: number | undefined, now: Date): number {
    const open = currentYear(now);
    if (year === undefined) return open;
    if (year < 2000 || year > open) throw RegistryErrors.yearOutOfRange();
    return year;
  }

  private async rootPath(): Promise<string> {
    const rows = await runQuery(this.dataSource, rootRegionPath, []);
    return rows[0].path;
  }
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function worstState(states: string[] | null): ComplianceState | 'missing' {
  if (!states || states.length === 0) return 'missing';
  if (states.every((s) => s === 'complete')) return 'complete';
  return STATE_ORDER.find((s) => states.includes(s)) ?? 'missing';
}
