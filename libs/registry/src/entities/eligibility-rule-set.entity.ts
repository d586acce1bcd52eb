import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EducationLevel, QualityQualification } from '@cqo/trainees';

/**
 * The thresholds of the notice's appointment conditions (section 3 (一) and 二 (二)), as data: a
 * row per version, the one in force on a date being the latest `effectiveFrom` on or before it.
 * Another province, or a revised notice, adds a row; no constant in code changes. The training
 * condition's hours are not here: they are the `once` appointment rule of the requirement rule set
 * in force (libs/credit-hours), judged by its evaluator.
 */
@Entity({ name: 'cqo_eligibility_rule_sets' })
@Index('ux_cqo_eligibility_rule_sets_effective_from', ['effectiveFrom'], { unique: true })
@Check('ck_cqo_eligibility_rule_sets_values', 'min_quality_work_years >= 0 AND default_term_years BETWEEN 1 AND 10')
export class EligibilityRuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** For people, e.g. 甘肃省首席质量官任职条件（2021年试行）. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** 从事质量管理工作5年以上. */
  @Column({ type: 'numeric', precision: 4, scale: 1 })
  minQualityWorkYears!: string;

  /** 大学本科以上学历. */
  @Column({ type: 'text' })
  minEducationLevel!: EducationLevel;

  /** 中级及以上质量专业技术人员职业资格 … */
  @Column({ type: 'text' })
  minQualityQualification!: QualityQualification;

  /** … 或相关专业高级技术职称 (either one satisfies the condition). */
  @Column({ type: 'boolean', default: true })
  acceptRelatedSeniorTitle!: boolean;

  /** Whether the appointment-training certificate (首席质量官任职培训合格证书) must be held and valid. */
  @Column({ type: 'boolean', default: true })
  requireAppointmentCertificate!: boolean;

  /** 首席质量官任期一般为3年. */
  @Column({ type: 'int', default: 3 })
  defaultTermYears!: number;

  /** Days before the term ends on which reminders go out, e.g. {90,30}. */
  @Column({ type: 'int', array: true })
  reminderDaysBefore!: number[];
}
