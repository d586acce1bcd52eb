import { defineQuery, defineTemplate, regionScopeSql } from '@cqo/core';
import { PUBLIC_ENTERPRISE_MASTER_VERSIONS, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_CQO_APPOINTMENTS, PUBLIC_CQO_FLAGS } from '@cqo/registry';

// SQL of the appointment targets' figures (TargetFiguresService) and the groups the dashboards
// share. Tables: registry_figures_epoch (reporting); regions, enterprises' master-data versions,
// appointments and flags through their libs' public views.

/**
 * Every region in the scope ($1) mapped to its group: the scope region itself, or the region
 * directly below it that contains it (for the province: its city).
 */
export const GROUPS_SQL = `
  SELECT g.id AS region_id,
         CASE WHEN g.path = $1 THEN $1 ELSE $1 || '/' || split_part(substr(g.path, length($1) + 2), '/', 1) END AS group_path
    FROM ${PUBLIC_REGIONS} g
   WHERE ${regionScopeSql('g.path', '$1')}`;

export const figuresEpoch = defineQuery<[], { epoch: string }>(
  'reporting.targets.epoch',
  'SELECT epoch::text AS epoch FROM registry_figures_epoch WHERE id = 1',
);

/** Tens of thousands of (enterprise, date) rows are grouped: sorted in memory, not on disk. */
export const setFiguresWorkMem = defineQuery<[]>('reporting.targets.workMem', "SET LOCAL work_mem = '32MB'");

/**
 * The enterprises of each group on each date ($2) with their appointment counts; `predicates`
 * are the targets' criteria on the version in force (`… AS t<i>`, led by a comma, or empty) and
 * `columns` their counts (`count(*) FILTER (WHERE t<i> …) AS n<i>, …`, led by a comma, or empty).
 * $3/$4: the (trainee, date) pairs whose missing training was completed by the date.
 */
export const figuresOnDates = defineTemplate<'predicates' | 'columns', Record<string, number | string>>(
  'reporting.targets.figuresOnDates',
  ['predicates', 'columns'],
  (f) => `WITH d AS (SELECT DISTINCT unnest($2::date[]) AS date),
       grp AS (${GROUPS_SQL}),
       mv AS (
         -- Each version with the day its successor takes over: one ordered pass of
         -- ix_enterprise_master_versions_enterprise_effective, whatever the number of dates.
         SELECT m.enterprise_id, m.effective_on, m.region_id, m.state_owned, m.above_designated_size, m.production,
                m.china_quality_award, m.china_quality_award_year, m.provincial_quality_award, m.provincial_quality_award_year,
                m.city_quality_award, m.city_quality_award_year,
                lead(m.effective_on) OVER (PARTITION BY m.enterprise_id ORDER BY m.effective_on, m.recorded_at) AS next_on
           FROM ${PUBLIC_ENTERPRISE_MASTER_VERSIONS} m
          WHERE m.effective_on <= (SELECT max(date) FROM d)),
       v AS (
         -- The version in force on each date (the latest recorded of a day's versions).
         SELECT d.date, mv.* FROM mv JOIN d ON mv.effective_on <= d.date AND (mv.next_on IS NULL OR mv.next_on > d.date)),
       ent AS (
         SELECT v.date, v.enterprise_id, grp.group_path ${f.predicates}
           FROM v JOIN grp ON grp.region_id = v.region_id),
       trained AS (SELECT * FROM unnest($3::uuid[], $4::date[]) AS t(trainee_id, date)),
       flagged AS (
         -- Disqualifying flags open on each date (few rows).
         SELECT DISTINCT d.date, f.trainee_id FROM ${PUBLIC_CQO_FLAGS} f JOIN d ON f.flagged_on <= d.date
          WHERE f.disqualifying_circumstance IS NOT NULL
            AND (f.cleared_at IS NULL OR f.cleared_at >= (d.date + 1) AT TIME ZONE 'Asia/Shanghai')),
       appt AS (
         -- One pass over the appointments: serving on a date (started on or before it, not ended
         -- before it, term not run out), counted, or registered by the end of the date to start later.
         SELECT d.date, a.enterprise_id,
                bool_or(a.appointed_on <= d.date) AS serving,
                bool_or(a.appointed_on <= d.date AND (a.eligible OR t.trainee_id IS NOT NULL) AND fl.trainee_id IS NULL) AS counted,
                bool_or(a.appointed_on > d.date) AS future
           FROM ${PUBLIC_CQO_APPOINTMENTS} a
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
              ${f.columns}
         FROM (SELECT ent.*, COALESCE(appt.serving, false) AS serving, COALESCE(appt.counted, false) AS counted,
                      COALESCE(appt.future, false) AS future
                 FROM ent LEFT JOIN appt ON appt.enterprise_id = ent.enterprise_id AND appt.date = ent.date) e
        GROUP BY e.date, e.group_path`,
);

/**
 * Appointments made by exception only for missing appointment training, serving on one of the
 * dates (ix_cqo_appointments_not_eligible: few rows).
 */
export const exceptionsForTrainingOnDates = defineQuery<[dates: string[]], { trainee_id: string; date: string }>(
  'reporting.targets.exceptionsForTraining',
  `SELECT DISTINCT a.trainee_id, d.date::text AS date
         FROM ${PUBLIC_CQO_APPOINTMENTS} a
         JOIN unnest($1::date[]) AS d(date) ON a.appointed_on <= d.date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= d.date
        WHERE NOT a.eligible
          AND jsonb_array_length(a.eligibility->'failures') > 0 AND (a.eligibility->'failures') <@ '["APPOINTMENT_TRAINING_HOURS", "APPOINTMENT_TRAINING_CERTIFICATE"]'::jsonb`,
);
