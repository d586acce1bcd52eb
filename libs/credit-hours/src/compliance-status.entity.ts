import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RequirementRuleEntity } from './requirement-rule.entity';
import { RequirementRuleSetEntity } from './requirement-rule-set.entity';

/** `shortfall` only once the period has closed (or, for a `once` rule, for a serving CQO). */
export type ComplianceState = 'not_applicable' | 'on_track' | 'at_risk' | 'complete' | 'shortfall';
export const COMPLIANCE_STATES: readonly ComplianceState[] = ['not_applicable', 'on_track', 'at_risk', 'complete', 'shortfall'];

/** `periodYear` of a requirement with period `once`. */
export const ONCE_PERIOD = 0;

/**
 * Where a trainee stands on one requirement in one period: a cache of the ledger for fast reads,
 * rewritten by the compliance engine (after each ledger change, nightly, and at year close).
 */
@Entity({ name: 'compliance_statuses' })
@Index('ix_compliance_statuses_period_requirement_state', ['periodYear', 'requirement', 'state'])
export class ComplianceStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  traineeId!: string;

  // No foreign key in the database (see migration ComplianceReferencesSetBased): the engine writes
  // rows from existing trainees and rules and checks them set-based after each write; triggers
  // on users (cascade) and on the rules (restrict) keep the rest.
  @ManyToOne(() => UserEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<UserEntity>;

  /** The rule's `code`. */
  @PrimaryColumn({ type: 'text' })
  requirement!: string;

  /** The calendar year (CST), or 0 ({@link ONCE_PERIOD}) for a `once` requirement. */
  @PrimaryColumn({ type: 'int' })
  periodYear!: number;

  @Column({ type: 'uuid' })
  ruleSetId!: string;

  @ManyToOne(() => RequirementRuleSetEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'rule_set_id' })
  ruleSet?: Relation<RequirementRuleSetEntity>;

  @Column({ type: 'uuid' })
  ruleId!: string;

  @ManyToOne(() => RequirementRuleEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<RequirementRuleEntity>;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  required!: string;

  @Column({ type: 'numeric', precision: 9, scale: 2 })
  accrued!: string;

  /** required − accrued when positive, else 0 (0 too when not applicable). */
  @Column({ type: 'numeric', precision: 7, scale: 2 })
  shortfall!: string;

  @Column({ type: 'text' })
  state!: ComplianceState;

  /** Set once the period has closed: the state is then complete, shortfall or not_applicable. */
  @Column({ type: 'boolean', default: false })
  final!: boolean;

  /** When the values last changed (a recomputation that changes nothing leaves it). */
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
