import { appointmentsList, certificatesList, shortfallsList } from '../sql/registry-lists.sql';

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
    sql: shortfallsList.text,
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
    sql: appointmentsList.text,
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
    sql: certificatesList.text,
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
