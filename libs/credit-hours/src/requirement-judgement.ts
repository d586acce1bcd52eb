/**
 * The SQL that judges a requirement, shared by the compliance engine's recomputation and the
 * evaluator's as-of answers, so "which hours count toward a rule" and "is it met" are written
 * once. Fragments read a rule row `r` and a totals row `x` (the columns of {@link sumColumns}).
 */

/** The six totals the rules can ask for, as `sum(...) FILTER` conditions over ledger rows `c`; `year` is the SQL of the year judged. */
export function sumColumns(year: string) {
  return {
    c1a_year: `c.category = 1 AND c.kind = 'appointment' AND c.year = ${year}`,
    c1a_all: `c.category = 1 AND c.kind = 'appointment'`,
    c1c_year: `c.category = 1 AND c.kind = 'continuing' AND c.year = ${year}`,
    c1c_all: `c.category = 1 AND c.kind = 'continuing'`,
    c2_year: `c.category = 2 AND c.year = ${year}`,
    c2_all: `c.category = 2`,
  } as const;
}
export type SumColumn = keyof ReturnType<typeof sumColumns>;
export const SUM_COLUMN_NAMES = Object.keys(sumColumns('0')) as SumColumn[];

/** The totals' select list: the needed ones summed, the others constant 0 (no rule reads them). */
export function sumsSelect(year: string, needed: readonly SumColumn[] = SUM_COLUMN_NAMES): string {
  const columns = sumColumns(year);
  return SUM_COLUMN_NAMES.map((c) =>
    needed.includes(c) ? `COALESCE(sum(c.hours) FILTER (WHERE ${columns[c]}), 0) AS ${c}` : `0::numeric AS ${c}`,
  ).join(',\n         ');
}

/**
 * Hours counting toward rule `r`: its category and kind, this year or (once) all years;
 * appointment hours count toward a continuing rule only if the rule says so (the notice: they do not).
 */
export const ACCRUED_SQL = `
         CASE
           WHEN x.trainee_id IS NULL THEN 0
           WHEN r.period = 'once' THEN
             CASE WHEN r.category = 2 THEN x.c2_all
                  WHEN r.kind = 'appointment' THEN x.c1a_all
                  ELSE x.c1c_all + CASE WHEN r.count_appointment_hours THEN x.c1a_all ELSE 0 END END
           ELSE
             CASE WHEN r.category = 2 THEN x.c2_year
                  WHEN r.kind = 'appointment' THEN x.c1a_year
                  ELSE x.c1c_year + CASE WHEN r.count_appointment_hours THEN x.c1a_year ELSE 0 END END
         END`;

/** The one comparison of hours with a requirement. */
export function meetsSql(accrued: string, required: string): string {
  return `(${accrued} >= ${required})`;
}
