import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RequirementRuleEntity } from './requirement-rule.entity';
import { RequirementRuleSetEntity } from './requirement-rule-set.entity';

/** `shortfall` only once the period has closed (or, for a `once` rule, for a serving CQO). */
export const COMPLIANCE_STATES = ['not_applicable', 'on_track', 'at_risk', 'complete', 'shortfall'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

/** `periodYear` of a requirement with period `once`. */
export const ONCE_PERIOD = 0;

/** The states that raise a shortfall flag: it stays open exactly while the state is one of them. */
export const FLAGGED_STATES: readonly ComplianceState[] = ['at_risk', 'shortfall'];

/**
 * Where a trainee stands on one requirement in one period: a cache of the ledger for fast reads,
 * rewritten by the compliance engine (after each ledger change, nightly, and at year close).
 * The open shortfall flag is part of the row (`flagRaisedAt`); cleared flags are kept in
 * compliance_flag_history (migration ComplianceFlagsOnStatuses).
 */
@Entity({ name: 'compliance_statuses' })
// Everyone flagged in a year, in trainee order: reminders and shortfall lists.
@Index('ix_compliance_statuses_flagged', ['periodYear', 'traineeId'], { where: 'flag_raised_at IS NOT NULL' })
@Check(
  'ck_compliance_statuses_flag',
  `(flag_raised_at IS NOT NULL) = (state IN ('at_risk', 'shortfall')) AND (flag_raised_state IS NOT NULL) = (flag_raised_at IS NOT NULL)`,
)
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

  /** While at risk or short: when the open flag was raised (it stays while the state stays flagged). */
  @Column({ type: 'timestamptz', nullable: true })
  flagRaisedAt!: Date | null;

  /** While at risk or short: the state the open flag was raised with. */
  @Column({ type: 'text', nullable: true })
  flagRaisedState!: 'at_risk' | 'shortfall' | null;
}
