import type { AwardLevel, AwardStanding, EnterpriseTargetFacts } from '@cqo/organizations';

/**
 * Which enterprises a target is defined on, as stored in `appointment_targets.criteria`.
 * - `awards`: holds one of the listed awards with one of the listed standings, obtained in or
 *   before `obtainedByYear` (the notice: 已获得 … 到2021年底).
 * - `ownership_or_size`: state-owned, or above designated size and production (国有企业和规模以上生产性企业).
 */
export type TargetCriteria =
  | { kind: 'awards'; awards: { level: AwardLevel; standings: Exclude<AwardStanding, 'none'>[] }[]; obtainedByYear: number }
  | { kind: 'ownership_or_size' };

/** The facts a criterion reads (columns of `enterprises` and of `enterprise_master_versions` alike). */
export type TargetFactsRow = Omit<EnterpriseTargetFacts, 'name' | 'regionId'>;

const COLUMN: Record<AwardLevel, { standing: string; year: string; field: keyof TargetFactsRow; yearField: keyof TargetFactsRow }> = {
  china: {
    standing: 'china_quality_award',
    year: 'china_quality_award_year',
    field: 'chinaQualityAward',
    yearField: 'chinaQualityAwardYear',
  },
  provincial: {
    standing: 'provincial_quality_award',
    year: 'provincial_quality_award_year',
    field: 'provincialQualityAward',
    yearField: 'provincialQualityAwardYear',
  },
  city: { standing: 'city_quality_award', year: 'city_quality_award_year', field: 'cityQualityAward', yearField: 'cityQualityAwardYear' },
};
const STANDINGS = new Set(['nominated', 'awarded']);

/** Refuses stored criteria that are not of a known shape (they are turned into SQL below). */
export function assertCriteria(c: TargetCriteria): TargetCriteria {
  if (c.kind === 'ownership_or_size') return c;
  if (c.kind !== 'awards' || !Number.isInteger(c.obtainedByYear) || !Array.isArray(c.awards) || c.awards.length === 0) {
    throw new Error(`unknown target criteria ${JSON.stringify(c)}`);
  }
  for (const a of c.awards) {
    if (!COLUMN[a.level] || a.standings.length === 0 || !a.standings.every((s) => STANDINGS.has(s)))
      throw new Error(`bad award criterion ${JSON.stringify(a)}`);
  }
  return c;
}

/**
 * The criterion as a SQL predicate over a row alias whose columns are named like `enterprises`
 * (`enterprises` itself or `enterprise_master_versions`). Values come from validated data only.
 * An award without a year cannot be shown to have been obtained by the deadline, so it is out.
 */
export function criteriaSql(criteria: TargetCriteria, alias: string): string {
  const c = assertCriteria(criteria);
  if (c.kind === 'ownership_or_size') return `(${alias}.state_owned OR (${alias}.above_designated_size AND ${alias}.production))`;
  const terms = c.awards.map((a) => {
    const col = COLUMN[a.level];
    const standings = a.standings.map((s) => `'${s}'`).join(', ');
    return `(${alias}.${col.standing} IN (${standings}) AND ${alias}.${col.year} <= ${c.obtainedByYear})`;
  });
  return `(${terms.join(' OR ')})`;
}

/** The same predicate in TypeScript (for views of one enterprise and for unit tests). */
export function meetsCriteria(criteria: TargetCriteria, f: TargetFactsRow): boolean {
  const c = assertCriteria(criteria);
  if (c.kind === 'ownership_or_size') return f.stateOwned || (f.aboveDesignatedSize && f.production);
  return c.awards.some((a) => {
    const col = COLUMN[a.level];
    const year = f[col.yearField] as number | null;
    return (a.standings as string[]).includes(f[col.field] as string) && year !== null && year <= c.obtainedByYear;
  });
}
