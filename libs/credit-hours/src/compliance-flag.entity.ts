import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from '@cqo/identity';

export type FlaggedState = 'at_risk' | 'shortfall';

/**
 * A shortfall flag: raised when a trainee's status on a requirement becomes at risk or short,
 * cleared (never deleted) when it no longer is. A later relapse raises a new flag, so the rows
 * are the history. At most one open flag per trainee, requirement and period.
 */
@Entity({ name: 'compliance_flags' })
@Index('ux_compliance_flags_open', ['traineeId', 'requirement', 'periodYear'], { unique: true, where: 'cleared_at IS NULL' })
@Index('ix_compliance_flags_trainee_raised_at', ['traineeId', 'raisedAt'])
@Index('ix_compliance_flags_open_period', ['periodYear', 'traineeId'], { where: 'cleared_at IS NULL' })
export class ComplianceFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  // No foreign key in the database, like compliance_statuses: a trigger on users deletes the flags.
  @ManyToOne(() => UserEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'trainee_id' })
  trainee?: Relation<UserEntity>;

  @Column({ type: 'text' })
  requirement!: string;

  @Column({ type: 'int' })
  periodYear!: number;

  /** The current state while open (at_risk may turn into shortfall when the year closes). */
  @Column({ type: 'text' })
  state!: FlaggedState;

  @Column({ type: 'text' })
  raisedState!: FlaggedState;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  /** The status that cleared it (on_track, complete, not_applicable). */
  @Column({ type: 'text', nullable: true })
  clearedState!: string | null;
}
