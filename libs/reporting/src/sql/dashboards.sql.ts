import { defineQuery, defineTemplate, regionScopeOrAllSql } from '@cqo/core';
import type { ComplianceState } from '@cqo/credit-hours';
import { PUBLIC_COMPLIANCE_STATUSES, PUBLIC_REQUIREMENT_RULE_SETS, PUBLIC_REQUIREMENT_RULES } from '@cqo/credit-hours';
import { PUBLIC_ENTERPRISE_RECORDS, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_CQO_APPOINTMENTS, PUBLIC_CQO_FLAGS } from '@cqo/registry';
import { PUBLIC_TRAINEE_QUALIFICATIONS } from '@cqo/trainees';
import { GROUPS_SQL } from './targets.sql';

// SQL of the regulators' dashboards (DashboardsService). Tables: registry_cqo_year_stats,
// registry_compliance_stats, registry_stats_meta (reporting's materialized views, migration
// RegistryStats); regions, enterprises, appointments, flags, trainee profiles and compliance
// statuses through their libs' public views.

/** The scope region ($1) and the regions directly below it. */
export const scopeRegions = defineQuery<[scopePath: string], { id: string; name: string; path: string }>(
  'reporting.dashboards.scopeRegions',
  `SELECT id, name, path FROM ${PUBLIC_REGIONS} g WHERE path = $1 OR (path LIKE $1 || '/%' AND path NOT LIKE $1 || '/%/%') ORDER BY sort_order, code`,
);

export const rootRegionPath = defineQuery<[], { path: string }>(
  'reporting.dashboards.rootPath',
  `SELECT path FROM ${PUBLIC_REGIONS} g WHERE parent_id IS NULL ORDER BY sort_order, code LIMIT 1`,
);

export const cqoYearStats = defineQuery<
  [scopePath: string, year: number, previousYear: number],
  { group_path: string; year: number; serving: number; complete: number }
>(
  'reporting.dashboards.cqoYearStats',
  `WITH grp AS (${GROUPS_SQL})
         SELECT grp.group_path, s.year, s.serving, s.complete
           FROM registry_cqo_year_stats s JOIN grp ON grp.region_id = s.region_id
          WHERE s.year IN ($2, $3)`,
);

export const complianceStats = defineQuery<
  [scopePath: string, year: number, previousYear: number],
  { group_path: string; year: number; requirement: string; state: ComplianceState; cqos: number }
>(
  'reporting.dashboards.complianceStats',
  `WITH grp AS (${GROUPS_SQL})
         SELECT grp.group_path, s.year, s.requirement, s.state, s.cqos
           FROM registry_compliance_stats s JOIN grp ON grp.region_id = s.region_id
          WHERE s.year IN ($2, $3)`,
);

/** Open regulator flags on CQOs serving now (ix_cqo_flags_open, then the serving index). */
export const openFlagsByGroup = defineQuery<[scopePath: string], { group_path: string; open_flags: number }>(
  'reporting.dashboards.openFlags',
  `WITH grp AS (${GROUPS_SQL})
         SELECT grp.group_path, count(DISTINCT f.id)::int AS open_flags
           FROM ${PUBLIC_CQO_FLAGS} f
           JOIN ${PUBLIC_CQO_APPOINTMENTS} a ON a.trainee_id = f.trainee_id AND a.status = 'serving'
           JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = a.enterprise_id
           JOIN grp ON grp.region_id = e.region_id
          WHERE f.cleared_at IS NULL
          GROUP BY grp.group_path`,
);

/**
 * The yearly requirements governing the year (names and order), whatever region's rule set
 * (governing_rule_set_id, the credit-hours lib's one definition, decides which sets govern).
 */
export const yearlyRequirements = defineQuery<[year: number], { code: string; name: string; sort_order: number }>(
  'reporting.dashboards.yearlyRequirements',
  `SELECT DISTINCT ON (r.code) r.code, r.name, r.sort_order
           FROM ${PUBLIC_REQUIREMENT_RULES} r JOIN ${PUBLIC_REQUIREMENT_RULE_SETS} s ON s.id = r.rule_set_id
          WHERE r.period = 'calendar_year' AND s.id IN (SELECT DISTINCT governing_rule_set_id(g.id, $1::int) FROM ${PUBLIC_REGIONS} g)
          ORDER BY r.code, s.first_year DESC`,
);

export const statsComputedAt = defineQuery<[], { computed_at: Date }>(
  'reporting.dashboards.statsComputedAt',
  'SELECT computed_at FROM registry_stats_meta',
);

/** CONCURRENTLY: readers never wait. */
export const refreshCqoYearStats = defineQuery<[]>(
  'reporting.dashboards.refreshCqoYearStats',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY registry_cqo_year_stats',
);
export const refreshComplianceStats = defineQuery<[]>(
  'reporting.dashboards.refreshComplianceStats',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY registry_compliance_stats',
);
export const refreshStatsMeta = defineQuery<[]>(
  'reporting.dashboards.refreshStatsMeta',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY registry_stats_meta',
);

/** The enterprise list's filter on having a serving CQO (`filters` below). */
export const HAS_SERVING_CQO = `EXISTS (SELECT 1 FROM ${PUBLIC_CQO_APPOINTMENTS} a WHERE a.enterprise_id = e.id AND a.status = 'serving')`;

/** The regions in scope ($1) the enterprise list walks. */
const SCOPE = `SELECT g.id, g.path, g.name FROM ${PUBLIC_REGIONS} g WHERE ${regionScopeOrAllSql('g.path', '$1')}`;

/**
 * Enterprises in scope counted; `filters`: `AND <target criteria on e>` and/or `AND [NOT] ${HAS_SERVING_CQO}`, or empty
 * (only the filters asked for: an unused appointment join would still be computed for every enterprise).
 */
export const countEnterprises = defineTemplate<'filters', { total: number }>(
  'reporting.dashboards.countEnterprises',
  ['filters'],
  (f) =>
    `SELECT count(*)::int AS total FROM (${SCOPE}) g JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.region_id = g.id WHERE TRUE ${f.filters}`,
);

/** A row of the enterprise list; `target_<i>` per target's criteria. */
export type EnterpriseListRow = {
  id: string;
  name: string;
  credit_code: string;
  region_name: string;
  trainee_id: string | null;
  full_name: string | null;
  appointed_on: string | null;
  term_ends_on: string | null;
  exception: boolean;
  states: string[] | null;
  shortfall: string | null;
  [target: `target_${number}`]: boolean;
};

/**
 * A page of the enterprise list ($1 scope, $2 year, $3 limit, $4 offset). The page's keys region
 * by region in path order, each region's enterprises from the index on (region_id, name, id): an
 * incremental sort stops once the page is full, instead of sorting the whole province per page.
 * Then the page's columns, the CQO's name and statuses for those rows only (primary keys of
 * trainee_profiles and compliance_statuses). `filters` as above; `targetColumns`: `, <criteria> AS target_<i>, …` or empty.
 */
export const pageEnterprises = defineTemplate<'filters' | 'targetColumns', EnterpriseListRow>(
  'reporting.dashboards.pageEnterprises',
  ['filters', 'targetColumns'],
  (f) => `WITH keys AS (
           SELECT x.id, g.path, x.name
             FROM (${SCOPE} ORDER BY g.path) g
            CROSS JOIN LATERAL (SELECT e.id, e.name FROM ${PUBLIC_ENTERPRISE_RECORDS} e WHERE e.region_id = g.id ${f.filters} ORDER BY e.name, e.id) x
            ORDER BY g.path, x.name, x.id
            LIMIT $3 OFFSET $4),
         page AS (
           SELECT e.id, e.name, e.credit_code, g.name AS region_name, g.path, a.trainee_id,
                  a.appointed_on::text AS appointed_on, a.term_ends_on::text AS term_ends_on,
                  COALESCE(NOT a.eligible OR a.position_level = 'below_deputy', false) AS exception
                  ${f.targetColumns}
             FROM keys k JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = k.id JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
             LEFT JOIN ${PUBLIC_CQO_APPOINTMENTS} a ON a.enterprise_id = e.id AND a.status = 'serving')
         SELECT page.*, p.full_name,
                (SELECT array_agg(s.state) FROM ${PUBLIC_COMPLIANCE_STATUSES} s
                   JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id AND r.period = 'calendar_year'
                  WHERE s.trainee_id = page.trainee_id AND s.period_year = $2) AS states,
                (SELECT sum(s.shortfall)::text FROM ${PUBLIC_COMPLIANCE_STATUSES} s
                   JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id AND r.period = 'calendar_year'
                  WHERE s.trainee_id = page.trainee_id AND s.period_year = $2) AS shortfall
           FROM page LEFT JOIN ${PUBLIC_TRAINEE_QUALIFICATIONS} p ON p.user_id = page.trainee_id
          ORDER BY page.path, page.name, page.id`,
);

/** One enterprise's list attributes (camelCase: the target criteria read them) and its region's name. */
export const enterpriseAttributes = defineQuery<
  [enterpriseId: string],
  { credit_code: string; region_name: string } & Record<string, unknown>
>(
  'reporting.dashboards.enterpriseAttributes',
  `SELECT e.credit_code, g.name AS region_name, e.state_owned AS "stateOwned", e.above_designated_size AS "aboveDesignatedSize",
              e.production, e.china_quality_award AS "chinaQualityAward", e.china_quality_award_year AS "chinaQualityAwardYear",
              e.provincial_quality_award AS "provincialQualityAward", e.provincial_quality_award_year AS "provincialQualityAwardYear",
              e.city_quality_award AS "cityQualityAward", e.city_quality_award_year AS "cityQualityAwardYear"
         FROM ${PUBLIC_ENTERPRISE_RECORDS} e JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id WHERE e.id = $1`,
);
