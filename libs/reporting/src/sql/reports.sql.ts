import { defineQuery, regionScopeOrAllSql, regionScopeSql } from '@cqo/core';
import { PUBLIC_CERTIFICATES } from '@cqo/certificates';
import type { ComplianceState } from '@cqo/credit-hours';
import { PUBLIC_COMPLIANCE_STATUSES, PUBLIC_REQUIREMENT_RULES } from '@cqo/credit-hours';
import { PUBLIC_USER_ACCOUNTS, PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_ENTERPRISE_MASTER_VERSIONS, PUBLIC_ENTERPRISE_RECORDS, PUBLIC_REGIONS } from '@cqo/organizations';
import type { PositionLevel } from '@cqo/registry';
import { PUBLIC_CQO_APPOINTMENTS } from '@cqo/registry';
import { PUBLIC_TRAINEE_QUALIFICATIONS } from '@cqo/trainees';
import type { CityReportVersionStatus } from '../entities/city-report-version.entity';
import type { AppraisalResult, CityReportStatus } from '../entities/yearly-report.entity';

// SQL of the yearly reports: the enterprises' reports to their city (EnterpriseReportsService)
// and the cities' reports to the province (CityReportsService). Tables: enterprise_yearly_reports,
// registry_report_rules, city_yearly_reports, city_report_versions (reporting); enterprises,
// their master-data versions, regions, accounts, trainee profiles, appointments, compliance
// statuses and certificates through their libs' public views.

// Enterprise reports.

/** An enterprise's report as stored, with its enterprise's and region's names (named as the view names them). */
export interface EnterpriseReportRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  year: number;
  cqoInPlace: boolean;
  appraisalSystemEstablished: boolean;
  appraisalResult: AppraisalResult;
  majorQualityIncidents: number;
  summary: string;
  fileName: string;
  fileContentType: string;
  fileSize: number;
  fileSha256: string;
  status: 'filed' | 'acknowledged';
  filedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgementNote: string | null;
  /** What the registry says: a CQO served at the enterprise during the year. */
  registryCqoInPlace: boolean | null;
}

export const reportDueRule = defineQuery<[year: number], { m: number; d: number }>(
  'reporting.enterpriseReports.dueRule',
  `SELECT enterprise_report_due_month AS m, enterprise_report_due_day AS d FROM registry_report_rules
        WHERE effective_from <= make_date($1::int + 1, 1, 1) ORDER BY effective_from DESC LIMIT 1`,
);

/** Enterprises in scope ($1), on the official lists by the end of year $2, without a report on it. */
const NON_FILERS = `SELECT e.id, e.name, e.credit_code, g.name AS region_name, g.path
         FROM ${PUBLIC_ENTERPRISE_RECORDS} e JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
        WHERE ${regionScopeOrAllSql('g.path', '$1')}
          AND EXISTS (SELECT 1 FROM ${PUBLIC_ENTERPRISE_MASTER_VERSIONS} v WHERE v.enterprise_id = e.id AND v.effective_on <= make_date($2::int, 12, 31))
          AND NOT EXISTS (SELECT 1 FROM enterprise_yearly_reports r WHERE r.enterprise_id = e.id AND r.year = $2)`;

export const countNonFilers = defineQuery<[scopePath: string | null, year: number], { total: number }>(
  'reporting.enterpriseReports.countNonFilers',
  `SELECT count(*)::int AS total FROM (${NON_FILERS}) q`,
);

export const pageNonFilers = defineQuery<
  [scopePath: string | null, year: number, limit: number, offset: number],
  { id: string; name: string; credit_code: string; region_name: string }
>(
  'reporting.enterpriseReports.pageNonFilers',
  `SELECT q.id, q.name, q.credit_code, q.region_name FROM (${NON_FILERS}) q ORDER BY q.path, q.name, q.id LIMIT $3 OFFSET $4`,
);

export const nonFilerAdmins = defineQuery<
  [scopePath: string | null, year: number],
  { user_id: string; enterprise_id: string; name: string }
>(
  'reporting.enterpriseReports.nonFilerAdmins',
  `SELECT u.id AS user_id, q.id AS enterprise_id, q.name FROM (${NON_FILERS}) q
         JOIN ${PUBLIC_USER_ACCOUNTS} u ON u.enterprise_id = q.id AND u.role = 'enterprise_admin' AND u.status = 'active'`,
);

export const lockEnterpriseReport = defineQuery<[enterpriseId: string, year: number], { id: string; status: string }>(
  'reporting.enterpriseReports.lock',
  'SELECT id, status FROM enterprise_yearly_reports WHERE enterprise_id = $1 AND year = $2 FOR UPDATE',
);

/** What the registry says for the year: a term at this enterprise overlapping it. */
export const registryCqoInPlace = defineQuery<[enterpriseId: string, year: number], { in_place: boolean }>(
  'reporting.enterpriseReports.registryCqoInPlace',
  `SELECT EXISTS (SELECT 1 FROM ${PUBLIC_CQO_APPOINTMENTS} a WHERE a.enterprise_id = $1 AND a.appointed_on <= make_date($2::int, 12, 31)
                  AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= make_date($2::int, 1, 1)) AS in_place`,
);

export const acknowledgeEnterpriseReport = defineQuery<[id: string, at: Date, by: string, note: string | null]>(
  'reporting.enterpriseReports.acknowledge',
  `UPDATE enterprise_yearly_reports SET status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, acknowledgement_note = $4
        WHERE id = $1 AND status = 'filed'`,
);

const REPORT_SELECT = `SELECT r.id, r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", g.name AS "regionName", r.year,
       r.cqo_in_place AS "cqoInPlace", r.appraisal_system_established AS "appraisalSystemEstablished",
       r.appraisal_result AS "appraisalResult", r.major_quality_incidents AS "majorQualityIncidents", r.summary,
       r.file_name AS "fileName", r.file_content_type AS "fileContentType", r.file_size AS "fileSize", r.file_sha256 AS "fileSha256",
       r.status, r.filed_at AS "filedAt", r.acknowledged_at AS "acknowledgedAt", r.acknowledgement_note AS "acknowledgementNote",
       r.registry_cqo_in_place AS "registryCqoInPlace"`;
const REPORT_FROM = `FROM enterprise_yearly_reports r JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = r.enterprise_id JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id`;
const REPORT_WHERE = `WHERE ${regionScopeOrAllSql('g.path', '$1')} AND ($2::uuid IS NULL OR r.enterprise_id = $2)
                     AND ($3::int IS NULL OR r.year = $3) AND ($4::text IS NULL OR r.status = $4)
                     AND ($5::boolean IS NULL OR (r.cqo_in_place IS DISTINCT FROM r.registry_cqo_in_place) = $5)`;
export type ReportListParams = [
  scopePath: string | null,
  enterpriseId: string | null,
  year: number | null,
  status: string | null,
  mismatch: boolean | null,
];

export const countEnterpriseReports = defineQuery<ReportListParams, { total: number }>(
  'reporting.enterpriseReports.count',
  `SELECT count(*)::int AS total ${REPORT_FROM} ${REPORT_WHERE}`,
);

export const listEnterpriseReports = defineQuery<[...ReportListParams, limit: number, offset: number], EnterpriseReportRow>(
  'reporting.enterpriseReports.list',
  `${REPORT_SELECT} ${REPORT_FROM} ${REPORT_WHERE} ORDER BY r.year DESC, g.path, e.name, r.id LIMIT $6 OFFSET $7`,
);

export const enterpriseReportById = defineQuery<[id: string], EnterpriseReportRow>(
  'reporting.enterpriseReports.byId',
  `${REPORT_SELECT} ${REPORT_FROM} WHERE r.id = $1`,
);

// City reports.

/** A city's report with its region's name. */
export interface CityReportRow {
  id: string;
  region_id: string;
  region_name: string;
  year: number;
  status: CityReportStatus;
  generation: number;
  requested_at: Date;
  generated_at: Date | null;
  summary: Record<string, unknown> | null;
  pdf_sha256: string | null;
  xlsx_sha256: string | null;
  error: string | null;
}

/** A submitted version of a city's report with its signer's name. */
export interface CityReportVersionRow {
  id: string;
  version: number;
  status: CityReportVersionStatus;
  narrative: string;
  content: { summary?: [string, string][] };
  submitted_by: string;
  submitted_by_name: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  return_reason: string | null;
  pdf_sha256: string;
  xlsx_sha256: string;
}

export const cityIds = defineQuery<[], { id: string }>(
  'reporting.cityReports.cities',
  `SELECT id FROM ${PUBLIC_REGIONS} g WHERE level = 'city' ORDER BY sort_order, code`,
);

export const regionNamePath = defineQuery<[regionId: string], { name: string; path: string; level: string }>(
  'reporting.cityReports.region',
  `SELECT name, path, level FROM ${PUBLIC_REGIONS} g WHERE id = $1`,
);

export const requesterName = defineQuery<[userId: string], { display_name: string; region_name: string | null }>(
  'reporting.cityReports.requester',
  `SELECT u.display_name, g.name AS region_name FROM ${PUBLIC_USER_ACCOUNTS} u LEFT JOIN ${PUBLIC_REGIONS} g ON g.id = u.region_id WHERE u.id = $1`,
);

export const displayName = defineQuery<[userId: string], { display_name: string }>(
  'reporting.cityReports.displayName',
  `SELECT display_name FROM ${PUBLIC_USER_NAMES} u WHERE id = $1`,
);

export const enqueueCityReport = defineQuery<
  [regionId: string, year: number, requestedBy: string | null, at: Date],
  { id: string; generation: number }
>(
  'reporting.cityReports.enqueue',
  `INSERT INTO city_yearly_reports (region_id, year, status, generation, requested_by, requested_at)
         VALUES ($1, $2, 'pending', 1, $3, $4)
         ON CONFLICT (region_id, year) DO UPDATE
           SET status = 'pending', generation = city_yearly_reports.generation + 1, requested_by = EXCLUDED.requested_by,
               requested_at = EXCLUDED.requested_at, error = NULL
         RETURNING id, generation`,
);

export const markCityReportReady = defineQuery<
  [id: string, generation: number, at: Date, summaryJson: string, pdfKey: string, pdfSha256: string, xlsxKey: string, xlsxSha256: string],
  { id: string }
>(
  'reporting.cityReports.markReady',
  `UPDATE city_yearly_reports
          SET status = 'ready', generated_at = $3, summary = $4, pdf_storage_key = $5, pdf_sha256 = $6, xlsx_storage_key = $7, xlsx_sha256 = $8, error = NULL
        WHERE id = $1 AND generation = $2 RETURNING id`,
);

export const markCityReportFailed = defineQuery<[id: string, generation: number, error: string]>(
  'reporting.cityReports.markFailed',
  `UPDATE city_yearly_reports SET status = 'failed', error = $3 WHERE id = $1 AND generation = $2 AND status = 'pending'`,
);

const CITY_FROM = `FROM city_yearly_reports c JOIN ${PUBLIC_REGIONS} g ON g.id = c.region_id`;
const CITY_WHERE = `WHERE ${regionScopeOrAllSql('g.path', '$1')} AND ($2::int IS NULL OR c.year = $2)`;

export const countCityReports = defineQuery<[scopePath: string | null, year: number | null], { total: number }>(
  'reporting.cityReports.count',
  `SELECT count(*)::int AS total ${CITY_FROM} ${CITY_WHERE}`,
);

export const listCityReports = defineQuery<[scopePath: string | null, year: number | null, limit: number, offset: number], CityReportRow>(
  'reporting.cityReports.list',
  `SELECT c.*, g.name AS region_name ${CITY_FROM} ${CITY_WHERE} ORDER BY c.year DESC, g.sort_order, g.code LIMIT $3 OFFSET $4`,
);

export const cityReportById = defineQuery<[id: string], CityReportRow>(
  'reporting.cityReports.byId',
  `SELECT c.*, g.name AS region_name ${CITY_FROM} WHERE c.id = $1`,
);

export const cityReportVersions = defineQuery<[reportId: string], CityReportVersionRow>(
  'reporting.cityReports.versions',
  `SELECT v.*, u.display_name AS submitted_by_name FROM city_report_versions v LEFT JOIN ${PUBLIC_USER_NAMES} u ON u.id = v.submitted_by
        WHERE v.report_id = $1 ORDER BY v.version DESC`,
);

export const lastCityReportVersion = defineQuery<[reportId: string], { version: number; status: CityReportVersionStatus }>(
  'reporting.cityReports.lastVersion',
  'SELECT version, status FROM city_report_versions WHERE report_id = $1 ORDER BY version DESC LIMIT 1',
);

export const supersedeReturnedVersions = defineQuery<[reportId: string]>(
  'reporting.cityReports.supersedeReturned',
  `UPDATE city_report_versions SET status = 'superseded' WHERE report_id = $1 AND status = 'returned'`,
);

export const decideCityReportVersion = defineQuery<
  [reportId: string, version: number, status: 'acknowledged' | 'returned', by: string, at: Date, reason: string | null],
  { id: string }
>(
  'reporting.cityReports.decide',
  `UPDATE city_report_versions SET status = $3, decided_by = $4, decided_at = $5, return_reason = $6
        WHERE report_id = $1 AND version = $2 AND status = 'submitted' RETURNING id`,
);

/** A CQO serving in the year at the city's enterprises, as the city report lists them. */
export interface CityReportCqoSqlRow {
  enterprise_name: string;
  credit_code: string;
  full_name: string;
  id_number_masked: string;
  position_title: string;
  appointed_on: string;
  term_ends_on: string;
  status: string;
  eligible: boolean;
  position_level: PositionLevel;
  appointment: { state: ComplianceState; accrued: string; required: string } | null;
  has_certificate: boolean;
  statuses: { name: string; required: string; accrued: string; state: string }[] | null;
}

/**
 * Set-based: the CQOs serving in the year (a term overlapping it) at the city's enterprises,
 * with their appointment-training status (the compliance engine's `once` verdict), appointment
 * certificate (certificates) and the year's statuses (the compliance engine's), in one statement.
 */
export const cityReportCqos = defineQuery<[regionPath: string, year: number], CityReportCqoSqlRow>(
  'reporting.cityReports.cqos',
  `WITH cqo AS (
         SELECT DISTINCT ON (a.trainee_id) a.*, e.name AS enterprise_name, e.credit_code
           FROM ${PUBLIC_CQO_APPOINTMENTS} a JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = a.enterprise_id JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
          WHERE ${regionScopeSql('g.path', '$1')}
            AND a.appointed_on <= make_date($2::int, 12, 31) AND COALESCE(a.ended_on, a.term_ends_on) >= make_date($2::int, 1, 1)
          ORDER BY a.trainee_id, a.appointed_on DESC)
       SELECT c.enterprise_name, c.credit_code, p.full_name, p.id_number_masked, c.position_title,
              c.appointed_on::text, c.term_ends_on::text, c.status, c.eligible, c.position_level,
              (SELECT json_build_object('state', s.state, 'accrued', s.accrued::text, 'required', s.required::text)
                 FROM ${PUBLIC_COMPLIANCE_STATUSES} s JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id
                WHERE s.trainee_id = c.trainee_id AND s.period_year = 0 AND r.kind = 'appointment' LIMIT 1) AS appointment,
              EXISTS (SELECT 1 FROM ${PUBLIC_CERTIFICATES} z WHERE z.trainee_id = c.trainee_id AND z.kind = 'appointment_training' AND z.status = 'valid') AS has_certificate,
              (SELECT json_agg(json_build_object('name', r.name, 'required', s.required::text, 'accrued', s.accrued::text, 'state', s.state) ORDER BY r.sort_order)
                 FROM ${PUBLIC_COMPLIANCE_STATUSES} s JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id
                WHERE s.trainee_id = c.trainee_id AND s.period_year = $2 AND r.period = 'calendar_year') AS statuses
         FROM cqo c JOIN ${PUBLIC_TRAINEE_QUALIFICATIONS} p ON p.user_id = c.trainee_id
        ORDER BY c.enterprise_name, p.full_name, c.trainee_id`,
);

export const cityEnterpriseReportCounts = defineQuery<[regionPath: string, year: number], { filed: number; acknowledged: number }>(
  'reporting.cityReports.enterpriseReportCounts',
  `SELECT count(*)::int AS filed, count(*) FILTER (WHERE r.status = 'acknowledged')::int AS acknowledged
         FROM enterprise_yearly_reports r JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = r.enterprise_id JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
        WHERE ${regionScopeSql('g.path', '$1')} AND r.year = $2`,
);
