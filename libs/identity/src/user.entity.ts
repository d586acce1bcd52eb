import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity, RegionEntity, TrainingOrganizationEntity } from '@cqo/organizations';
import { Role } from '@cqo/core';

export type UserStatus = 'active' | 'disabled';

@Entity({ name: 'users' })
@Index('ux_users_username', ['username'], { unique: true })
@Index('ix_users_email', ['email'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Log-in name, stored lower-case. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** Set for org admins: the training organization they act for. */
  @Index('ix_users_organization_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_users_organization' })
  organizationId!: string | null;

  /** Set for enterprise admins: the enterprise they act for. (A trainee's employer is on the trainee profile.) */
  @Index('ix_users_enterprise_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT', name: 'fk_users_enterprise' })
  enterpriseId!: string | null;

  /** Set for regulators: the region they oversee (the province sees all below it). */
  @Index('ix_users_region_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_users_region' })
  regionId!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: UserStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /**
   * Raised whenever the account's access must end at once (disabled, role or scope changed,
   * password changed): access tokens carry the version they were issued under.
   */
  @Column({ type: 'int', default: 0 })
  sessionVersion!: number;

  /** TOTP secret, encrypted (AES-256-GCM); set at enrolment, in force once totpEnabledAt is set. */
  @Column({ type: 'text', nullable: true })
  totpSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /**
   * Where mail goes (lower-case). Not unique: registration must not tell whether an address is
   * already on the platform; a password-reset request mails every active account holding it.
   */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Set when a link mailed to `email` was followed (verification or password reset). */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** The TOTP time step last used (bigint, as text): a code of that step or an earlier one is refused. */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep!: string | null;
}
