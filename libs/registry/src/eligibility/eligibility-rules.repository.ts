import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeHours } from '@cqo/core';
import { EligibilityRuleSetEntity } from '../entities/eligibility-rule-set.entity';
import { RegistryErrors } from '../registry.errors';

/** A rule set as the API shows it (decimal thresholds in their shortest form). */
export interface EligibilityRuleSetView {
  id: string;
  name: string;
  effectiveFrom: string;
  minQualityWorkYears: string;
  minEducationLevel: EligibilityRuleSetEntity['minEducationLevel'];
  minQualityQualification: EligibilityRuleSetEntity['minQualityQualification'];
  acceptRelatedSeniorTitle: boolean;
  requireAppointmentCertificate: boolean;
  defaultTermYears: number;
  reminderDaysBefore: number[];
}

/** The eligibility rule set in force on a date: the latest one effective on or before it. */
@Injectable()
export class EligibilityRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  /** Every rule set, newest first, as the API shows them. */
  async list(): Promise<EligibilityRuleSetView[]> {
    const rows = await this.dataSource.getRepository(EligibilityRuleSetEntity).find({ order: { effectiveFrom: 'DESC' } });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      effectiveFrom: r.effectiveFrom,
      minQualityWorkYears: normalizeHours(r.minQualityWorkYears),
      minEducationLevel: r.minEducationLevel,
      minQualityQualification: r.minQualityQualification,
      acceptRelatedSeniorTitle: r.acceptRelatedSeniorTitle,
      requireAppointmentCertificate: r.requireAppointmentCertificate,
      defaultTermYears: r.defaultTermYears,
      reminderDaysBefore: r.reminderDaysBefore,
    }));
  }
}
