import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { topicNames, topics } from '@cqo/courses';
import { TopicCategory } from './exam-types';
import { TopicLookup } from './question-rules';

const TTL_MS = 60_000;

/**
 * Topic codes and their categories, from the `topics` table the courses lib seeds with the
 * notice's seventeen topics (cached for a minute: topics change by migration only).
 */
@Injectable()
export class TopicCatalog {
  private cached?: { at: number; lookup: TopicLookup };

  constructor(private readonly dataSource: DataSource) {}

  /** Every topic's name and category, for the import template's drop-down. */
  async names(): Promise<{ name: string; category: number }[]> {
    const rows = await topicNames(this.dataSource);
    return rows.map((r) => ({ name: r.name, category: Number(r.category) }));
  }

  async lookup(): Promise<TopicLookup> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.lookup;
    const rows = await topics(this.dataSource);
    const map = new Map(rows.map((r) => [r.code, Number(r.category) as TopicCategory]));
    // People write the names they see (国家质量发展政策); codes are still accepted.
    const codes = new Map([...rows.map((r) => [r.code, r.code] as const), ...rows.map((r) => [r.name, r.code] as const)]);
    const lookup: TopicLookup = { categoryOf: (code) => map.get(code), codeOf: (text) => codes.get(text.trim()) };
    this.cached = { at: Date.now(), lookup };
    return lookup;
  }
}
