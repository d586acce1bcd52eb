import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TopicCategory } from './exam-types';
import { TopicLookup } from './question-rules';

/**
 * The seventeen topics of the notice, used only while the `topics` table (seeded by the courses
 * lib) does not exist; once it does, its codes are the only valid ones.
 */
export const FALLBACK_TOPICS: readonly { code: string; category: TopicCategory }[] = [
  ...['national-quality-policy', 'quality-laws', 'cqo-system', 'quality-strategy', 'quality-culture', 'quality-management-system', 'quality-infrastructure', 'brand-building', 'quality-economics'].map(
    (code) => ({ code, category: 1 as const }),
  ),
  ...['performance-excellence', 'policy-objectives', 'benchmarking', 'six-sigma', 'lean', 'gemba', 'qc-circles', 'quality-tools'].map((code) => ({
    code,
    category: 2 as const,
  })),
];

const TTL_MS = 60_000;

/** Topic codes and their categories, read from the `topics` table (cached for a minute). */
@Injectable()
export class TopicCatalog {
  private cached?: { at: number; lookup: TopicLookup };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lookup(): Promise<TopicLookup> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.lookup;
    const [{ present }]: { present: boolean }[] = await this.dataSource.query(`SELECT to_regclass('public.topics') IS NOT NULL AS present`);
    const rows: { code: string; category: number }[] = present
      ? await this.dataSource.query('SELECT code, category FROM topics')
      : [...FALLBACK_TOPICS];
    const map = new Map(rows.map((r) => [r.code, Number(r.category) as TopicCategory]));
    const lookup: TopicLookup = { categoryOf: (code) => map.get(code) };
    this.cached = { at: Date.now(), lookup };
    return lookup;
  }
}
