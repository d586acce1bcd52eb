import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runTemplate } from '@cqo/core';
import { DrawCandidate } from './draw';
import { ExamOwner, ownerWhere } from './exam-owner';
import { DrawRule, TopicCategory } from './exam-types';
import * as drawSql from './sql/draw.sql';

/** Reads questions as the draw sees them (current version, tags, option ids); never the key. */
@Injectable()
export class QuestionPoolRepository {
  /** The current versions of the given questions of the owner, in no particular order. */
  async fixed(manager: EntityManager, owner: ExamOwner, questionIds: readonly string[]): Promise<DrawCandidate[]> {
    if (questionIds.length === 0) return [];
    return this.query(manager, `${ownerWhere('q', owner, 1)} AND q.id = ANY($2::uuid[])`, [owner.id, questionIds]);
  }

  /** The owner's active questions that match at least one rule. */
  async pool(manager: EntityManager, owner: ExamOwner, rules: readonly DrawRule[]): Promise<DrawCandidate[]> {
    if (rules.length === 0) return [];
    const params: unknown[] = [owner.id];
    const any = rules.map((rule) => {
      const parts = ['TRUE'];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        parts.push(sql(params.length));
      };
      if (rule.category !== null) add((n) => `v.category = $${n}`, rule.category);
      if (rule.topic !== null) add((n) => `$${n} = ANY(v.topics)`, rule.topic);
      if (rule.difficultyMin !== null) add((n) => `v.difficulty >= $${n}`, rule.difficultyMin);
      if (rule.difficultyMax !== null) add((n) => `v.difficulty <= $${n}`, rule.difficultyMax);
      return `(${parts.join(' AND ')})`;
    });
    return this.query(manager, `${ownerWhere('q', owner, 1)} AND q.archived_at IS NULL AND (${any.join(' OR ')})`, params);
  }

  private async query(manager: EntityManager, condition: string, params: unknown[]): Promise<DrawCandidate[]> {
    const rows = await runTemplate(manager, drawSql.drawCandidates, { condition }, params);
    return rows.map((r) => ({
      questionId: r.question_id,
      versionId: r.version_id,
      category: Number(r.category) as TopicCategory,
      topics: r.topics,
      difficulty: Number(r.difficulty),
      optionIds: r.option_ids,
    }));
  }
}
