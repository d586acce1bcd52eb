import { regionScopeOrAllSql } from '@cqo/core';

/**
 * The regulators' lists, as SQL shared by the paged JSON endpoints and the streamed exports, so
 * a CSV always holds exactly the rows the screen pages through. Each list is one set-based
 * statement ordered by a unique key (stable paging, stable exports). `$1` is always the region
 * path of the caller's scope (null: everywhere). ID numbers appear masked only.
 */
export interface ListColumn {
  key: string;
  header: string;
  /** Values that never need CSV quoting (dates, numbers, codes, masked ID numbers): written as they are. */
  plain?: true;
}

export interface ListQuery {
  /** SELECT … ORDER BY …, without LIMIT. */
  sql: string;
  params: unknown[];
  columns: ListColumn[];
}

/** Where a listed CQO stands today: 在任, 拟任 (a registered term not yet started), 已离任. */
export type ListedAppointmentState = 'serving' | 'nominated' | 'ended';
export const APPOINTMENT_STATE_LABELS: Readonly<Record<ListedAppointmentState, string>> = {
  serving: '在任',
  nominated: '拟任',
  ended: '已离任',
};

/**
 * Serving and nominated CQOs whose requirements stand at risk or in shortfall, one row per
 * requirement: the year's requirements and the once-only appointment training (period year 0),
 * the most serious gap. Listed: CQOs with a term overlapping the year at an enterprise in scope,
 * and, for the year in progress, nominated ones (拟任: a registered term starting after today),
 * whose missing appointment training the engine judges `at_risk` (due by the start date). Hours
 * done and missing are the engine's; `appointment_state` says 在任/拟任/已离任 as of today.
 * Uses ix_cqo_appointments_trainee_id and compliance_statuses' primary key.
 */
export function shortfallsQuery(
  scopePath: string | null,
  f: { year: number; today: string; enterpriseId?: string; requirement?: string; state?: 'at_risk' | 'shortfall' },
): ListQuery {
  return {
    sql: `
      WITH cqo AS (
        SELECT a.trainee_id,
               (array_agg(a.enterprise_id ORDER BY a.appointed_on DESC))[1] AS enterprise_id,
               CASE WHEN bool_or(a.appointed_on <= $6::date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= $6::date) THEN 'serving'
                    WHEN bool_or(a.status = 'serving' AND a.appointed_on > $6::date) THEN 'nominated'
                    ELSE 'ended' END AS appointment_state
          FROM cqo_appointments a
          JOIN enterprises e ON e.id = a.enterprise_id
          JOIN regions g ON g.id = e.region_id
         WHERE ${regionScopeOrAllSql('g.path', '$1')}
           AND ((a.appointed_on <= make_date($2::int, 12, 31) AND COALESCE(a.ended_on, a.term_ends_on) >= make_date($2::int, 1, 1))
                OR ($2::int = extract(year FROM $6::date)::int AND a.status = 'serving' AND a.appointed_on > $6::date))
           AND ($3::uuid IS NULL OR a.enterprise_id = $3)
         GROUP BY a.trainee_id
      )
      SELECT p.user_id AS trainee_id, p.full_name, p.id_number_masked, e.id AS enterprise_id, e.name AS enterprise_name,
             g.name AS region_name, $2::int AS year, c.appointment_state, s.requirement, r.name AS rule_name,
             s.required::text AS required, s.accrued::text AS accrued, s.shortfall::text AS shortfall, s.state, s.final
        FROM cqo c
        JOIN compliance_statuses s ON s.trainee_id = c.trainee_id AND s.period_year IN ($2::int, 0)
        JOIN requirement_rules r ON r.id = s.rule_id
        JOIN trainee_profiles p ON p.user_id = c.trainee_id
        JOIN enterprises e ON e.id = c.enterprise_id
        JOIN regions g ON g.id = e.region_id
       WHERE s.state IN ('at_risk', 'shortfall')
         AND ($4::text IS NULL OR s.requirement = $4)
         AND ($5::text IS NULL OR s.state = $5)
       ORDER BY g.path, e.name, p.full_name, p.user_id, s.period_year, r.sort_order, s.requirement`,
    params: [scopePath, f.year, f.enterpriseId ?? null, f.requirement ?? null, f.state ?? null, f.today],
    columns: [
      { key: 'region_name', header: '地区' },
      { key: 'enterprise_name', header: '企业' },
      { key: 'full_name', header: '姓名' },
      { key: 'id_number_masked', header: '身份证号', plain: true },
      { key: 'appointment_state', header: '聘任状态', plain: true },
      { key: 'year', header: '年度', plain: true },
      { key: 'rule_name', header: '学时要求' },
      { key: 'required', header: '应完成学时', plain: true },
      { key: 'accrued', header: '已完成学时', plain: true },
      { key: 'shortfall', header: '差额学时', plain: true },
      { key: 'state', header: '状态', plain: true },
    ],
  };
}

/** CQO appointments (serving by default; `all` for the history) at enterprises in scope. Uses ix_cqo_appointments_status_term_ends_on. */
export function appointmentsQuery(scopePath: string | null, f: { status?: 'serving' | 'ended' | 'all'; enterpriseId?: string }): ListQuery {
  const status = f.status ?? 'serving';
  return {
    sql: `
      SELECT a.id, g.name AS region_name, e.name AS enterprise_name, e.credit_code, p.full_name, p.id_number_masked,
             a.position_title, a.authorization_certificate_no, a.appointed_on::text AS appointed_on,
             a.term_ends_on::text AS term_ends_on, a.status, a.ended_on::text AS ended_on, a.end_reason,
             a.eligible, (NOT a.eligible OR a.position_level = 'below_deputy') AS exception_flagged
        FROM cqo_appointments a
        JOIN enterprises e ON e.id = a.enterprise_id
        JOIN regions g ON g.id = e.region_id
        JOIN trainee_profiles p ON p.user_id = a.trainee_id
       WHERE ${regionScopeOrAllSql('g.path', '$1')}
         AND ($2::text = 'all' OR a.status = $2)
         AND ($3::uuid IS NULL OR a.enterprise_id = $3)
       ORDER BY a.id`,
    params: [scopePath, status, f.enterpriseId ?? null],
    columns: [
      { key: 'region_name', header: '地区' },
      { key: 'enterprise_name', header: '企业' },
      { key: 'credit_code', header: '统一社会信用代码', plain: true },
      { key: 'full_name', header: '首席质量官' },
      { key: 'id_number_masked', header: '身份证号', plain: true },
      { key: 'position_title', header: '职务' },
      { key: 'authorization_certificate_no', header: '聘任授权证书编号' },
      { key: 'appointed_on', header: '聘任日期', plain: true },
      { key: 'term_ends_on', header: '任期届满日期', plain: true },
      { key: 'status', header: '状态', plain: true },
      { key: 'ended_on', header: '离任日期', plain: true },
      { key: 'end_reason', header: '离任原因', plain: true },
      { key: 'exception_flagged', header: '例外聘任', plain: true },
    ],
  };
}

/** Certificates of the region (the region of the holder's enterprise at issue), current versions. */
export function certificatesQuery(scopePath: string | null, f: { year?: number; kind?: string }): ListQuery {
  return {
    sql: `
      SELECT c.serial, c.kind, g.name AS region_name, c.content->'holder'->>'name' AS holder_name,
             c.content->'holder'->>'idNumberMasked' AS id_number_masked, c.year, c.status,
             (c.issued_at AT TIME ZONE 'Asia/Shanghai')::date::text AS issued_on
        FROM certificates c
        JOIN regions g ON g.id = c.region_id
       WHERE ${regionScopeOrAllSql('g.path', '$1')}
         AND c.status <> 'superseded'
         AND ($2::int IS NULL OR c.year = $2)
         AND ($3::text IS NULL OR c.kind = $3)
       ORDER BY c.serial`,
    params: [scopePath, f.year ?? null, f.kind ?? null],
    columns: [
      { key: 'serial', header: '证书编号', plain: true },
      { key: 'kind', header: '证书类型', plain: true },
      { key: 'region_name', header: '地区' },
      { key: 'holder_name', header: '姓名' },
      { key: 'id_number_masked', header: '身份证号', plain: true },
      { key: 'year', header: '年度', plain: true },
      { key: 'status', header: '状态', plain: true },
      { key: 'issued_on', header: '发证日期', plain: true },
    ],
  };
}
