import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ExamPaperEntity } from './exam-paper.entity';
import { QuestionEntity } from './question.entity';

/** A fixed question of a paper. The attempt takes the question's version current at its start. */
@Entity({ name: 'exam_paper_questions' })
@Index('ux_exam_paper_questions_paper_id_question_id', ['paperId', 'questionId'], { unique: true })
export class ExamPaperQuestionEntity {
  @PrimaryColumn({ type: 'uuid' })
  paperId!: string;

  @ManyToOne(() => ExamPaperEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'paper_id', foreignKeyConstraintName: 'fk_exam_paper_questions_paper' })
  paper?: Relation<ExamPaperEntity>;

  @PrimaryColumn({ type: 'int' })
  position!: number;

  @Index('ix_exam_paper_questions_question_id')
  @Column({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_exam_paper_questions_question' })
  question?: Relation<QuestionEntity>;

  @Column({ type: 'int', default: 1 })
  points!: number;
}
