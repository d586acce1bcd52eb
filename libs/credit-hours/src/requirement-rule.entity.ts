import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CreditCategory, CreditKind } from './credit-entry.entity';
import { RequirementRuleSetEntity } from './requirement-rule-set.entity';

/** `once` (appointment training, before appointment) or each `calendar_year` (CST). */
export const REQUIREMENT_PERIODS = ['once', 'calendar_year'] as const;
export type RequirementPeriod = (typeof REQUIREMENT_PERIODS)[number];

/**
 * Who a rule binds: `everyone` (appointment training), or `serving_and_opted_in` — serving CQOs
 * (see `serving_cqo_terms`) and trainees who asked to be held to the yearly requirements.
 */
export const REQUIREMENT_APPLIES_TO = ['everyone', 'serving_and_opted_in'] as const;
export type RequirementAppliesTo = (typeof REQUIREMENT_APPLIES_TO)[number];

/**
 * One requirement of a rule set: at least `minHours` of `category`/`kind` hours per period.
 * `code` names the requirement across rule sets (statuses are keyed by it), e.g. `continuing`.
 */
@Entity({ name: 'requirement_rules' })
@Index('ux_requirement_rules_rule_set_code', ['ruleSetId', 'code'], { unique: true })
@Check(
  'ck_requirement_rules_category_kind',
  `category IN (1, 2) AND kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')`,
)
@Check('ck_requirement_rules_period', `period IN ('once', 'calendar_year')`)
@Check('ck_requirement_rules_applies_to', `applies_to IN ('everyone', 'serving_and_opted_in')`)
@Check('ck_requirement_rules_values', 'min_hours > 0 AND at_risk_threshold >= 0 AND at_risk_threshold <= 1')
export class RequirementRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => RequirementRuleSetEntity, { onDelete: 'CASCADE', name: 'fk_requirement_rules_rule_set' })
  ruleSetId!: string;

  @Column({ type: 'text' })
  code!: string;

  /** For people (Chinese), e.g. 第一类继续教育. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'smallint' })
  category!: CreditCategory;

  @Column({ type: 'text' })
  kind!: CreditKind;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  minHours!: string;

  @Column({ type: 'text' })
  period!: RequirementPeriod;

  /** Whether appointment-training hours also count toward this (yearly) requirement. The notice: no. */
  @Column({ type: 'boolean', default: false })
  countAppointmentHours!: boolean;

  /**
   * During the year a trainee is at risk when accrued < threshold × required × the share of the
   * year elapsed. 1 means "behind the pro-rated requirement".
   */
  @Column({ type: 'numeric', precision: 4, scale: 3, default: 1 })
  atRiskThreshold!: string;

  @Column({ type: 'text' })
  appliesTo!: RequirementAppliesTo;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
