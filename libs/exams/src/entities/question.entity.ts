import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity, TrainingOrganizationEntity } from '@cqo/organizations';
import { RowTimestamps } from '@cqo/core';

/**
 * A question of a bank. The bank belongs to a training organization, or to a regulator's region
 * for the capability tests a bureau runs itself. The content lives in versions: an edit adds a
 * version, so what a past attempt showed and how it was graded never changes.
 */
@Entity({ name: 'questions' })
@Check('ck_questions_owner', '(organization_id IS NULL) <> (region_id IS NULL)')
export class QuestionEntity extends RowTimestamps {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_questions_organization_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_questions_organization' })
  organizationId!: string | null;

  @Index('ix_questions_region_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_questions_region' })
  regionId!: string | null;

  /** The version new attempts draw; older versions stay for the attempts that used them. */
  @Column({ type: 'int', default: 1 })
  currentVersion!: number;

  /** An archived question is no longer drawn by rules (fixed papers that name it keep it). */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
