import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { runCommand, runQuery, runTemplate } from '@cqo/core';
import { AppointmentTargetEntity } from '../entities/appointment-target.entity';
import { asOfKey } from '@cqo/credit-hours';
import { EligibilityService } from '@cqo/registry';
import { criteriaSql, TargetCriteria } from './target-criteria';
import { exceptionsForTrainingOnDates, figuresEpoch, figuresOnDates, setFiguresWorkMem } from '../sql/targets.sql';

export { GROUPS_SQL } from '../sql/targets.sql';

/** met: rate reached; not_met: not reached; no_target_enterprises: the group is empty (never met, never 0%). */
export type TargetVerdict = 'met' | 'not_met' | 'no_target_enterprises';

export interface AppointmentTarget {
  code: string;
  name: string;
  deadline: string;
  targetRate: number;
  criteria: TargetCriteria;
}

/** A target group's figures on one date. */
export interface TargetCount {
  /** The date (CST) the figures are for. */
  date: string;
  /** Enterprises of the group on the official lists on that date. */
  enterprises: number;
  /** Of those, with a CQO serving on that date who was eligible when appointed (no exception) and not disqualified. */
  appointed: number;
  /** With a serving CQO appointed by exception, or one flagged as disqualified on that date (not counted). */
  exceptionAppointments: number;
  /** Without a serving CQO on that date but with an appointment registered to start later (not counted). */
  futureDated: number;
  /** appointed / enterprises; null for an empty group. */
  rate: number | null;
  verdict: TargetVerdict;
}

/** Per group (a region path) and target index, the counts. */
export type GroupTargetCounts = Map<string, TargetCount[]>;

/** Per group path, the enterprises on the lists and those with a counted CQO, on the date. */
export interface GroupTotals {
  enterprises: number;
  appointed: number;
  exceptionAppointments: number;
  futureDated: number;
}

/** A group's figures on one date: per target, and totals. */
export interface CountsOnDate {
  byGroup: GroupTargetCounts;
  totals: Map<string, GroupTotals>;
}

/** Figures kept per process: a few scopes × a few dates each; an epoch change makes old ones unreachable. */
const CACHE_ENTRIES = 256;

/**
 * The notice's target figures as of a date, computed from history: the master-data version of
 * each enterprise in force on the date, the appointments serving on it, and the disqualifying
 * flags open on it. A later appointment, end or master-data change dated after the date does not
 * change the answer. This is the one place that decides what "appointed toward a target" means:
 * a serving appointment whose appointee is eligible on the date and not disqualified — eligible
 * when appointed, or appointed by exception for missing appointment training only and the
 * training completed by the date (the ledger as of the date, through the credit-hours evaluator).
 */
@Injectable()
export class TargetFiguresService {
  /** Figures by (epoch, scope, date, targets, trained set); see {@link countsOnDates}. */
  private readonly cache = new Map<string, CountsOnDate>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
  ) {}

  /** The targets in the rule table, in order. */
  async targets(): Promise<AppointmentTarget[]> {
    const rows = await this.dataSource.getRepository(AppointmentTargetEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map((r) => ({ code: r.code, name: r.name, deadline: r.deadline, targetRate: Number(r.targetRate), criteria: r.criteria }));
  }

  /** Counts for every group below `scopePath` on one date (see {@link countsOnDates}). */
  async countsOn(scopePath: string, date: string, targets: AppointmentTarget[]): Promise<CountsOnDate> {
    return (await this.countsOnDates(scopePath, [date], targets)).get(date)!;
  }

  /**
   * Counts for every group below `scopePath` (see `GROUPS_SQL`: the scope itself and the regions
   * directly below it) on each of `dates`: one set-based statement for all the dates (one pass
   * over the master-data versions and one over the appointments), after asking the evaluator
   * about the few appointments made by exception for missing training. Figures of a date are
   * cached under `registry_figures_epoch`, which every change to their sources bumps in the same
   * transaction (migration RegistryFiguresEpoch), so a cached answer is never stale: the
   * dashboards' repeated questions (today, the past deadlines) cost one indexed read.
   */
  async countsOnDates(scopePath: string, dates: readonly string[], targets: AppointmentTarget[]): Promise<Map<string, CountsOnDate>> {
    const unique = [...new Set(dates)];
    const trained = await this.trainedByDate(unique);
    // The epoch and the figures are read in one snapshot: figures cached under an epoch are exactly
    // what this statement would compute from that epoch's data (with the same date, targets and trained set).
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ epoch }] = await runQuery(manager, figuresEpoch, []);
      const targetsKey = JSON.stringify(targets);
      const keyOf = (date: string) =>
        JSON.stringify([
          epoch,
          scopePath,
          date,
          targetsKey,
          trained
            .filter((t) => t.date === date)
            .map((t) => t.traineeId)
            .sort(),
        ]);
      const missing = unique.filter((d) => !this.cache.has(keyOf(d)));
      if (missing.length > 0) {
        const computed = await this.compute(manager, scopePath, missing, targets, trained);
        for (const d of missing) this.remember(keyOf(d), computed.get(d)!);
      }
      return new Map(unique.map((d) => [d, this.cache.get(keyOf(d))!]));
    });
  }

  /** Keeps the latest {@link CACHE_ENTRIES} figures (insertion order: the oldest goes first). */
  private remember(key: string, counts: CountsOnDate): void {
    this.cache.delete(key);
    this.cache.set(key, counts);
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
  }

  private async compute(
    manager: EntityManager,
    scopePath: string,
    unique: string[],
    targets: AppointmentTarget[],
    trained: { traineeId: string; date: string }[],
  ): Promise<Map<string, CountsOnDate>> {
    const columns = targets
      .map((t, i) => {
        const inGroup = `t${i}`;
        return `count(*) FILTER (WHERE ${inGroup})::int AS n${i},
                count(*) FILTER (WHERE ${inGroup} AND counted)::int AS a${i},
                count(*) FILTER (WHERE ${inGroup} AND serving AND NOT counted)::int AS x${i},
                count(*) FILTER (WHERE ${inGroup} AND NOT serving AND future)::int AS f${i}`;
      })
      .join(',\n');
    const predicates = targets.map((t, i) => `${criteriaSql(t.criteria, 'v')} AS t${i}`).join(', ');
    // Tens of thousands of (enterprise, date) rows are grouped: sorted in memory, not on disk.
    await runCommand(manager, setFiguresWorkMem, []);
    const rows = await runTemplate(
      manager,
      figuresOnDates,
      { predicates: predicates ? `, ${predicates}` : '', columns: columns ? `, ${columns}` : '' },
      [scopePath, unique, trained.map((t) => t.traineeId), trained.map((t) => t.date)],
    );
    const answer = new Map<string, CountsOnDate>(unique.map((d) => [d, { byGroup: new Map(), totals: new Map() }]));
    for (const r of rows) {
      const date = String(r.date);
      const path = String(r.group_path);
      const on = answer.get(date)!;
      on.totals.set(path, {
        enterprises: Number(r.n),
        appointed: Number(r.a),
        exceptionAppointments: Number(r.x),
        futureDated: Number(r.f),
      });
      on.byGroup.set(
        path,
        targets.map((t, i) => count(date, t.targetRate, Number(r[`n${i}`]), Number(r[`a${i}`]), Number(r[`x${i}`]), Number(r[`f${i}`]))),
      );
    }
    return answer;
  }

  /**
   * Appointments made by exception only for missing appointment training, serving on one of the
   * dates (ix_cqo_appointments_not_eligible: few rows), and of those the (trainee, date) pairs
   * whose training was completed by the date.
   */
  private async trainedByDate(dates: string[]): Promise<{ traineeId: string; date: string }[]> {
    const rows = await runQuery(this.dataSource, exceptionsForTrainingOnDates, [dates]);
    if (rows.length === 0) return [];
    const asked = rows.map((r) => ({ traineeId: r.trainee_id, date: r.date }));
    const done = await this.eligibility.trainingCompletedAsOf(asked);
    return asked.filter((a) => done.has(asOfKey(a.traineeId, a.date)));
  }
}

/** The figures of a group with no row (no enterprise on the lists): 无目标企业. */
export function emptyCount(date: string): TargetCount {
  return count(date, 1, 0, 0, 0, 0);
}

/** Sums groups' counts (a province's total over its cities). */
export function sumCounts(date: string, targetRate: number, parts: TargetCount[]): TargetCount {
  const s = (k: 'enterprises' | 'appointed' | 'exceptionAppointments' | 'futureDated') => parts.reduce((t, p) => t + p[k], 0);
  return count(date, targetRate, s('enterprises'), s('appointed'), s('exceptionAppointments'), s('futureDated'));
}

function count(date: string, targetRate: number, n: number, a: number, x: number, f: number): TargetCount {
  const rate = n === 0 ? null : Math.round((a / n) * 10_000) / 10_000;
  // Compared in integers: a/n ≥ r ⇔ a ≥ r·n (r has four decimals).
  const verdict: TargetVerdict = n === 0 ? 'no_target_enterprises' : a * 10_000 >= Math.round(targetRate * 10_000) * n ? 'met' : 'not_met';
  return { date, enterprises: n, appointed: a, exceptionAppointments: x, futureDated: f, rate, verdict };
}
