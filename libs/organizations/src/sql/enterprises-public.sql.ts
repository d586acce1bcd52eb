// Public views of enterprises' records for other libs (registry, reporting): the official-list
// attributes the appointment targets are judged on, now and as recorded over time. Each is a
// subquery over one table, which PostgreSQL inlines: a statement joining it plans as one joining
// the table (the tuned regulator lists keep their plans). Tables: enterprises,
// enterprise_master_versions (organizations).

/**
 * Enterprises with their list attributes: id, name, credit_code, region_id, state_owned,
 * above_designated_size, production, china_quality_award(_year), provincial_quality_award(_year),
 * city_quality_award(_year).
 */
export const PUBLIC_ENTERPRISE_RECORDS = `(SELECT id, name, credit_code, region_id, state_owned, above_designated_size, production,
         china_quality_award, china_quality_award_year, provincial_quality_award, provincial_quality_award_year,
         city_quality_award, city_quality_award_year FROM enterprises)`;

/**
 * The enterprises' master-data versions (one per change, in force from `effective_on`):
 * id, enterprise_id, effective_on, recorded_at, name, region_id and the list attributes as above.
 */
export const PUBLIC_ENTERPRISE_MASTER_VERSIONS = `(SELECT id, enterprise_id, effective_on, recorded_at, name, region_id, state_owned,
         above_designated_size, production, china_quality_award, china_quality_award_year, provincial_quality_award,
         provincial_quality_award_year, city_quality_award, city_quality_award_year FROM enterprise_master_versions)`;
