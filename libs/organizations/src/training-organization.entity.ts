import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/** A training organization (培训机构) that publishes curricula. */
@Entity({ name: 'training_organizations' })
export class TrainingOrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 统一社会信用代码, 18 characters. */
  @Index('ux_training_organizations_credit_code', { unique: true })
  @Column({ type: 'text' })
  creditCode!: string;

  @Index('ix_training_organizations_region_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_training_organizations_region' })
  regionId!: string;

  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
