import { defineQuery, regionScopeSql } from '@cqo/core';
import type { AwardStanding } from '../enterprise.entity';
import type { EnterpriseImportStatus } from '../master-data/enterprise-import.entity';

// SQL of the official enterprise lists' import (EnterpriseImportService). Tables:
// enterprise_imports, enterprise_import_rows, enterprises, enterprise_master_versions, regions
// (organizations).

/** The target-fact columns an import row carries and applies. */
export const FACT_COLUMNS = [
  'name',
  'region_id',
  'state_owned',
  'above_designated_size',
  'production',
  'china_quality_award',
  'china_quality_award_year',
  'provincial_quality_award',
  'provincial_quality_award_year',
  'city_quality_award',
  'city_quality_award_year',
] as const;

/** Each fact column's field name (as in `changed_fields`). */
export const FIELD_NAMES: Record<(typeof FACT_COLUMNS)[number], string> = {
  name: 'name',
  region_id: 'regionId',
  state_owned: 'stateOwned',
  above_designated_size: 'aboveDesignatedSize',
  production: 'production',
  china_quality_award: 'chinaQualityAward',
  china_quality_award_year: 'chinaQualityAwardYear',
  provincial_quality_award: 'provincialQualityAward',
  provincial_quality_award_year: 'provincialQualityAwardYear',
  city_quality_award: 'cityQualityAward',
  city_quality_award_year: 'cityQualityAwardYear',
};

/** The fields of `r` that differ from enterprise `e`, as a text[] expression. */
const CHANGED_FIELDS_SQL = `array_remove(ARRAY[${FACT_COLUMNS.map((c) => `CASE WHEN e.${c} IS DISTINCT FROM r.${c} THEN '${FIELD_NAMES[c]}' END`).join(', ')}], NULL)`;
const COLS = FACT_COLUMNS.join(', ');

export const insertImport = defineQuery<
  [scopePath: string, fileName: string, sha256: string, format: string, effectiveOn: string, createdBy: string, createdAt: Date],
  { id: string }
>(
  'organizations.imports.insert',
  `INSERT INTO enterprise_imports (scope_path, file_name, file_sha256, format, effective_on, status, total_rows, error_rows, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'previewed', 0, 0, $6, $7) RETURNING id`,
);

export const setImportCounts = defineQuery<[id: string, totalRows: number, errorRows: number]>(
  'organizations.imports.setCounts',
  'UPDATE enterprise_imports SET total_rows = $2, error_rows = $3 WHERE id = $1',
);

export const lockImportToApply = defineQuery<
  [id: string],
  { status: EnterpriseImportStatus; error_rows: number; effective_on: string; file_name: string }
>(
  'organizations.imports.lockToApply',
  'SELECT status, error_rows, effective_on::text, file_name FROM enterprise_imports WHERE id = $1 FOR UPDATE',
);

/**
 * Changed enterprises: the old values (read before the update in the same statement) decide
 * which fields changed; only those rows are updated and versioned.
 */
export const applyUpdates = defineQuery<[importId: string, effectiveOn: string, now: Date, fileName: string, by: string], { n: number }>(
  'organizations.imports.applyUpdates',
  `WITH changed AS (
           SELECT e.id AS enterprise_id, r.*, ${CHANGED_FIELDS_SQL} AS fields
             FROM enterprise_import_rows r JOIN enterprises e ON e.credit_code = r.credit_code
            WHERE r.import_id = $1),
         upd AS (
           UPDATE enterprises e SET ${FACT_COLUMNS.map((c) => `${c} = c.${c}`).join(', ')}, updated_at = $3
             FROM changed c WHERE e.id = c.enterprise_id AND cardinality(c.fields) > 0
           RETURNING e.id),
         ver AS (
           INSERT INTO enterprise_master_versions (enterprise_id, effective_on, ${COLS}, changed_fields, source, source_id, source_file, changed_by, recorded_at)
           SELECT c.enterprise_id, $2::date, ${FACT_COLUMNS.map((c) => `c.${c}`).join(', ')}, c.fields, 'import', $1, $4, $5, $3
             FROM changed c WHERE cardinality(c.fields) > 0
           RETURNING 1)
         SELECT (SELECT count(*) FROM upd)::int AS n`,
);

/** New enterprises: rows whose credit code no enterprise has, each with its first version. */
export const applyCreates = defineQuery<
  [importId: string, effectiveOn: string, now: Date, fileName: string, by: string, allFields: string[]],
  { n: number }
>(
  'organizations.imports.applyCreates',
  `WITH ins AS (
           INSERT INTO enterprises (credit_code, ${COLS}, created_at, updated_at)
           SELECT r.credit_code, ${FACT_COLUMNS.map((c) => `r.${c}`).join(', ')}, $3, $3
             FROM enterprise_import_rows r
            WHERE r.import_id = $1 AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = r.credit_code)
           RETURNING *),
         ver AS (
           INSERT INTO enterprise_master_versions (enterprise_id, effective_on, ${COLS}, changed_fields, source, source_id, source_file, changed_by, recorded_at)
           SELECT ins.id, $2::date, ${FACT_COLUMNS.map((c) => `ins.${c}`).join(', ')}, $6::text[], 'import', $1, $4, $5, $3 FROM ins
           RETURNING 1)
         SELECT (SELECT count(*) FROM ver)::int AS n`,
);

export const markImportApplied = defineQuery<[id: string, by: string, now: Date, created: number, updated: number]>(
  'organizations.imports.markApplied',
  `UPDATE enterprise_imports SET status = 'applied', applied_by = $2, applied_at = $3, created_count = $4, updated_count = $5,
                unchanged_count = total_rows - $4 - $5 WHERE id = $1`,
);

export const lockImportStatus = defineQuery<[id: string], { status: EnterpriseImportStatus }>(
  'organizations.imports.lockStatus',
  'SELECT status FROM enterprise_imports WHERE id = $1 FOR UPDATE',
);

export const markImportDiscarded = defineQuery<[id: string]>(
  'organizations.imports.markDiscarded',
  `UPDATE enterprise_imports SET status = 'discarded' WHERE id = $1`,
);

export const deleteImportRows = defineQuery<[importId: string]>(
  'organizations.imports.deleteRows',
  'DELETE FROM enterprise_import_rows WHERE import_id = $1',
);

export const countImportErrors = defineQuery<[importId: string], { total: number }>(
  'organizations.imports.countErrors',
  `SELECT count(*)::int AS total FROM enterprise_import_rows r, jsonb_array_elements(r.errors) x WHERE r.import_id = $1`,
);

export const importErrors = defineQuery<
  [importId: string, limit: number, offset: number],
  { row_no: number; column: string; message: string }
>(
  'organizations.imports.errors',
  `SELECT r.row_no, x->>'column' AS column, x->>'message' AS message
         FROM enterprise_import_rows r, jsonb_array_elements(r.errors) WITH ORDINALITY AS e(x, n)
        WHERE r.import_id = $1 AND jsonb_array_length(r.errors) > 0
        ORDER BY r.row_no, e.n LIMIT $2 OFFSET $3`,
);

export const countImports = defineQuery<[scopePath: string], { total: number }>(
  'organizations.imports.count',
  `SELECT count(*)::int AS total FROM enterprise_imports i WHERE ${regionScopeSql('i.scope_path', '$1')}`,
);

export const importIds = defineQuery<[scopePath: string, limit: number, offset: number], { id: string }>(
  'organizations.imports.ids',
  `SELECT id FROM enterprise_imports i WHERE ${regionScopeSql('i.scope_path', '$1')} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
);

export const regionsWithin = defineQuery<[scopePath: string], { id: string; code: string; name: string; path: string }>(
  'organizations.imports.regionsWithin',
  `SELECT id, code, name, path FROM regions WHERE ${regionScopeSql('path', '$1')}`,
);

export const insertImportRows = defineQuery<
  [
    importId: string,
    rowNos: number[],
    creditCodes: (string | null)[],
    names: (string | null)[],
    regionIds: (string | null)[],
    stateOwned: (boolean | null)[],
    aboveDesignatedSize: (boolean | null)[],
    production: (boolean | null)[],
    chinaQualityAward: (AwardStanding | null)[],
    chinaQualityAwardYear: (number | null)[],
    provincialQualityAward: (AwardStanding | null)[],
    provincialQualityAwardYear: (number | null)[],
    cityQualityAward: (AwardStanding | null)[],
    cityQualityAwardYear: (number | null)[],
    errorsJson: string[],
  ]
>(
  'organizations.imports.insertRows',
  `INSERT INTO enterprise_import_rows (import_id, row_no, credit_code, name, region_id, state_owned, above_designated_size, production,
              china_quality_award, china_quality_award_year, provincial_quality_award, provincial_quality_award_year,
              city_quality_award, city_quality_award_year, errors)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::boolean[], $8::boolean[],
              $9::text[], $10::int[], $11::text[], $12::int[], $13::text[], $14::int[], $15::jsonb[])`,
);

export interface ImportRow {
  id: string;
  file_name: string;
  file_sha256: string;
  format: 'csv' | 'xlsx';
  effective_on_text: string;
  status: EnterpriseImportStatus;
  total_rows: number;
  error_rows: number;
  created_count: number | null;
  updated_count: number | null;
  unchanged_count: number | null;
  to_create: number;
  to_update: number;
  created_at: Date;
  applied_at: Date | null;
}

/** An import with what applying would do: rows to create, rows that change an enterprise. */
export const importById = defineQuery<[id: string], ImportRow>(
  'organizations.imports.byId',
  `SELECT i.*, i.effective_on::text AS effective_on_text,
              (SELECT count(*) FROM enterprise_import_rows r WHERE r.import_id = i.id AND r.errors = '[]'::jsonb
                  AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = r.credit_code))::int AS to_create,
              (SELECT count(*) FROM enterprise_import_rows r JOIN enterprises e ON e.credit_code = r.credit_code
                WHERE r.import_id = i.id AND r.errors = '[]'::jsonb AND cardinality(${CHANGED_FIELDS_SQL}) > 0)::int AS to_update
         FROM enterprise_imports i WHERE i.id = $1`,
);
