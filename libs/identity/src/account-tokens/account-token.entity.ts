import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user.entity';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

/**
 * A single-use link token mailed to an account (password reset, e-mail verification). Only its
 * SHA-256 is stored; the token itself is an HMAC of the request, so the mail job can rebuild it
 * on a retry without it ever being written down.
 */
@Entity({ name: 'account_tokens' })
@Index('ix_account_tokens_user_id', ['userId'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE', name: 'fk_account_tokens_user' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: AccountTokenPurpose;

  @Index('ux_account_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** The address the link was mailed to: verification marks this one verified, not a later one. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
