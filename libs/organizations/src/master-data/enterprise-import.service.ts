import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, Page, PageRequest } from '@cqo/core';
import {
  AppConfig,
  chinaDateOf,
  chinaYearOf,
  Clock,
  CommonErrors,
  DomainError,
  regionContains,
  Role,
  runCommand,
  runPage,
  runPageWith,
  runQuery,
  safeFileName,
} from '@cqo/core';
import { EnterpriseImportEntity, EnterpriseImportStatus } from './enterprise-import.entity';
import { assertImportFile, ImportFile, readRows } from './import-file';
import { checkRow, CheckedRow, mapHeader, RegionRef } from './import-rows';
import {
  applyCreates,
  applyUpdates,
  countImportErrors,
  countImports,
  deleteImportRows,
  FIELD_NAMES,
  importById,
  importErrors,
  importIds,
  insertImport,
  insertImportRows,
  lockImportStatus,
  lockImportToApply,
  markImportApplied,
  markImportDiscarded,
  regionsWithin,
  setImportCounts,
} from '../sql/enterprise-imports.sql';

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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
      const [{ id }] = await runQuery(manager, insertImport, [
        scopePath,
        safeFileName(file.fileName),
        sha256,
        file.format,
        effectiveOn ?? today,
        actor.userId,
        now,
      ]);
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
      await runCommand(manager, setImportCounts, [id, total, errorRows]);
      return this.view(id, manager);
    });
  }

  /** Applies a clean preview in one transaction; a second apply is refused. */
  async apply(actor: Actor, id: string): Promise<ImportView> {
    await this.requireVisible(actor, id);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const [imp] = await runQuery(manager, lockImportToApply, [id]);
      if (imp.status !== 'previewed') throw ImportErrors.notPreviewed();
      if (imp.error_rows > 0) throw ImportErrors.hasErrors(imp.error_rows);
      const updated = await runQuery(manager, applyUpdates, [id, imp.effective_on, now, imp.file_name, actor.userId]);
      const created = await runQuery(manager, applyCreates, [
        id,
        imp.effective_on,
        now,
        imp.file_name,
        actor.userId,
        Object.values(FIELD_NAMES),
      ]);
      await runCommand(manager, markImportApplied, [id, actor.userId, now, created[0].n, updated[0].n]);
    });
    return this.view(id);
  }

  async discard(actor: Actor, id: string): Promise<ImportView> {
    await this.requireVisible(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const [imp] = await runQuery(manager, lockImportStatus, [id]);
      if (imp.status !== 'previewed') throw ImportErrors.notPreviewed();
      await runCommand(manager, markImportDiscarded, [id]);
      // The parsed rows are only needed to apply.
      await runCommand(manager, deleteImportRows, [id]);
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
    return runPage(this.dataSource, { count: countImportErrors, rows: importErrors }, [id], page, (r) => ({
      row: r.row_no,
      column: r.column,
      message: r.message,
    }));
  }

  async list(actor: Actor, page: PageRequest): Promise<Page<ImportView>> {
    return runPageWith(this.dataSource, { count: countImports, rows: importIds }, [this.scopeOf(actor)], page, async (ids) => {
      const views: ImportView[] = [];
      for (const r of ids) views.push(await this.view(r.id));
      return views;
    });
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
    const rows: RegionRef[] = await runQuery(this.dataSource, regionsWithin, [scopePath]);
    const map = new Map<string, RegionRef>();
    for (const r of rows) {
      map.set(r.name, r);
      map.set(r.code, r);
    }
    return map;
  }

  private async insertRows(manager: EntityManager, importId: string, batch: [number, CheckedRow][]): Promise<void> {
    const col = <K extends keyof CheckedRow>(k: K) => batch.map(([, r]) => r[k]);
    await runCommand(manager, insertImportRows, [
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
    ]);
  }

  private async view(id: string, manager: EntityManager = this.dataSource.manager): Promise<ImportView> {
    const [r] = await runQuery(manager, importById, [id]);
    if (!r) throw ImportErrors.notFound();
    const applied = r.status === 'applied';
    const totalRows = Number(r.total_rows);
    const toCreate = applied ? Number(r.created_count) : Number(r.to_create);
    const toUpdate = applied ? Number(r.updated_count) : Number(r.to_update);
    return {
      id: r.id,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      format: r.format,
      effectiveOn: r.effective_on_text,
      status: r.status,
      totalRows,
      errorRows: Number(r.error_rows),
      toCreate,
      toUpdate,
      unchanged: applied ? Number(r.unchanged_count) : totalRows - Number(r.error_rows) - toCreate - toUpdate,
      createdAt: r.created_at,
      appliedAt: r.applied_at,
    };
  }
}
