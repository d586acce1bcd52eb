import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';

/**
 * A registration that named an ID number another account already holds. Registration answers it
 * exactly like a fresh one (so nobody learns who is on the platform); the new account's profile
 * holds no usable ID hash until the enterprise admin or the city resolves the collision here.
 */
@Entity({ name: 'id_number_collisions' })
@Index('ix_id_number_collisions_id_number_hash', ['idNumberHash'])
@Index('ix_id_number_collisions_pending', ['createdAt'], { where: 'resolved_at IS NULL' })
@Check('ck_id_number_collisions_decision', `"decision" IN ('claimant_confirmed', 'claim_rejected', 'corrected')`)
export class IdNumberCollisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The account that registered second. */
  @Index('ix_id_number_collisions_user_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE', name: 'fk_id_number_collisions_user' })
  userId!: string;

  /** The account that holds the ID number. */
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE', name: 'fk_id_number_collisions_existing_user' })
  existingUserId!: string;

  @Column({ type: 'text' })
  idNumberHash!: string;

  @Column({ type: 'text' })
  idNumberMasked!: string;

  /** The employer the second registrant named, whose admin may resolve it. */
  @Index('ix_id_number_collisions_enterprise_id')
  @Column({ type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** How it ended: the newcomer confirmed as the person, the claim rejected, or the number corrected. */
  @Column({ type: 'text', nullable: true })
  decision!: CollisionDecision | null;

  /** The enterprise admin, regulator or platform admin who decided (no foreign key: the log outlives accounts). */
  @Column({ type: 'uuid', nullable: true })
  resolvedBy!: string | null;
}

export type CollisionDecision = 'claimant_confirmed' | 'claim_rejected' | 'corrected';
