import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runQuery } from '@cqo/core';
import { QuestionType, StoredOption } from './exam-types';
import * as drawSql from './sql/draw.sql';

/** A question version as attempts show and grade it: the text, the options and the key. */
export interface QuestionVersionBody {
  type: QuestionType;
  stem: string;
  options: StoredOption[];
  correctOptionIds: string[];
  explanation: string | null;
}

/** Enough for every version of a few hundred busy papers; the oldest entries go first. */
const MAX_ENTRIES = 50_000;

/**
 * Question versions held in memory, by version id. A version row is written once and never
 * changed (an edit is a new version), so an entry never goes stale: starting an attempt and
 * grading it read the text and the key from here instead of from PostgreSQL each time. Keys stay
 * on the server like everything else here; only the trainee view built from them leaves it.
 */
@Injectable()
export class QuestionVersionCache {
  private readonly entries = new Map<string, QuestionVersionBody>();

  constructor(private readonly dataSource: DataSource) {}

  /** The bodies of the given versions; loads the missing ones in one statement. */
  async bodies(versionIds: readonly string[]): Promise<Map<string, QuestionVersionBody>> {
    const out = new Map<string, QuestionVersionBody>();
    const missing: string[] = [];
    for (const id of versionIds) {
      const body = this.entries.get(id);
      if (body) out.set(id, body);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await runQuery(this.dataSource, drawSql.versionBodies, [[...new Set(missing)]]);
    for (const r of rows) {
      const body: QuestionVersionBody = {
        type: r.type,
        stem: r.stem,
        options: r.options,
        correctOptionIds: r.correct_option_ids,
        explanation: r.explanation,
      };
      this.remember(r.id, body);
      out.set(r.id, body);
    }
    return out;
  }

  private remember(id: string, body: QuestionVersionBody): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, body);
  }
}
