import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity, TrainingOrganizationEntity } from '@cqo/organizations';
import { DrawRule, PaperKind, PaperStatus, RevealPolicy } from '../exam-types';
import { RowTimestamps } from '@cqo/core';

/**
 * An exam paper: fixed questions, draw rules, or both, with the rules of sitting it. A paper is
 * edited while a draft; once published only archiving changes it (attempts freeze what they use).
 */
@Entity({ name: 'exam_papers' })
@Check('ck_exam_papers_owner', '(organization_id IS NULL) <> (region_id IS NULL)')
@Check('ck_exam_papers_pass_mark', 'pass_mark_percent BETWEEN 0 AND 100')
export class ExamPaperEntity extends RowTimestamps {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_exam_papers_organization_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_exam_papers_organization' })
  organizationId!: string | null;

  @Index('ix_exam_papers_region_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_exam_papers_region' })
  regionId!: string | null;

  @Column({ type: 'text' })
  kind!: PaperKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: PaperStatus;

  @Column({ type: 'smallint' })
  passMarkPercent!: number;

  @Column({ type: 'int' })
  timeLimitMinutes!: number;

  /** Null: no limit. */
  @Column({ type: 'int', nullable: true })
  maxAttempts!: number | null;

  /** Minutes after a graded attempt before the next may start. */
  @Column({ type: 'int', default: 0 })
  cooldownMinutes!: number;

  /** Seconds after the deadline during which answers are still accepted (network latency). */
  @Column({ type: 'int', default: 30 })
  graceSeconds!: number;

  @Column({ type: 'boolean', default: false })
  shuffleQuestions!: boolean;

  @Column({ type: 'boolean', default: false })
  shuffleOptions!: boolean;

  @Column({ type: 'text', default: 'never' })
  revealAnswers!: RevealPolicy;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  drawRules!: DrawRule[];

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
