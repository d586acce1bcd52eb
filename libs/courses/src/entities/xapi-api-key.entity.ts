import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

/** A key a training organization's content platform uses to send xAPI statements. Only its SHA-256 is kept. */
@Entity({ name: 'xapi_api_keys' })
export class XapiApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_xapi_api_keys_organization_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_xapi_api_keys_organization' })
  organizationId!: string;

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
