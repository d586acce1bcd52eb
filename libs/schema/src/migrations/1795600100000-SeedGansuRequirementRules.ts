import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Gansu requirements of the provincial notice, as the default rule set for 甘肃省 and every
 * region below it: appointment training (category 1) at least 21 hours once; continuing
 * education (category 1) at least 14 hours and methods training (category 2) at least 30 hours
 * each calendar year. Reminders on 1 October, 1 December and 24 December. Data, not code:
 * platform admins publish newer sets through the API.
 */
const RULES: [code: string, name: string, category: number, kind: string, minHours: string, period: string, appliesTo: string][] = [
  ['appointment', '任职培训（第一类）', 1, 'appointment', '21', 'once', 'everyone'],
  ['continuing', '第一类继续教育', 1, 'continuing', '14', 'calendar_year', 'serving_and_opted_in'],
  ['methods', '第二类方法培训', 2, 'continuing', '30', 'calendar_year', 'serving_and_opted_in'],
];

export class SeedGansuRequirementRules1795600100000 implements MigrationInterface {
  name = 'SeedGansuRequirementRules1795600100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [set] = await queryRunner.query(
      `INSERT INTO requirement_rule_sets (name, region_id, effective_from, reminder_dates)
       SELECT '甘肃省首席质量官学时要求', id, DATE '2021-01-01', ARRAY['10-01', '12-01', '12-24'] FROM regions WHERE code = '620000'
       RETURNING id`,
    );
    if (!set) throw new Error('region 620000 (甘肃省) is missing: the region seed must run first');
    for (const [i, [code, name, category, kind, minHours, period, appliesTo]] of RULES.entries()) {
      await queryRunner.query(
        `INSERT INTO requirement_rules (rule_set_id, code, name, category, kind, min_hours, period, count_appointment_hours, at_risk_threshold, applies_to, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, false, 1, $8, $9)`,
        [set.id, code, name, category, kind, minHours, period, appliesTo, i],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM requirement_rule_sets WHERE name = '甘肃省首席质量官学时要求' AND region_id = (SELECT id FROM regions WHERE code = '620000')`,
    );
  }
}
