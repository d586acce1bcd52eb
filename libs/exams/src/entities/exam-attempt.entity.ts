import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { AttemptStatus, RevealPolicy, Submission } from '../exam-types';
import { ExamPaperEntity } from './exam-paper.entity';

/**
 * A trainee's sitting of a paper. The questions, their order, the deadline, the pass mark and the
 * review policy are fixed at start; the score is written once, by the transaction that grades it.
 */
@Entity({ name: 'exam_attempts' })
// One open attempt per trainee per paper.
@Index('ux_exam_attempts_paper_id_trainee_id_open', ['paperId', 'traineeId'], { unique: true, where: `status = 'open'` })
// Attempt numbers are unique, so two racing starts cannot both take the last allowed attempt.
@Index('ux_exam_attempts_paper_id_trainee_id_attempt_no', ['paperId', 'traineeId', 'attemptNo'], { unique: true })
@Index('ix_exam_attempts_trainee_id_started_at', ['traineeId', 'startedAt'])
@Index('ix_exam_attempts_paper_id_submitted_at', ['paperId', 'submittedAt'])
// The per-question grades are both there or both absent, one per question.
@Check(
  'ck_exam_attempts_item_grades',
  '(item_correct IS NULL) = (item_awarded_points IS NULL) AND (item_correct IS NULL OR (cardinality(item_correct) = question_count AND cardinality(item_awarded_points) = question_count))',
)
export class ExamAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ExamPaperEntity, { onDelete: 'RESTRICT', name: 'fk_exam_attempts_paper' })
  paperId!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_exam_attempts_trainee' })
  traineeId!: string;

  /** 1 for the first attempt at the paper, and so on. */
  @Column({ type: 'int' })
  attemptNo!: number;

  @Column({ type: 'text', default: 'open' })
  status!: AttemptStatus;

  /** The seed of the draw: with the pool of the day it reproduces the questions and orders. */
  @Column({ type: 'text' })
  seed!: string;

  /** For a course's final exam: the enrolment it counts toward. */
  @Column({ type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ type: 'int' })
  graceSeconds!: number;

  @Column({ type: 'smallint' })
  passMarkPercent!: number;

  @Column({ type: 'text' })
  revealAnswers!: RevealPolicy;

  @Column({ type: 'int' })
  questionCount!: number;

  @Column({ type: 'int' })
  maxScore!: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  submission!: Submission | null;

  @Column({ type: 'int', nullable: true })
  score!: number | null;

  /** Percentage with two decimals, exact. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  percent!: string | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  /** Each question's grade, indexed by its 1-based position (`item_correct[1]` is the first question's); written with the score. */
  @Column({ type: 'boolean', array: true, nullable: true })
  itemCorrect!: boolean[] | null;

  @Column({ type: 'int', array: true, nullable: true })
  itemAwardedPoints!: number[] | null;

  /** How many answer saves the attempt has had: grading claims it only if none happened since it read the answers. */
  @Column({ type: 'int', default: 0 })
  answerSaves!: number;
}
