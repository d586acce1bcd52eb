import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ExamPaperEntity } from './exam-paper.entity';
import { QuestionEntity } from './question.entity';

/** A fixed question of a paper. The attempt takes the question's version current at its start. */
@Entity({ name: 'exam_paper_questions' })
@Index('ux_exam_paper_questions_paper_id_question_id', ['paperId', 'questionId'], { unique: true })
export class ExamPaperQuestionEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => ExamPaperEntity, { onDelete: 'CASCADE', name: 'fk_exam_paper_questions_paper' })
  paperId!: string;

  @PrimaryColumn({ type: 'int' })
  position!: number;

  @Index('ix_exam_paper_questions_question_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => QuestionEntity, { onDelete: 'RESTRICT', name: 'fk_exam_paper_questions_question' })
  questionId!: string;

  @Column({ type: 'int', default: 1 })
  points!: number;
}
