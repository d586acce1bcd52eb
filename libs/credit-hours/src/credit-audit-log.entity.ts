import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@cqo/core';
import { UserEntity } from '@cqo/identity';
import { ReferencesCreditEntry } from './credit-entry.entity';

export type CreditAuditAction = 'adjustment' | 'reversal';

/** Who changed a trainee's hours by hand, when and why. Append-only, like the ledger. */
@Entity({ name: 'credit_audit_log' })
@Index('ix_credit_audit_log_trainee_created_at', ['traineeId', 'createdAt'])
@ReferencesCreditEntry('entryId', 'entryYear', 'fk_credit_audit_log_entry')
export class CreditAuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_credit_audit_log_actor' })
  actorId!: string;

  @Column({ type: 'text' })
  actorRole!: Role;

  @Column({ type: 'text' })
  action!: CreditAuditAction;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_credit_audit_log_trainee' })
  traineeId!: string;

  /** The ledger entry the action wrote. */
  @Index('ix_credit_audit_log_entry_id')
  @Column({ type: 'uuid' })
  entryId!: string;

  /** The entry's year: the ledger is partitioned by year, its key is `(id, year)`. */
  @Column({ type: 'smallint' })
  entryYear!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
