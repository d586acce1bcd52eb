import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { regionScopeSql } from '@cqo/core';
import { AppointmentTargetEntity } from '../entities/appointment-target.entity';
import { asOfKey } from '@cqo/credit-hours';
import { EligibilityService } from '@cqo/registry';
import { criteriaSql, TargetCriteria } from './target-criteria';

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
const WORK_MEM = '32MB';

/** The eligibility failures that completing the appointment training repairs. */
const TRAINING_FAILURES = '["APPOINTMENT_TRAINING_HOURS", "APPOINTMENT_TRAINING_CERTIFICATE"]';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const [{ epoch }]: { epoch: string }[] = await manager.query('SELECT epoch::text AS epoch FROM registry_figures_epoch WHERE id = 1');
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
    await manager.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    const rows: Record<string, number | string>[] = await manager.query(
      `WITH d AS (SELECT DISTINCT unnest($2::date[]) AS date),
       grp AS (${GROUPS_SQL}),
       mv AS (
         -- Each version with the day its successor takes over: one ordered pass of
         -- ix_enterprise_master_versions_enterprise_effective, whatever the number of dates.
         SELECT m.enterprise_id, m.effective_on, m.region_id, m.state_owned, m.above_designated_size, m.production,
                m.china_quality_award, m.china_quality_award_year, m.provincial_quality_award, m.provincial_quality_award_year,
                m.city_quality_award, m.city_quality_award_year,
                lead(m.effective_on) OVER (PARTITION BY m.enterprise_id ORDER BY m.effective_on, m.recorded_at) AS next_on
           FROM enterprise_master_versions m
          WHERE m.effective_on <= (SELECT max(date) FROM d)),
       v AS (
         -- The version in force on each date (the latest recorded of a day's versions).
         SELECT d.date, mv.* FROM mv JOIN d ON mv.effective_on <= d.date AND (mv.next_on IS NULL OR mv.next_on > d.date)),
       ent AS (
         SELECT v.date, v.enterprise_id, grp.group_path ${predicates ? `, ${predicates}` : ''}
           FROM v JOIN grp ON grp.region_id = v.region_id),
       trained AS (SELECT * FROM unnest($3::uuid[], $4::date[]) AS t(trainee_id, date)),
       flagged AS (
         -- Disqualifying flags open on each date (few rows).
         SELECT DISTINCT d.date, f.trainee_id FROM cqo_flags f JOIN d ON f.flagged_on <= d.date
          WHERE f.disqualifying_circumstance IS NOT NULL
            AND (f.cleared_at IS NULL OR f.cleared_at >= (d.date + 1) AT TIME ZONE 'Asia/Shanghai')),
       appt AS (
         -- One pass over the appointments: serving on a date (started on or before it, not ended
         -- before it, term not run out), counted, or registered by the end of the date to start later.
         SELECT d.date, a.enterprise_id,
                bool_or(a.appointed_on <= d.date) AS serving,
                bool_or(a.appointed_on <= d.date AND (a.eligible OR t.trainee_id IS NOT NULL) AND fl.trainee_id IS NULL) AS counted,
                bool_or(a.appointed_on > d.date) AS future
           FROM cqo_appointments a
           JOIN d ON (a.appointed_on <= d.date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= d.date)
                  OR (a.appointed_on > d.date AND a.created_at < (d.date + 1) AT TIME ZONE 'Asia/Shanghai'
                      AND (a.ended_on IS NULL OR a.ended_on >= a.appointed_on))
           LEFT JOIN trained t ON t.trainee_id = a.trainee_id AND t.date = d.date
           LEFT JOIN flagged fl ON fl.trainee_id = a.trainee_id AND fl.date = d.date
          -- Terms over before the earliest date matter to none of them (most of the history).
          WHERE LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= (SELECT min(date) FROM d)
             OR a.appointed_on > (SELECT min(date) FROM d)
          GROUP BY d.date, a.enterprise_id)
       SELECT e.date::text AS date, e.group_path,
              count(*)::int AS n,
              count(*) FILTER (WHERE counted)::int AS a,
              count(*) FILTER (WHERE serving AND NOT counted)::int AS x,
              count(*) FILTER (WHERE NOT serving AND future)::int AS f
              ${columns ? `, ${columns}` : ''}
         FROM (SELECT ent.*, COALESCE(appt.serving, false) AS serving, COALESCE(appt.counted, false) AS counted,
                      COALESCE(appt.future, false) AS future
                 FROM ent LEFT JOIN appt ON appt.enterprise_id = ent.enterprise_id AND appt.date = ent.date) e
        GROUP BY e.date, e.group_path`,
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
    const rows: { trainee_id: string; date: string }[] = await this.dataSource.query(
      `SELECT DISTINCT a.trainee_id, d.date::text AS date
         FROM cqo_appointments a
         JOIN unnest($1::date[]) AS d(date) ON a.appointed_on <= d.date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= d.date
        WHERE NOT a.eligible
          AND jsonb_array_length(a.eligibility->'failures') > 0 AND (a.eligibility->'failures') <@ '${TRAINING_FAILURES}'::jsonb`,
      [dates],
    );
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

/**
 * Every region in the scope ($1) mapped to its group: the scope region itself, or the region
 * directly below it that contains it (for the province: its city).
 */
export const GROUPS_SQL = `
  SELECT g.id AS region_id,
         CASE WHEN g.path = $1 THEN $1 ELSE $1 || '/' || split_part(substr(g.path, length($1) + 2), '/', 1) END AS group_path
    FROM regions g
   WHERE ${regionScopeSql('g.path', '$1')}`;
