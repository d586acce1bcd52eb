import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Actor, Clock, CommonErrors, isUniqueViolation, offsetOf, Page, pageOf, PageRequest, Role, runQuery, ScopePolicy } from '@cqo/core';
import { AwardStanding, EnterpriseEntity } from './enterprise.entity';
import { MasterDataService, pick } from './master-data/master-data.service';
import { REGULATOR_OWNED_FIELDS } from './master-data/master-data.types';
import { OrganizationErrors } from './organizations.errors';
import { RegionsService } from './regions.service';
import { searchEnterprises } from './sql/enterprises.sql';

export interface EnterpriseInput {
  name: string;
  creditCode: string;
  regionId: string;
  stateOwned: boolean;
  aboveDesignatedSize: boolean;
  production: boolean;
  chinaQualityAward: AwardStanding;
  provincialQualityAward: AwardStanding;
  cityQualityAward: AwardStanding;
  chinaQualityAwardYear?: number | null;
  provincialQualityAwardYear?: number | null;
  cityQualityAwardYear?: number | null;
}

export interface EnterpriseView extends EnterpriseInput {
  id: string;
  regionName: string;
  chinaQualityAwardYear: number | null;
  provincialQualityAwardYear: number | null;
  cityQualityAwardYear: number | null;
}

/** What anyone may learn about an enterprise while registering: public business data only. */
export interface EnterpriseSearchHit {
  id: string;
  name: string;
  creditCode: string;
  regionName: string;
}

/** At most this many hits per public search: enough to pick one, too few to list the register. */
export const ENTERPRISE_SEARCH_LIMIT = 10;

export interface EnterpriseFilter {
  regionId?: string;
  q?: string;
}

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectRepository(EnterpriseEntity) private readonly enterprises: Repository<EnterpriseEntity>,
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly masterData: MasterDataService,
    private readonly clock: Clock,
  ) {}

  /** A platform admin adds an enterprise by hand; its first master-data version is recorded with it. */
  async create(input: EnterpriseInput, actor: Actor | null = null): Promise<EnterpriseView> {
    await this.regions.require(input.regionId);
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const saved = await manager
          .getRepository(EnterpriseEntity)
          .save(manager.getRepository(EnterpriseEntity).create({ ...yearsOf(input), ...input }));
        await this.masterData.record(manager, saved.id, pick({ ...yearsOf(input), ...input }), {
          source: 'admin',
          changedBy: actor?.userId ?? null,
        });
        return saved.id;
      });
      return this.view(id);
    } catch (error) {
      if (isUniqueViolation(error, 'ux_enterprises_credit_code')) throw OrganizationErrors.creditCodeTaken();
      throw error;
    }
  }

  /**
   * Platform admins change an enterprise (recorded as a master-data version). The target facts are
   * regulator-owned: an enterprise admin may not change them, but asks for a correction.
   */
  async update(actor: Actor, id: string, patch: Partial<EnterpriseInput>): Promise<EnterpriseView> {
    await this.getVisible(actor, id);
    if (actor.role !== Role.PlatformAdmin) {
      const owned = Object.keys(patch).filter(
        (k) => (REGULATOR_OWNED_FIELDS as string[]).includes(k) && patch[k as keyof EnterpriseInput] !== undefined,
      );
      throw OrganizationErrors.regulatorOwned(owned.length > 0 ? owned : ['body']);
    }
    if (patch.regionId) await this.regions.require(patch.regionId);
    const { creditCode, ...facts } = patch;
    try {
      await this.dataSource.transaction(async (manager) => {
        if (creditCode !== undefined)
          await manager.getRepository(EnterpriseEntity).update({ id }, { creditCode, updatedAt: this.clock.now() });
        const current = await manager.getRepository(EnterpriseEntity).findOneByOrFail({ id });
        await this.masterData.record(manager, id, { ...pick(current), ...facts }, { source: 'admin', changedBy: actor.userId });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_enterprises_credit_code')) throw OrganizationErrors.creditCodeTaken();
      throw error;
    }
    return this.view(id);
  }

  /** One enterprise if the actor may see it: 404 if it does not exist, 403 if it is outside scope. */
  async getVisible(actor: Actor, id: string): Promise<EnterpriseView> {
    const found = await this.view(id);
    if (!this.canSee(actor, found.id, found.regionPath)) throw CommonErrors.outOfScope();
    return found;
  }

  async listVisible(actor: Actor, filter: EnterpriseFilter, page: PageRequest): Promise<Page<EnterpriseView>> {
    const qb = this.enterprises
      .createQueryBuilder('e')
      .innerJoin('regions', 'r', 'r.id = e.region_id')
      .select(['e.*', 'r.name AS region_name', 'r.path AS region_path'])
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    const scope = ScopePolicy.whereNamed(actor, { enterprise: 'e.id', regionPath: 'r.path' });
    if (!scope) throw CommonErrors.outOfScope();
    qb.andWhere(scope.sql, scope.params);
    if (filter.regionId) qb.andWhere('e.region_id = :regionId', { regionId: filter.regionId });
    if (filter.q) qb.andWhere('e.name ILIKE :q', { q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    const total = await qb.clone().getCount();
    const rows = await qb.offset(offsetOf(page)).limit(page.pageSize).getRawMany<RawEnterprise>();
    return pageOf(rows.map(toView), total, page);
  }

  /**
   * The employer search of the registration form (no log-in): a name containing `q` or a credit
   * code starting with it, at most {@link ENTERPRISE_SEARCH_LIMIT} hits, name-prefix matches first.
   */
  async searchPublic(q: string): Promise<EnterpriseSearchHit[]> {
    const text = q.trim();
    const literal = text.replace(/[%_\\]/g, '\\$&');
    const rows = await runQuery(this.dataSource, searchEnterprises, [literal, ENTERPRISE_SEARCH_LIMIT]);
    return rows.map((r) => ({ id: r.id, name: r.name, creditCode: r.credit_code, regionName: r.region_name }));
  }

  private canSee(actor: Actor, enterpriseId: string, regionPath: string): boolean {
    return ScopePolicy.covers(actor, { enterpriseIds: [enterpriseId], regionPaths: [regionPath] });
  }

  private async view(id: string): Promise<EnterpriseView & { regionPath: string }> {
    const row = await this.enterprises
      .createQueryBuilder('e')
      .innerJoin('regions', 'r', 'r.id = e.region_id')
      .select(['e.*', 'r.name AS region_name', 'r.path AS region_path'])
      .where('e.id = :id', { id })
      .getRawOne<RawEnterprise>();
    if (!row) throw OrganizationErrors.enterpriseNotFound();
    return { ...toView(row), regionPath: row.region_path };
  }
}

interface RawEnterprise {
  id: string;
  name: string;
  credit_code: string;
  region_id: string;
  region_name: string;
  region_path: string;
  state_owned: boolean;
  above_designated_size: boolean;
  production: boolean;
  china_quality_award: AwardStanding;
  provincial_quality_award: AwardStanding;
  city_quality_award: AwardStanding;
  china_quality_award_year: number | null;
  provincial_quality_award_year: number | null;
  city_quality_award_year: number | null;
}

function toView(r: RawEnterprise): EnterpriseView {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    regionId: r.region_id,
    regionName: r.region_name,
    stateOwned: r.state_owned,
    aboveDesignatedSize: r.above_designated_size,
    production: r.production,
    chinaQualityAward: r.china_quality_award,
    provincialQualityAward: r.provincial_quality_award,
    cityQualityAward: r.city_quality_award,
    chinaQualityAwardYear: r.china_quality_award_year,
    provincialQualityAwardYear: r.provincial_quality_award_year,
    cityQualityAwardYear: r.city_quality_award_year,
  };
}

function yearsOf(input: EnterpriseInput): {
  chinaQualityAwardYear: number | null;
  provincialQualityAwardYear: number | null;
  cityQualityAwardYear: number | null;
} {
  return {
    chinaQualityAwardYear: input.chinaQualityAwardYear ?? null,
    provincialQualityAwardYear: input.provincialQualityAwardYear ?? null,
    cityQualityAwardYear: input.cityQualityAwardYear ?? null,
  };
}
