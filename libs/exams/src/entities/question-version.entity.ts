import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionType, StoredOption, TopicCategory } from '../exam-types';
import { QuestionEntity } from './question.entity';

/** One immutable version of a question: its text, options, key and tags. Never updated. */
@Entity({ name: 'question_versions' })
@Index('ux_question_versions_question_id_version', ['questionId', 'version'], { unique: true })
export class QuestionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => QuestionEntity, { onDelete: 'RESTRICT', name: 'fk_question_versions_question' })
  questionId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  type!: QuestionType;

  @Column({ type: 'text' })
  stem!: string;

  /** Options in authored order, each with a random id (never a position). */
  @Column({ type: 'jsonb' })
  options!: StoredOption[];

  /** The answer key: ids of the correct options. Read by grading and staff views only. */
  @Column({ type: 'text', array: true })
  correctOptionIds!: string[];

  @Column({ type: 'smallint' })
  category!: TopicCategory;

  /** Topic codes (the `topics` table's codes). */
  @Column({ type: 'text', array: true })
  topics!: string[];

  /** 1 (easiest) to 5. */
  @Column({ type: 'smallint' })
  difficulty!: number;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
