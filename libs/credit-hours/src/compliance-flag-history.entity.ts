import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from '@cqo/identity';

export type FlaggedState = 'at_risk' | 'shortfall';

/**
 * A cleared shortfall flag. A flag is raised when a trainee's status on a requirement becomes at
 * risk or short and is open while it stays so; the open flag lives on its status row
 * (compliance_statuses.flag_raised_at). When it clears, the engine appends it here, never to
 * change again; a later relapse raises a new flag. The `compliance_flags` view reads the open
 * and the cleared flags together: a trainee's history of shortfalls.
 */
@Entity({ name: 'compliance_flag_history' })
@Index('ix_compliance_flag_history_trainee_raised_at', ['traineeId', 'raisedAt'])
export class ComplianceFlagHistoryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_compliance_flag_history' })
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

  /** The last state while open (at_risk may have turned into shortfall when the year closed). */
  @Column({ type: 'text' })
  state!: FlaggedState;

  @Column({ type: 'text' })
  raisedState!: FlaggedState;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'timestamptz' })
  clearedAt!: Date;

  /** The status that cleared it (on_track, complete, not_applicable). */
  @Column({ type: 'text' })
  clearedState!: string;
}
