import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from '../enterprise.entity';
import type { EnterpriseTargetFacts } from './master-data.types';

export type CorrectionStatus = 'pending' | 'approved' | 'rejected';

/** An enterprise admin's request to correct its master data; the city regulator decides. */
@Entity({ name: 'enterprise_correction_requests' })
@Index('ix_enterprise_correction_requests_enterprise', ['enterpriseId', 'requestedAt'])
@Index('ix_enterprise_correction_requests_pending', ['status'], { where: `status = 'pending'` })
@Check('ck_enterprise_correction_requests_status', `status IN ('pending', 'approved', 'rejected')`)
export class EnterpriseCorrectionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'CASCADE', name: 'fk_enterprise_correction_requests_enterprise' })
  enterpriseId!: string;

  /** Only the fields to change, with their requested values. */
  @Column({ type: 'jsonb' })
  changes!: Partial<EnterpriseTargetFacts>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: CorrectionStatus;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;
}
