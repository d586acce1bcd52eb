import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ATTENTION_QUESTION_SOURCE, AttentionQuestion, AttentionQuestionScope, AttentionQuestionSource } from '@cqo/courses';
import { StoredOption } from './exam-types';

/**
 * Attention-check questions from the organization's bank: an active single-choice or true/false
 * question (one right option, so one click answers it) of the course's category on one of its
 * topics, current version. The key goes to the courses lib's check record, never to the trainee.
 */
@Injectable()
export class BankAttentionQuestions implements AttentionQuestionSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async draw(scope: AttentionQuestionScope): Promise<AttentionQuestion | null> {
    const rows: { question_id: string; stem: string; options: StoredOption[]; correct_option_ids: string[] }[] = await this.dataSource.query(
      `SELECT q.id AS question_id, v.stem, v.options, v.correct_option_ids
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id = $1 AND q.archived_at IS NULL AND v.type IN ('single', 'true_false')
          AND v.category = $2 AND v.topics && $3::text[] AND cardinality(v.correct_option_ids) = 1
        ORDER BY random() LIMIT 1`,
      [scope.organizationId, scope.category, [...scope.topicCodes]],
    );
    const q = rows[0];
    if (!q) return null;
    return { questionId: q.question_id, prompt: q.stem, options: q.options.map((o) => ({ id: o.id, text: o.text })), answerKey: q.correct_option_ids[0] };
  }
}

/**
 * Provides the courses lib's attention-question port. Global, because the consumer (the courses
 * lib's progress service) sits in a module that may not import this one: exams depends on
 * courses, never the other way.
 */
@Global()
@Module({
  providers: [{ provide: ATTENTION_QUESTION_SOURCE, useClass: BankAttentionQuestions }],
  exports: [ATTENTION_QUESTION_SOURCE],
})
export class BankAttentionQuestionsModule {}
