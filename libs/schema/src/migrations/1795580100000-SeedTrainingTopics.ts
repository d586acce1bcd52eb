import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seventeen training topics of the notice (DOMAIN.md), in its order: nine of category 1
 * (policy and management foundations), eight of category 2 (methods and tools). Topics are data:
 * another province adds its own rows. 文化 is written as meant (the notice prints 文体).
 */
const TOPICS: [code: string, category: 1 | 2, name: string][] = [
  ['national-quality-policy', 1, '国家质量发展政策'],
  ['quality-laws', 1, '质量法律法规制度'],
  ['cqo-system', 1, '企业首席质量官制度'],
  ['quality-strategy', 1, '企业质量战略管理'],
  ['quality-culture', 1, '企业质量文化建设'],
  ['quality-management-system', 1, '企业质量管理体系建设'],
  ['quality-infrastructure', 1, '企业质量基础设施建设'],
  ['brand-building', 1, '企业品牌建设及管理'],
  ['quality-economics', 1, '质量经济分析'],
  ['performance-excellence', 2, '卓越绩效管理'],
  ['policy-objectives', 2, '方针目标管理'],
  ['benchmarking', 2, '标杆管理'],
  ['six-sigma', 2, '六西格玛管理'],
  ['lean', 2, '精益管理'],
  ['gemba', 2, '现场管理方法'],
  ['qc-circles', 2, '质量管理小组（QC小组）活动'],
  ['quality-tools', 2, '质量常用工具'],
];

export class SeedTrainingTopics1795580100000 implements MigrationInterface {
  name = 'SeedTrainingTopics1795580100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [i, [code, category, name]] of TOPICS.entries()) {
      await queryRunner.query(
        'INSERT INTO topics (code, category, name, sort_order) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
        [code, category, name, i + 1],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM topics WHERE code = ANY($1)', [TOPICS.map(([code]) => code)]);
  }
}
