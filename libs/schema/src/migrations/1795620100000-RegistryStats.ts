import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulators' dashboards read precomputed per-region figures, refreshed by the worker
 * (`registry.refresh-stats`, every five minutes, and before a city report): a province-wide
 * figure over 20,000 enterprises and 100,000 trainees then costs a scan of a few hundred rows
 * instead of joins over the appointments and 500,000 status rows on every page view.
 * Each view has a unique index, so REFRESH … CONCURRENTLY never blocks a reader.
 * Also `registry_csv_cell`, the CSV quoting of the exports done by PostgreSQL itself.
 */
export class RegistryStats1795620100000 implements MigrationInterface {
  name = 'RegistryStats1795620100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Enterprises by region and by every flag a target group of the notice is defined on,
    // with whether a CQO serves there now (the partial unique index on serving appointments).
    await queryRunner.query(`
            CREATE MATERIALIZED VIEW registry_enterprise_stats AS
            SELECT e.region_id, e.state_owned, e.above_designated_size, e.production,
                   e.china_quality_award <> 'none' AS china_award,
                   e.provincial_quality_award <> 'none' AS provincial_award,
                   e.city_quality_award <> 'none' AS city_award,
                   a.id IS NOT NULL AS appointed,
                   COALESCE(NOT a.eligible OR a.position_level = 'below_deputy', false) AS exception,
                   count(*)::int AS enterprises
              FROM enterprises e
              LEFT JOIN cqo_appointments a ON a.enterprise_id = e.id AND a.status = 'serving'
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX ux_registry_enterprise_stats ON registry_enterprise_stats
                (region_id, state_owned, above_designated_size, production, china_award, provincial_award, city_award, appointed, exception)
        `);
    // The CQOs serving in each year since the notice (a term overlapping the year; the latest
    // appointment in the year decides the region), and their yearly statuses.
    await queryRunner.query(`
            CREATE MATERIALIZED VIEW registry_cqo_year_stats AS
            WITH years AS (
              SELECT generate_series(2021, extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int) AS year),
            cqo AS (
              SELECT DISTINCT ON (y.year, a.trainee_id) y.year, a.trainee_id, e.region_id
                FROM years y
                JOIN cqo_appointments a ON a.appointed_on <= make_date(y.year, 12, 31)
                                       AND COALESCE(a.ended_on, a.term_ends_on) >= make_date(y.year, 1, 1)
                JOIN enterprises e ON e.id = a.enterprise_id
               ORDER BY y.year, a.trainee_id, a.appointed_on DESC),
            per_cqo AS (
              SELECT c.region_id, c.year, c.trainee_id,
                     count(s.state) > 0 AND bool_and(s.state = 'complete') AS complete
                FROM cqo c
                LEFT JOIN compliance_statuses s ON s.trainee_id = c.trainee_id AND s.period_year = c.year
               GROUP BY c.region_id, c.year, c.trainee_id)
            SELECT region_id, year, count(*)::int AS serving, count(*) FILTER (WHERE complete)::int AS complete
              FROM per_cqo GROUP BY region_id, year
        `);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_registry_cqo_year_stats ON registry_cqo_year_stats (region_id, year)`);
    await queryRunner.query(`
            CREATE MATERIALIZED VIEW registry_compliance_stats AS
            WITH years AS (
              SELECT generate_series(2021, extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int) AS year),
            cqo AS (
              SELECT DISTINCT ON (y.year, a.trainee_id) y.year, a.trainee_id, e.region_id
                FROM years y
                JOIN cqo_appointments a ON a.appointed_on <= make_date(y.year, 12, 31)
                                       AND COALESCE(a.ended_on, a.term_ends_on) >= make_date(y.year, 1, 1)
                JOIN enterprises e ON e.id = a.enterprise_id
               ORDER BY y.year, a.trainee_id, a.appointed_on DESC)
            SELECT c.region_id, c.year, s.requirement, s.state, count(*)::int AS cqos
              FROM cqo c
              JOIN compliance_statuses s ON s.trainee_id = c.trainee_id AND s.period_year = c.year
             GROUP BY c.region_id, c.year, s.requirement, s.state
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX ux_registry_compliance_stats ON registry_compliance_stats (region_id, year, requirement, state)`,
    );
    await queryRunner.query(`CREATE MATERIALIZED VIEW registry_stats_meta AS SELECT 1 AS id, now() AS computed_at`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_registry_stats_meta ON registry_stats_meta (id)`);
    // One CSV cell: empty for null, a leading ' defuses a spreadsheet formula, quoted when needed.
    await queryRunner.query(`
            CREATE FUNCTION registry_csv_cell(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT CASE
                WHEN v IS NULL THEN ''
                WHEN v ~ '^[=+@-]' THEN '"''' || replace(v, '"', '""') || '"'
                WHEN v ~ '[",\\r\\n]' THEN '"' || replace(v, '"', '""') || '"'
                ELSE v END
            $$
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION registry_csv_cell(text)`);
    await queryRunner.query(`DROP MATERIALIZED VIEW registry_stats_meta`);
    await queryRunner.query(`DROP MATERIALIZED VIEW registry_compliance_stats`);
    await queryRunner.query(`DROP MATERIALIZED VIEW registry_cqo_year_stats`);
    await queryRunner.query(`DROP MATERIALIZED VIEW registry_enterprise_stats`);
  }
}
