import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';

/**
 * A regulator's flag on a CQO (or candidate): a reason and a date; cleared later with a reason.
 * History is kept: clearing sets the cleared columns, nothing is deleted.
 */
@Entity({ name: 'cqo_flags' })
@Index('ix_cqo_flags_trainee_id_flagged_on', ['traineeId', 'flaggedOn'])
@Index('ix_cqo_flags_open', ['traineeId'], { where: 'cleared_at IS NULL' })
export class CqoFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_cqo_flags_trainee' })
  traineeId!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** One of the notice's 不得担任 circumstances: an open flag of this kind blocks an appointment. */
  @Column({ type: 'text', nullable: true })
  disqualifyingCircumstance!: string | null;

  @Column({ type: 'date' })
  flaggedOn!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_cqo_flags_flagged_by' })
  flaggedBy!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_cqo_flags_cleared_by' })
  clearedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  clearReason!: string | null;
}
