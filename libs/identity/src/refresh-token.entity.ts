import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An opaque refresh token, stored as its SHA-256. Each use rotates it; reuse of a rotated token
 * revokes the whole family (a stolen token then stops working for the thief and the owner alike).
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_refresh_tokens_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @Index('ix_refresh_tokens_family_id')
  @Column({ type: 'uuid' })
  familyId!: string;

  @Index('ux_refresh_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
