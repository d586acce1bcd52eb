import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';

/** How a lookup named its subject. The key itself (an ID number, a name, a serial) is never stored. */
export const LOOKUP_KEY_KINDS = ['id_number', 'name_enterprise', 'certificate_serial', 'trainee_id'] as const;
export type LookupKeyKind = (typeof LOOKUP_KEY_KINDS)[number];

/**
 * Who looked up whom, when, and by what kind of key: one row per subject a lookup returned (or
 * one row with no subject when it found nothing). Platform admins read it. Append-only.
 */
@Entity({ name: 'registry_access_log' })
@Index('ix_registry_access_log_at', ['at'])
@Index('ix_registry_access_log_actor_id_at', ['actorId', 'at'])
@Index('ix_registry_access_log_subject_id_at', ['subjectId', 'at'])
export class RegistryAccessLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_registry_access_log_actor' })
  actorId!: string | null;

  @Column({ type: 'text' })
  actorRole!: string;

  /** The trainee looked up; null when the lookup found nobody (in the caller's scope). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_registry_access_log_subject' })
  subjectId!: string | null;

  @Column({ type: 'text' })
  keyKind!: LookupKeyKind;

  /** How many subjects the lookup returned. */
  @Column({ type: 'int' })
  resultCount!: number;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
