import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What happened. Log-ins and their failures, account changes, exports and lookups. */
export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'login.locked'
  | 'logout'
  | 'password.changed'
  | 'password.reset'
  | 'email.verified'
  | 'email.changed'
  | 'totp.enabled'
  | 'totp.disabled'
  | 'user.created'
  | 'user.status_changed'
  | 'user.role_changed'
  | 'trainee.id_number_collision'
  | 'trainee.id_number_changed'
  | 'trainee.employer_confirmed'
  | 'enrollment.nominated'
  | 'trainee.employer_rejected'
  | 'external_claim.submitted'
  | 'external_claim.endorsed'
  | 'external_claim.approved'
  | 'external_claim.rejected'
  | 'trainee.id_collision_resolved'
  | 'data.export'
  | 'data.lookup';

/**
 * The security audit log (等保 level 3): append-only, kept at least 180 days (a daily job deletes
 * older rows), read by platform admins. It never holds a whole ID number: at most a masked one.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_actor_id_at', ['actorId', 'at'])
@Index('ix_audit_log_action_at', ['action', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  action!: AuditAction;

  /** Who acted (null for an anonymous failed log-in). No foreign key: the log outlives accounts. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The account acted upon, when not the actor's own. */
  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** The user name tried at log-in (lower-case), also when no such account exists. */
  @Column({ type: 'text', nullable: true })
  username!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  /** Small facts (new role, export kind, …); never an unmasked ID number or phone. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
