import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
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
  attemptId!: string;

  @ManyToOne(() => ExamAttemptEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attempt_id', foreignKeyConstraintName: 'fk_capability_results_attempt' })
  attempt?: Relation<ExamAttemptEntity>;

  @Index('ix_capability_results_paper_id')
  @Column({ type: 'uuid' })
  paperId!: string;

  @ManyToOne(() => ExamPaperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paper_id', foreignKeyConstraintName: 'fk_capability_results_paper' })
  paper?: Relation<ExamPaperEntity>;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'fk_capability_results_trainee' })
  trainee?: Relation<UserEntity>;

  /** Who ran the test: a training organization, or a regulator's region. */
  @Index('ix_capability_results_organization_id')
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_capability_results_organization' })
  organization?: Relation<TrainingOrganizationEntity>;

  @Index('ix_capability_results_region_id')
  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_capability_results_region' })
  region?: Relation<RegionEntity>;

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
