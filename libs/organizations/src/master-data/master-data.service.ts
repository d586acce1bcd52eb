import { Injectable } from '@nestjs/common';
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
  Role,
  runQuery,
} from '@cqo/core';
import { EnterpriseEntity } from '../enterprise.entity';
import { CorrectionStatus, EnterpriseCorrectionRequestEntity } from './enterprise-correction.entity';
import { EnterpriseMasterVersionEntity } from './enterprise-master-version.entity';
import {
  correctionById,
  correctionIds,
  countCorrections,
  enterpriseRegionPath,
  masterVersions,
  regionExists,
} from '../sql/master-data.sql';
import { changedFields, EnterpriseTargetFacts, MasterDataSource, TARGET_FACT_FIELDS } from './master-data.types';

/** A master-data version; who changed it is an account id (the API adds the account's name). */
export interface MasterVersion extends EnterpriseTargetFacts {
  id: string;
  effectiveOn: string;
  changedFields: string[];
  source: MasterDataSource;
  sourceId: string | null;
  sourceFile: string | null;
  changedBy: string | null;
  recordedAt: Date;
}

export interface MasterVersionView extends MasterVersion {
  changedByName: string | null;
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
    private readonly dataSource: DataSource,
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
  async history(enterpriseId: string): Promise<MasterVersion[]> {
    const rows = await runQuery(this.dataSource, masterVersions, [enterpriseId]);
    return rows.map((r) => ({
      id: r.id,
      effectiveOn: r.effective_on_text,
      name: r.name,
      regionId: r.region_id,
      stateOwned: r.state_owned,
      aboveDesignatedSize: r.above_designated_size,
      production: r.production,
      chinaQualityAward: r.china_quality_award,
      chinaQualityAwardYear: r.china_quality_award_year,
      provincialQualityAward: r.provincial_quality_award,
      provincialQualityAwardYear: r.provincial_quality_award_year,
      cityQualityAward: r.city_quality_award,
      cityQualityAwardYear: r.city_quality_award_year,
      changedFields: r.changed_fields,
      source: r.source,
      sourceId: r.source_id,
      sourceFile: r.source_file,
      changedBy: r.changed_by,
      recordedAt: r.recorded_at,
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
    const params = [own, scope, filter.status ?? null] as const;
    const [{ total }] = await runQuery(this.dataSource, countCorrections, [...params]);
    const rows = await runQuery(this.dataSource, correctionIds, [...params, page.pageSize, offsetOf(page)]);
    const views: CorrectionView[] = [];
    for (const r of rows) views.push(await this.correction(r.id));
    return pageOf(views, total, page);
  }

  private async correction(id: string): Promise<CorrectionView> {
    const [r] = await runQuery(this.dataSource, correctionById, [id]);
    if (!r) throw MasterDataErrors.correctionNotFound();
    return {
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      changes: r.changes,
      reason: r.reason,
      status: r.status,
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    };
  }

  private async assertRegulatorOf(manager: EntityManager, actor: Actor, enterpriseId: string): Promise<void> {
    const [row] = await runQuery(manager, enterpriseRegionPath, [enterpriseId]);
    if (!row || !regionContains(actor.regionPath!, row.path)) throw CommonErrors.outOfScope();
  }

  private async requireRegion(id: string): Promise<void> {
    const rows = await runQuery(this.dataSource, regionExists, [id]);
    if (rows.length === 0)
      throw DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field: 'changes.regionId', message: '地区不存在' }]);
  }
}

/** The target facts of an enterprise row. */
export function pick(e: EnterpriseTargetFacts): EnterpriseTargetFacts {
  return Object.fromEntries(TARGET_FACT_FIELDS.map((f) => [f, e[f] ?? null])) as unknown as EnterpriseTargetFacts;
}
