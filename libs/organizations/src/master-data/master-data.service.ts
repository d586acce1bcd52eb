import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  chinaDateOf,
  Clock,
  CommonErrors,
  DomainError,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  regionContains,
  regionScopeOrAllSql,
  Role,
} from '@cqo/core';
import { EnterpriseEntity } from '../enterprise.entity';
import { CorrectionStatus, EnterpriseCorrectionRequestEntity } from './enterprise-correction.entity';
import { EnterpriseMasterVersionEntity } from './enterprise-master-version.entity';
import { changedFields, EnterpriseTargetFacts, MasterDataSource, TARGET_FACT_FIELDS } from './master-data.types';

export interface MasterVersionView extends EnterpriseTargetFacts {
  id: string;
  effectiveOn: string;
  changedFields: string[];
  source: MasterDataSource;
  sourceId: string | null;
  sourceFile: string | null;
  changedBy: string | null;
  changedByName: string | null;
  recordedAt: Date;
}

export interface CorrectionView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  changes: Partial<EnterpriseTargetFacts>;
  reason: string;
  status: CorrectionStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

const MasterDataErrors = {
  correctionNotFound: () => DomainError.notFound('CORRECTION_NOT_FOUND', '更正申请不存在'),
  correctionDecided: () => DomainError.conflict('CORRECTION_ALREADY_DECIDED', '该更正申请已处理', [{ field: 'id', message: '已处理' }]),
  correctionEmpty: () =>
    DomainError.invalid('CORRECTION_EMPTY', '更正申请没有要更改的内容', [{ field: 'changes', message: '没有要更改的内容' }]),
};

/**
 * The history of enterprises' master data and the corrections an enterprise asks for: the city
 * (or the province) approves, which writes a new version; every change to a target fact is a
 * version with who, when and source. `record` is the one writer of versions outside the import.
 */
@Injectable()
export class MasterDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the facts to the enterprise and records the version (only when something changed).
   * Runs in the caller's transaction.
   */
  async record(
    manager: EntityManager,
    enterpriseId: string,
    facts: EnterpriseTargetFacts,
    source: {
      source: MasterDataSource;
      sourceId?: string | null;
      sourceFile?: string | null;
      changedBy: string | null;
      effectiveOn?: string;
    },
  ): Promise<string[]> {
    const before = await manager.getRepository(EnterpriseEntity).findOneBy({ id: enterpriseId });
    const fields = changedFields(before ? pick(before) : null, facts);
    const existing = await manager.getRepository(EnterpriseMasterVersionEntity).countBy({ enterpriseId });
    if (fields.length === 0 && existing > 0) return [];
    const now = this.clock.now();
    await manager.getRepository(EnterpriseEntity).update({ id: enterpriseId }, { ...facts, updatedAt: now });
    await manager.getRepository(EnterpriseMasterVersionEntity).insert({
      enterpriseId,
      effectiveOn: source.effectiveOn ?? chinaDateOf(now),
      ...facts,
      changedFields: existing === 0 ? [...TARGET_FACT_FIELDS] : fields,
      source: source.source,
      sourceId: source.sourceId ?? null,
      sourceFile: source.sourceFile ?? null,
      changedBy: source.changedBy,
      recordedAt: now,
    });
    return fields;
  }

  /** An enterprise's master-data history, newest first (whoever may see the enterprise). */
  async history(enterpriseId: string): Promise<MasterVersionView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT v.*, v.effective_on::text AS effective_on_text, u.display_name AS changed_by_name
         FROM enterprise_master_versions v LEFT JOIN users u ON u.id = v.changed_by
        WHERE v.enterprise_id = $1 ORDER BY v.effective_on DESC, v.recorded_at DESC, v.id`,
      [enterpriseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      effectiveOn: String(r.effective_on_text),
      name: String(r.name),
      regionId: String(r.region_id),
      stateOwned: r.state_owned as boolean,
      aboveDesignatedSize: r.above_designated_size as boolean,
      production: r.production as boolean,
      chinaQualityAward: r.china_quality_award as EnterpriseTargetFacts['chinaQualityAward'],
      chinaQualityAwardYear: r.china_quality_award_year as number | null,
      provincialQualityAward: r.provincial_quality_award as EnterpriseTargetFacts['provincialQualityAward'],
      provincialQualityAwardYear: r.provincial_quality_award_year as number | null,
      cityQualityAward: r.city_quality_award as EnterpriseTargetFacts['cityQualityAward'],
      cityQualityAwardYear: r.city_quality_award_year as number | null,
      changedFields: r.changed_fields as string[],
      source: r.source as MasterDataSource,
      sourceId: (r.source_id as string | null) ?? null,
      sourceFile: (r.source_file as string | null) ?? null,
      changedBy: (r.changed_by as string | null) ?? null,
      changedByName: (r.changed_by_name as string | null) ?? null,
      recordedAt: r.recorded_at as Date,
    }));
  }

  /** The enterprise admin asks its city to correct its master data. */
  async requestCorrection(actor: Actor, changes: Partial<EnterpriseTargetFacts>, reason: string): Promise<CorrectionView> {
    if (actor.role !== Role.EnterpriseAdmin || !actor.enterpriseId) throw CommonErrors.outOfScope();
    const clean = Object.fromEntries(
      Object.entries(changes).filter(([k, v]) => (TARGET_FACT_FIELDS as string[]).includes(k) && v !== undefined),
    );
    if (Object.keys(clean).length === 0) throw MasterDataErrors.correctionEmpty();
    if (clean.regionId) await this.requireRegion(String(clean.regionId));
    const saved = await this.dataSource.getRepository(EnterpriseCorrectionRequestEntity).save({
      enterpriseId: actor.enterpriseId,
      changes: clean,
      reason: reason.trim(),
      status: 'pending',
      requestedBy: actor.userId,
      requestedAt: this.clock.now(),
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    });
    return this.correction(saved.id);
  }

  /** The city (or the province) approves — the change becomes a version — or rejects. */
  async decideCorrection(actor: Actor, id: string, approve: boolean, note: string | null): Promise<CorrectionView> {
    if (actor.role !== Role.Regulator || !actor.regionPath) throw CommonErrors.outOfScope();
    await this.dataSource.transaction(async (manager) => {
      const request = await manager
        .getRepository(EnterpriseCorrectionRequestEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw MasterDataErrors.correctionNotFound();
      await this.assertRegulatorOf(manager, actor, request.enterpriseId);
      if (request.status !== 'pending') throw MasterDataErrors.correctionDecided();
      const now = this.clock.now();
      if (approve) {
        const current = await manager.getRepository(EnterpriseEntity).findOneByOrFail({ id: request.enterpriseId });
        await this.record(
          manager,
          request.enterpriseId,
          { ...pick(current), ...request.changes },
          { source: 'correction', sourceId: id, changedBy: actor.userId },
        );
      }
      await manager
        .getRepository(EnterpriseCorrectionRequestEntity)
        .update(
          { id },
          { status: approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: note?.trim() || null },
        );
    });
    return this.correction(id);
  }

  /** Correction requests: an enterprise its own, a regulator those in its region. */
  async corrections(actor: Actor, filter: { status?: CorrectionStatus }, page: PageRequest): Promise<Page<CorrectionView>> {
    let own: string | null = null;
    let scope: string | null = null;
    if (actor.role === Role.EnterpriseAdmin && actor.enterpriseId) own = actor.enterpriseId;
    else if (actor.role === Role.Regulator && actor.regionPath) scope = actor.regionPath;
    else throw CommonErrors.outOfScope();
    const where = `WHERE ($1::uuid IS NULL OR c.enterprise_id = $1) AND ${regionScopeOrAllSql('g.path', '$2')}
                     AND ($3::text IS NULL OR c.status = $3)`;
    const from = 'FROM enterprise_correction_requests c JOIN enterprises e ON e.id = c.enterprise_id JOIN regions g ON g.id = e.region_id';
    const params = [own, scope, filter.status ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${from} ${where}`, params);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id ${from} ${where} ORDER BY c.requested_at DESC, c.id LIMIT $4 OFFSET $5`,
      [...params, page.pageSize, offsetOf(page)],
    );
    const views: CorrectionView[] = [];
    for (const r of rows) views.push(await this.correction(r.id));
    return pageOf(views, total, page);
  }

  private async correction(id: string): Promise<CorrectionView> {
    const [r]: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT c.*, e.name AS enterprise_name FROM enterprise_correction_requests c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.id = $1',
      [id],
    );
    if (!r) throw MasterDataErrors.correctionNotFound();
    return {
      id: String(r.id),
      enterpriseId: String(r.enterprise_id),
      enterpriseName: String(r.enterprise_name),
      changes: r.changes as Partial<EnterpriseTargetFacts>,
      reason: String(r.reason),
      status: r.status as CorrectionStatus,
      requestedAt: r.requested_at as Date,
      decidedAt: (r.decided_at as Date | null) ?? null,
      decisionNote: (r.decision_note as string | null) ?? null,
    };
  }

  private async assertRegulatorOf(manager: EntityManager, actor: Actor, enterpriseId: string): Promise<void> {
    const [row]: { path: string }[] = await manager.query(
      'SELECT g.path FROM enterprises e JOIN regions g ON g.id = e.region_id WHERE e.id = $1',
      [enterpriseId],
    );
    if (!row || !regionContains(actor.regionPath!, row.path)) throw CommonErrors.outOfScope();
  }

  private async requireRegion(id: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM regions WHERE id = $1', [id]);
    if (rows.length === 0)
      throw DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field: 'changes.regionId', message: '地区不存在' }]);
  }
}

/** The target facts of an enterprise row. */
export function pick(e: EnterpriseTargetFacts): EnterpriseTargetFacts {
  return Object.fromEntries(TARGET_FACT_FIELDS.map((f) => [f, e[f] ?? null])) as unknown as EnterpriseTargetFacts;
}
