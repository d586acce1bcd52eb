import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppointmentTargetEntity } from '../entities/appointment-target.entity';
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

/**
 * The notice's target figures as of a date, computed from history: the master-data version of
 * each enterprise in force on the date, the appointments serving on it, and the disqualifying
 * flags open on it. A later appointment, end or master-data change dated after the date does not
 * change the answer. This is the one place that decides what "appointed toward a target" means.
 */
@Injectable()
export class TargetFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The targets in the rule table, in order. */
  async targets(): Promise<AppointmentTarget[]> {
    const rows = await this.dataSource.getRepository(AppointmentTargetEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map((r) => ({ code: r.code, name: r.name, deadline: r.deadline, targetRate: Number(r.targetRate), criteria: r.criteria }));
  }

  /**
   * Counts for every group below `scopePath` (see `groupsSql`: the scope itself and the regions
   * directly below it) on `date`. One statement, set-based.
   */
  async countsOn(
    scopePath: string,
    date: string,
    targets: AppointmentTarget[],
  ): Promise<{ byGroup: GroupTargetCounts; totals: Map<string, GroupTotals> }> {
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
    const rows: Record<string, number | string>[] = await this.dataSource.query(
      `WITH grp AS (${GROUPS_SQL}),
       v AS (
         -- The version in force on the date: a backward scan of
         -- ix_enterprise_master_versions_enterprise_effective (no sort), only the columns read.
         SELECT DISTINCT ON (m.enterprise_id) m.enterprise_id, m.region_id, m.state_owned, m.above_designated_size, m.production,
                m.china_quality_award, m.china_quality_award_year, m.provincial_quality_award, m.provincial_quality_award_year,
                m.city_quality_award, m.city_quality_award_year
           FROM enterprise_master_versions m
          WHERE m.effective_on <= $2::date
          ORDER BY m.enterprise_id DESC, m.effective_on DESC, m.recorded_at DESC),
       ent AS (
         SELECT v.enterprise_id, grp.group_path ${predicates ? `, ${predicates}` : ''}
           FROM v JOIN grp ON grp.region_id = v.region_id),
       appt AS (
         -- Serving on the date: started on or before it, not ended before it, term not run out.
         SELECT a.enterprise_id,
                bool_or(a.eligible AND NOT EXISTS (
                  SELECT 1 FROM cqo_flags f
                   WHERE f.trainee_id = a.trainee_id AND f.disqualifying_circumstance IS NOT NULL AND f.flagged_on <= $2::date
                     AND (f.cleared_at IS NULL OR f.cleared_at >= ($2::date + 1) AT TIME ZONE 'Asia/Shanghai'))) AS counted
           FROM cqo_appointments a
          WHERE a.appointed_on <= $2::date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= $2::date
          GROUP BY a.enterprise_id),
       future AS (
         -- Registered by the end of the date, starting after it.
         SELECT DISTINCT a.enterprise_id FROM cqo_appointments a
          WHERE a.appointed_on > $2::date AND a.created_at < ($2::date + 1) AT TIME ZONE 'Asia/Shanghai'
            AND (a.ended_on IS NULL OR a.ended_on >= a.appointed_on))
       SELECT e.group_path,
              count(*)::int AS n,
              count(*) FILTER (WHERE counted)::int AS a,
              count(*) FILTER (WHERE serving AND NOT counted)::int AS x,
              count(*) FILTER (WHERE NOT serving AND future)::int AS f
              ${columns ? `, ${columns}` : ''}
         FROM (SELECT ent.*, appt.enterprise_id IS NOT NULL AS serving, COALESCE(appt.counted, false) AS counted,
                      future.enterprise_id IS NOT NULL AS future
                 FROM ent LEFT JOIN appt USING (enterprise_id) LEFT JOIN future USING (enterprise_id)) e
        GROUP BY e.group_path`,
      [scopePath, date],
    );
    const byGroup: GroupTargetCounts = new Map();
    const totals = new Map<string, GroupTotals>();
    for (const r of rows) {
      const path = String(r.group_path);
      totals.set(path, { enterprises: Number(r.n), appointed: Number(r.a), exceptionAppointments: Number(r.x), futureDated: Number(r.f) });
      byGroup.set(
        path,
        targets.map((t, i) => count(date, t.targetRate, Number(r[`n${i}`]), Number(r[`a${i}`]), Number(r[`x${i}`]), Number(r[`f${i}`]))),
      );
    }
    return { byGroup, totals };
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
   WHERE g.path = $1 OR g.path LIKE $1 || '/%'`;
