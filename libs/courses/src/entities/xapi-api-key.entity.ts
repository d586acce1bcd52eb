import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

/** A key a training organization's content platform uses to send xAPI statements. Only its SHA-256 is kept. */
@Entity({ name: 'xapi_api_keys' })
export class XapiApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_xapi_api_keys_organization_id')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_xapi_api_keys_organization' })
  organization?: Relation<TrainingOrganizationEntity>;

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the key, to tell keys apart in a list. */
  @Column({ type: 'text' })
  keyPrefix!: string;

  @Index('ux_xapi_api_keys_key_hash', { unique: true })
  @Column({ type: 'text' })
  keyHash!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
