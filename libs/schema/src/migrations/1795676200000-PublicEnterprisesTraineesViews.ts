import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two public views become database views: `public_enterprises`, declared by organizations
 * (`PUBLIC_ENTERPRISES`), and `public_trainees`, declared by trainees on top of it
 * (`PUBLIC_TRAINEES`). They were subqueries the other libs' statements embedded as SQL text, so
 * the same seven lines stood in dozens of statements and their snapshots. Their columns are the
 * owning lib's promise to the others; the tables behind them may change.
 *
 * PostgreSQL expands a view into the statement as it did the subquery, and the LEFT JOINs stay
 * LEFT JOINs on primary keys, so a statement that reads no region (or enterprise) column still
 * does not join regions (or enterprises): the plans are those of the subqueries.
 *
 * A later migration that drops, or changes the type of, a column these views read must drop and
 * recreate them around the change (PostgreSQL refuses otherwise); `migration:generate` does not.
 */
export class PublicEnterprisesTraineesViews1795676200000 implements MigrationInterface {
  name = 'PublicEnterprisesTraineesViews1795676200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW public_enterprises AS
      SELECT e.id, e.name, e.region_id, r.path AS region_path
        FROM enterprises e LEFT JOIN regions r ON r.id = e.region_id`);
    await q.query(`
      CREATE VIEW public_trainees AS
      SELECT p.user_id, p.full_name, p.id_number_masked, p.enterprise_id,
             e.name AS enterprise_name, e.region_id AS enterprise_region_id, e.region_path AS enterprise_region_path
        FROM trainee_profiles p LEFT JOIN public_enterprises e ON e.id = p.enterprise_id`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_trainees`);
    await q.query(`DROP VIEW public_enterprises`);
  }
}
