import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  chinaDateOf,
  chinaYearOf,
  Clock,
  CommonErrors,
  DomainError,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  regionContains,
  regionScopeSql,
  Role,
} from '@cqo/core';
import { EnterpriseImportEntity, EnterpriseImportStatus } from './enterprise-import.entity';
import { assertImportFile, ImportFile, readRows } from './import-file';
import { checkRow, CheckedRow, mapHeader, RegionRef } from './import-rows';

export interface ImportView {
  id: string;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xlsx';
  effectiveOn: string;
  status: EnterpriseImportStatus;
  totalRows: number;
  errorRows: number;
  /** What applying would do (preview) or did (applied). */
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  createdAt: Date;
  appliedAt: Date | null;
}

export interface ImportErrorRow {
  row: number;
  column: string;
  message: string;
}

const BATCH = 1_000;
const FACT_COLUMNS = [
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
const FIELD_NAMES: Record<(typeof FACT_COLUMNS)[number], string> = {
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

const ImportErrors = {
  notFound: () => DomainError.notFound('ENTERPRISE_IMPORT_NOT_FOUND', '导入记录不存在'),
  notPreviewed: () =>
    DomainError.conflict('ENTERPRISE_IMPORT_NOT_PREVIEWED', '该导入已应用或已放弃', [{ field: 'id', message: '状态不是待确认' }]),
  hasErrors: (n: number) =>
    DomainError.conflict('ENTERPRISE_IMPORT_HAS_ERRORS', `导入文件有${n}行错误，请修正后重新上传`, [
      { field: 'file', message: `${n}行有错误` },
    ]),
  header: (missing: string[]) =>
    DomainError.invalid(
      'IMPORT_FILE_INVALID',
      `导入文件缺少列：${missing.join('、')}`,
      missing.map((m) => ({ field: 'file', message: `缺少列“${m}”` })),
    ),
  empty: () => DomainError.invalid('IMPORT_FILE_INVALID', '导入文件没有数据行', [{ field: 'file', message: '没有数据行' }]),
  effectiveOn: () =>
    DomainError.invalid('IMPORT_EFFECTIVE_ON_INVALID', '名录日期不能晚于今天', [{ field: 'effectiveOn', message: '不能晚于今天' }]),
};

/**
 * The official enterprise lists (master data), imported by city and provincial regulators:
 * upload → preview (every row checked, errors naming row and column, nothing applied) → apply
 * in one transaction, matched by unified social credit code. Each changed enterprise gets a
 * version (who, when, source file); an unchanged row changes nothing, so a re-import of the same
 * file is a no-op. Rows are parsed streaming and written in batches: memory stays flat.
 */
@Injectable()
export class EnterpriseImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(actor: Actor, file: ImportFile, effectiveOn?: string): Promise<ImportView> {
    const scopePath = this.scopeOf(actor);
    const now = this.clock.now();
    const today = chinaDateOf(now);
    if (effectiveOn !== undefined && effectiveOn > today) throw ImportErrors.effectiveOn();
    await assertImportFile(file);
    const regions = await this.regionsIn(scopePath);
    const currentYear = chinaYearOf(now);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO enterprise_imports (scope_path, file_name, file_sha256, format, effective_on, status, total_rows, error_rows, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'previewed', 0, 0, $6, $7) RETURNING id`,
        [scopePath, file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200), sha256, file.format, effectiveOn ?? today, actor.userId, now],
      );
      let positions: ReturnType<typeof mapHeader>['positions'] | null = null;
      let batch: [number, CheckedRow][] = [];
      let total = 0;
      let errorRows = 0;
      const seen = new Map<string, number>();
      for await (const [rowNo, cells] of readRows(file, this.config.uploads)) {
        if (positions === null) {
          const header = mapHeader(cells);
          if (header.missing.length > 0) throw ImportErrors.header(header.missing);
          positions = header.positions;
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        const row = checkRow(cells, positions, regions, currentYear);
        if (row.creditCode !== null) {
          const first = seen.get(row.creditCode);
          if (first !== undefined) row.errors.push({ column: '统一社会信用代码', message: `与第${first}行重复` });
          else seen.set(row.creditCode, rowNo);
        }
        total += 1;
        if (row.errors.length > 0) errorRows += 1;
        batch.push([rowNo, row]);
        if (batch.length >= BATCH) {
          await this.insertRows(manager, id, batch);
          batch = [];
        }
      }
      if (positions === null || total === 0) throw ImportErrors.empty();
      if (batch.length > 0) await this.insertRows(manager, id, batch);
      await manager.query('UPDATE enterprise_imports SET total_rows = $2, error_rows = $3 WHERE id = $1', [id, total, errorRows]);
      return this.view(id, manager);
    });
  }

  /** Applies a clean preview in one transaction; a second apply is refused. */
  async apply(actor: Actor, id: string): Promise<ImportView> {
    await this.requireVisible(actor, id);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const [imp]: { status: EnterpriseImportStatus; error_rows: number; effective_on: string; file_name: string }[] = await manager.query(
        'SELECT status, error_rows, effective_on::text, file_name FROM enterprise_imports WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (imp.status !== 'previewed') throw ImportErrors.notPreviewed();
      if (imp.error_rows > 0) throw ImportErrors.hasErrors(imp.error_rows);
      const cols = FACT_COLUMNS.join(', ');
      // Changed enterprises: the old values (read before the update in the same statement) decide
      // which fields changed; only those rows are updated and versioned.
      const updated: { n: number }[] = await manager.query(
        `WITH changed AS (
           SELECT e.id AS enterprise_id, r.*, ${CHANGED_FIELDS_SQL} AS fields
             FROM enterprise_import_rows r JOIN enterprises e ON e.credit_code = r.credit_code
            WHERE r.import_id = $1),
         upd AS (
           UPDATE enterprises e SET ${FACT_COLUMNS.map((c) => `${c} = c.${c}`).join(', ')}, updated_at = $3
             FROM changed c WHERE e.id = c.enterprise_id AND cardinality(c.fields) > 0
           RETURNING e.id),
         ver AS (
           INSERT INTO enterprise_master_versions (enterprise_id, effective_on, ${cols}, changed_fields, source, source_id, source_file, changed_by, recorded_at)
           SELECT c.enterprise_id, $2::date, ${FACT_COLUMNS.map((c) => `c.${c}`).join(', ')}, c.fields, 'import', $1, $4, $5, $3
             FROM changed c WHERE cardinality(c.fields) > 0
           RETURNING 1)
         SELECT (SELECT count(*) FROM upd)::int AS n`,
        [id, imp.effective_on, now, imp.file_name, actor.userId],
      );
      const created: { n: number }[] = await manager.query(
        `WITH ins AS (
           INSERT INTO enterprises (credit_code, ${cols}, created_at, updated_at)
           SELECT r.credit_code, ${FACT_COLUMNS.map((c) => `r.${c}`).join(', ')}, $3, $3
             FROM enterprise_import_rows r
            WHERE r.import_id = $1 AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = r.credit_code)
           RETURNING *),
         ver AS (
           INSERT INTO enterprise_master_versions (enterprise_id, effective_on, ${cols}, changed_fields, source, source_id, source_file, changed_by, recorded_at)
           SELECT ins.id, $2::date, ${FACT_COLUMNS.map((c) => `ins.${c}`).join(', ')}, $6::text[], 'import', $1, $4, $5, $3 FROM ins
           RETURNING 1)
         SELECT (SELECT count(*) FROM ver)::int AS n`,
        [id, imp.effective_on, now, imp.file_name, actor.userId, Object.values(FIELD_NAMES)],
      );
      await manager.query(
        `UPDATE enterprise_imports SET status = 'applied', applied_by = $2, applied_at = $3, created_count = $4, updated_count = $5,
                unchanged_count = total_rows - $4 - $5 WHERE id = $1`,
        [id, actor.userId, now, created[0].n, updated[0].n],
      );
    });
    return this.view(id);
  }

  async discard(actor: Actor, id: string): Promise<ImportView> {
    await this.requireVisible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const [imp]: { status: string }[] = await manager.query('SELECT status FROM enterprise_imports WHERE id = $1 FOR UPDATE', [id]);
      if (imp.status !== 'previewed') throw ImportErrors.notPreviewed();
      await manager.query(`UPDATE enterprise_imports SET status = 'discarded' WHERE id = $1`, [id]);
      // The parsed rows are only needed to apply.
      await manager.query('DELETE FROM enterprise_import_rows WHERE import_id = $1', [id]);
    });
    return this.view(id);
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    await this.requireVisible(actor, id);
    return this.view(id);
  }

  /** The preview's errors, row by row, naming the column. */
  async errors(actor: Actor, id: string, page: PageRequest): Promise<Page<ImportErrorRow>> {
    await this.requireVisible(actor, id);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enterprise_import_rows r, jsonb_array_elements(r.errors) x WHERE r.import_id = $1`,
      [id],
    );
    const rows: { row_no: number; column: string; message: string }[] = await this.dataSource.query(
      `SELECT r.row_no, x->>'column' AS column, x->>'message' AS message
         FROM enterprise_import_rows r, jsonb_array_elements(r.errors) WITH ORDINALITY AS e(x, n)
        WHERE r.import_id = $1 AND jsonb_array_length(r.errors) > 0
        ORDER BY r.row_no, e.n LIMIT $2 OFFSET $3`,
      [id, page.pageSize, offsetOf(page)],
    );
    return pageOf(
      rows.map((r) => ({ row: r.row_no, column: r.column, message: r.message })),
      total,
      page,
    );
  }

  async list(actor: Actor, page: PageRequest): Promise<Page<ImportView>> {
    const scopePath = this.scopeOf(actor);
    const where = `WHERE ${regionScopeSql('i.scope_path', '$1')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enterprise_imports i ${where}`,
      [scopePath],
    );
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM enterprise_imports i ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [scopePath, page.pageSize, offsetOf(page)],
    );
    const views: ImportView[] = [];
    for (const r of ids) views.push(await this.view(r.id));
    return pageOf(views, total, page);
  }

  private scopeOf(actor: Actor): string {
    if (actor.role === Role.Regulator && actor.regionPath) return actor.regionPath;
    throw CommonErrors.outOfScope();
  }

  private async requireVisible(actor: Actor, id: string): Promise<void> {
    const scopePath = this.scopeOf(actor);
    const imp = await this.dataSource.getRepository(EnterpriseImportEntity).findOneBy({ id });
    if (!imp) throw ImportErrors.notFound();
    // A city sees its own imports; the province sees its cities' too.
    if (!regionContains(scopePath, imp.scopePath)) throw CommonErrors.outOfScope();
  }

  /** The regions an importer may name, by name and by code. */
  private async regionsIn(scopePath: string): Promise<Map<string, RegionRef>> {
    const rows: RegionRef[] = await this.dataSource.query(
      `SELECT id, code, name, path FROM regions WHERE ${regionScopeSql('path', '$1')}`,
      [scopePath],
    );
    const map = new Map<string, RegionRef>();
    for (const r of rows) {
      map.set(r.name, r);
      map.set(r.code, r);
    }
    return map;
  }

  private async insertRows(manager: EntityManager, importId: string, batch: [number, CheckedRow][]): Promise<void> {
    const col = <K extends keyof CheckedRow>(k: K) => batch.map(([, r]) => r[k]);
    await manager.query(
      `INSERT INTO enterprise_import_rows (import_id, row_no, credit_code, name, region_id, state_owned, above_designated_size, production,
              china_quality_award, china_quality_award_year, provincial_quality_award, provincial_quality_award_year,
              city_quality_award, city_quality_award_year, errors)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::boolean[], $8::boolean[],
              $9::text[], $10::int[], $11::text[], $12::int[], $13::text[], $14::int[], $15::jsonb[])`,
      [
        importId,
        batch.map(([n]) => n),
        col('creditCode'),
        col('name'),
        col('regionId'),
        col('stateOwned'),
        col('aboveDesignatedSize'),
        col('production'),
        col('chinaQualityAward'),
        col('chinaQualityAwardYear'),
        col('provincialQualityAward'),
        col('provincialQualityAwardYear'),
        col('cityQualityAward'),
        col('cityQualityAwardYear'),
        batch.map(([, r]) => JSON.stringify(r.errors)),
      ],
    );
  }

  private async view(id: string, manager: EntityManager = this.dataSource.manager): Promise<ImportView> {
    const [r]: Record<string, unknown>[] = await manager.query(
      `SELECT i.*, i.effective_on::text AS effective_on_text,
              (SELECT count(*) FROM enterprise_import_rows r WHERE r.import_id = i.id AND r.errors = '[]'::jsonb
                  AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = r.credit_code))::int AS to_create,
              (SELECT count(*) FROM enterprise_import_rows r JOIN enterprises e ON e.credit_code = r.credit_code
                WHERE r.import_id = i.id AND r.errors = '[]'::jsonb AND cardinality(${CHANGED_FIELDS_SQL}) > 0)::int AS to_update
         FROM enterprise_imports i WHERE i.id = $1`,
      [id],
    );
    if (!r) throw ImportErrors.notFound();
    const applied = r.status === 'applied';
    const totalRows = Number(r.total_rows);
    const toCreate = applied ? Number(r.created_count) : Number(r.to_create);
    const toUpdate = applied ? Number(r.updated_count) : Number(r.to_update);
    return {
      id: String(r.id),
      fileName: String(r.file_name),
      fileSha256: String(r.file_sha256),
      format: r.format as 'csv' | 'xlsx',
      effectiveOn: String(r.effective_on_text),
      status: r.status as EnterpriseImportStatus,
      totalRows,
      errorRows: Number(r.error_rows),
      toCreate,
      toUpdate,
      unchanged: applied ? Number(r.unchanged_count) : totalRows - Number(r.error_rows) - toCreate - toUpdate,
      createdAt: r.created_at as Date,
      appliedAt: (r.applied_at as Date | null) ?? null,
    };
  }
}
