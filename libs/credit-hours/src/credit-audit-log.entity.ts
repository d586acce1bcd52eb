import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Role } from '@cqo/core';
import { UserEntity } from '@cqo/identity';
import { CreditEntryEntity, ReferencesCreditEntry } from './credit-entry.entity';

export type CreditAuditAction = 'adjustment' | 'reversal';

/** Who changed a trainee's hours by hand, when and why. Append-only, like the ledger. */
@Entity({ name: 'credit_audit_log' })
@Index('ix_credit_audit_log_trainee_created_at', ['traineeId', 'createdAt'])
export class CreditAuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_credit_audit_log_actor' })
  actor?: Relation<UserEntity>;

  @Column({ type: 'text' })
  actorRole!: Role;

  @Column({ type: 'text' })
  action!: CreditAuditAction;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'fk_credit_audit_log_trainee' })
  trainee?: Relation<UserEntity>;

  /** The ledger entry the action wrote. */
  @Index('ix_credit_audit_log_entry_id')
  @Column({ type: 'uuid' })
  entryId!: string;

  /** The entry's year: the ledger is partitioned by year, its key is `(id, year)`. */
  @Column({ type: 'smallint' })
  entryYear!: number;

  @ReferencesCreditEntry('entry_id', 'entry_year', 'fk_credit_audit_log_entry')
  entry?: Relation<CreditEntryEntity>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
