import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EligibilityRuleSetEntity } from '../entities/eligibility-rule-set.entity';
import { RegistryErrors } from '../registry.errors';

/** The eligibility rule set in force on a date: the latest one effective on or before it. */
@Injectable()
export class EligibilityRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inForce(date: string, manager: EntityManager = this.dataSource.manager): Promise<EligibilityRuleSetEntity> {
    const found = await manager
      .getRepository(EligibilityRuleSetEntity)
      .createQueryBuilder('r')
      .where('r.effective_from <= :date', { date })
      .orderBy('r.effective_from', 'DESC')
      .getOne();
    if (!found) throw RegistryErrors.noRuleSet();
    return found;
  }

  list(): Promise<EligibilityRuleSetEntity[]> {
    return this.dataSource.getRepository(EligibilityRuleSetEntity).find({ order: { effectiveFrom: 'DESC' } });
  }
}
