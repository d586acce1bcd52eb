import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runQuery } from '@cqo/core';
import { ATTENTION_QUESTION_SOURCE, AttentionQuestion, AttentionQuestionScope, AttentionQuestionSource } from '@cqo/courses';
import * as drawSql from './sql/draw.sql';

/**
 * Attention-check questions from the organization's bank: an active single-choice or true/false
 * question (one right option, so one click answers it) of the course's category on one of its
 * topics, current version. The key goes to the courses lib's check record, never to the trainee.
 */
@Injectable()
export class BankAttentionQuestions implements AttentionQuestionSource {
  constructor(private readonly dataSource: DataSource) {}

  async draw(scope: AttentionQuestionScope): Promise<AttentionQuestion | null> {
    const rows = await runQuery(this.dataSource, drawSql.attentionQuestion, [scope.organizationId, scope.category, [...scope.topicCodes]]);
    const q = rows[0];
    if (!q) return null;
    return {
      questionId: q.question_id,
      prompt: q.stem,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      answerKey: q.correct_option_ids[0],
    };
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
