import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ExamAttemptEntity } from './exam-attempt.entity';
import { QuestionVersionEntity } from './question-version.entity';

/** One question of an attempt: the version shown, the option order shown, the answer (its grade is on the attempt). */
@Entity({ name: 'exam_attempt_items' })
export class ExamAttemptItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  attemptId!: string;

  // No foreign keys in the database (see migration ExamItemReferencesSetBased): the start statement
  // inserts the items from the attempt it inserts, after reading every drawn version; triggers
  // delete the items of deleted attempts and refuse deleting a version an item shows.
  @ManyToOne(() => ExamAttemptEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Relation<ExamAttemptEntity>;

  /** 1-based position as shown. */
  @PrimaryColumn({ type: 'int' })
  position!: number;

  @Index('ix_exam_attempt_items_question_version_id')
  @Column({ type: 'uuid' })
  questionVersionId!: string;

  @ManyToOne(() => QuestionVersionEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'question_version_id' })
  questionVersion?: Relation<QuestionVersionEntity>;

  @Column({ type: 'int' })
  points!: number;

  /** Option ids in the order shown to the trainee. */
  @Column({ type: 'text', array: true })
  optionOrder!: string[];

  @Column({ type: 'text', array: true, nullable: true })
  selectedOptionIds!: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
