import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RegionEntity, TrainingOrganizationEntity } from '@cqo/organizations';
import { ExamAttemptEntity } from './exam-attempt.entity';
import { ExamPaperEntity } from './exam-paper.entity';

/**
 * The conclusion of a capability test (能力测试) on the trainee's record: pass or fail, with the
 * score and the date. Written in the transaction that grades the attempt; one per attempt.
 */
@Entity({ name: 'capability_results' })
@Check('ck_capability_results_owner', '(organization_id IS NULL) <> (region_id IS NULL)')
@Index('ix_capability_results_trainee_id_concluded_at', ['traineeId', 'concludedAt'])
export class CapabilityResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_capability_results_attempt_id', { unique: true })
  @Column({ type: 'uuid' })
  @ForeignKey(() => ExamAttemptEntity, { onDelete: 'RESTRICT', name: 'fk_capability_results_attempt' })
  attemptId!: string;

  @Index('ix_capability_results_paper_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => ExamPaperEntity, { onDelete: 'RESTRICT', name: 'fk_capability_results_paper' })
  paperId!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_capability_results_trainee' })
  traineeId!: string;

  /** Who ran the test: a training organization, or a regulator's region. */
  @Index('ix_capability_results_organization_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_capability_results_organization' })
  organizationId!: string | null;

  @Index('ix_capability_results_region_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_capability_results_region' })
  regionId!: string | null;

  /** The paper's title when the test was taken. */
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'int' })
  maxScore!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  percent!: string;

  @Column({ type: 'timestamptz' })
  concludedAt!: Date;
}
