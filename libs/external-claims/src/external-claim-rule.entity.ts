import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { RequirementRuleSetEntity } from '@cqo/credit-hours';

/**
 * How much of a year may come from training outside the platform, per requirement rule set
 * (the set governing the trainee's region in the claim's year). Seeded for Gansu: 7 category-1
 * and 15 category-2 hours a year, claims for a closed year taken 31 days after it ends.
 */
@Entity({ name: 'external_claim_rules' })
@Check('ck_external_claim_rules_limits', 'max_category1_hours >= 0 AND max_category2_hours >= 0 AND late_window_days BETWEEN 0 AND 366')
export class ExternalClaimRuleEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_external_claim_rules' })
  ruleSetId!: string;

  @OneToOne(() => RequirementRuleSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_set_id', foreignKeyConstraintName: 'fk_external_claim_rules_rule_set' })
  ruleSet?: Relation<RequirementRuleSetEntity>;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  maxCategory1Hours!: string;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  maxCategory2Hours!: string;

  /** Days after 31 December (CST) during which a claim for that year is still taken. */
  @Column({ type: 'int' })
  lateWindowDays!: number;
}
