import { defineQuery, defineTemplate } from '@cqo/core';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEE_SUBJECTS } from '@cqo/trainees';
import type { SumColumn } from '../requirement-judgement';
import { ACCRUED_SQL, meetsSql, SUM_COLUMN_NAMES, sumColumns } from '../requirement-judgement';

// SQL of the compliance engine (ComplianceEngine). Tables: compliance_statuses (with their open
// flags), compliance_flag_history, requirement_rules, credit_entries, the serving_cqo_terms view and the
// governing_rule_set_id function (credit-hours); regions, trainees and accounts through their
// owners' public views.

/**
 * One set-based statement recomputes the statuses of every trainee in a uuid range for one
 * year (and, for the open year, the `once` requirements), maintains their flags, and writes only
 * the rows whose values changed (an open flag is part of its row; a cleared one is appended to
 * the history). Parameters:
 *   $1/$2 the trainee id range, $3 the year, $4 whether the year has closed, $5 the share of the
 *   year elapsed, $6 judge the `once` rules, $7 now, $8 today (CST), $9 judge the year's
 *   (`calendar_year`) rules. Only the statuses of the periods judged are read or written.
 *
 * The rules of the notice, as SQL:
 * - The governing rule set of a trainee for year $3 is `governing_rule_set_id(region, year)`: the
 *   set of the deepest region containing the trainee's enterprise's region whose first year is on
 *   or before $3 (a trainee without an enterprise: the root's). A set published for next year
 *   leaves this year alone; a closed year keeps the set that judged it.
 * - Hours count toward a rule when category matches and kind matches; appointment hours count
 *   toward a yearly rule only if the rule says so (the notice: they do not).
 * - Yearly rules bind serving CQOs (`serving_cqo_terms`) and trainees who opted in; others get
 *   `not_applicable`. Appointment training (`once`, applies to everyone).
 * - complete when accrued ≥ required; a closed year otherwise `shortfall`; an open year `at_risk`
 *   when accrued < threshold × required × share elapsed, else `on_track`. A `once` requirement
 *   not met is `shortfall` for a serving CQO, `at_risk` for a nominated one (拟任: a registered term
 *   starting after today; the notice appoints only people who passed the training, so it is due by
 *   that date), `on_track` for anyone else. The nightly run turns `at_risk` into `shortfall` on the
 *   day the term starts.
 */
const JUDGED_CTES = `
WITH region_rs AS (
  -- The one definition of the governing rule set (migration HoursOccurrenceAndVerdicts), per region.
  SELECT g.id AS region_id, governing_rule_set_id(g.id, $3::int) AS rule_set_id FROM ${PUBLIC_REGIONS} g
),
default_rs AS (
  SELECT governing_rule_set_id(NULL, $3::int) AS id
),
-- The rules judged with, locked until the transaction ends: a delete of one waits, then sees the
-- statuses naming it and is refused (the trigger that stands in for a foreign key). Locked by the
-- statement that reads them, so no status written can name a rule deleted meanwhile: a rule
-- deleted before the lock is skipped, and one deleted after it waits for this transaction.
-- (Trainees need no lock here: deleting a user takes the bucket locks the caller holds, migration
-- ComplianceReferencesSetBased, so it committed before the subjects are read or waits for us.)
rules AS (
  SELECT r.* FROM requirement_rules r
   WHERE ((r.period = 'calendar_year' AND $9::boolean) OR (r.period = 'once' AND $6::boolean))
     AND r.rule_set_id IN (SELECT rule_set_id FROM region_rs UNION SELECT id FROM default_rs)
     FOR KEY SHARE OF r
),
-- Who serves (the registry's seam), read once per chunk rather than probed per row.
serving AS (
  SELECT t.trainee_id,
         bool_or(t.served_from <= make_date($3::int, 12, 31) AND (t.served_to IS NULL OR t.served_to >= make_date($3::int, 1, 1))) AS in_year,
         bool_or(t.served_from <= $8::date AND (t.served_to IS NULL OR t.served_to >= $8::date)) AS now,
         -- Nominated (拟任): a registered term that starts after today.
         bool_or(t.served_from > $8::date) AS nominated
    FROM serving_cqo_terms t
   WHERE t.trainee_id BETWEEN $1::uuid AND $2::uuid
   GROUP BY t.trainee_id
),
-- Per trainee, the hour totals the rules in force need (see rangeSums); totals no rule needs are not summed.
__SUMS__subjects AS (
  SELECT tp.user_id AS trainee_id,
         COALESCE(rr.rule_set_id, (SELECT id FROM default_rs)) AS rule_set_id,
         tp.yearly_requirements_opt_in AS opted_in,
         COALESCE(sv.in_year, false) AS serving_in_year,
         COALESCE(sv.now, false) AS serving_now,
         COALESCE(sv.nominated, false) AND NOT COALESCE(sv.now, false) AS nominated,
         __SUMS_COLUMNS__
    FROM ${PUBLIC_TRAINEE_SUBJECTS} tp
    LEFT JOIN region_rs rr ON rr.region_id = tp.enterprise_region_id
    LEFT JOIN serving sv ON sv.trainee_id = tp.user_id
    __SUMS_JOIN__
   WHERE tp.user_id BETWEEN $1::uuid AND $2::uuid
  -- A fence: each subject meets its totals before the rules multiply the rows by three (flattened,
  -- the planner underestimated the rules join and sorted three rows per trainee for merge joins).
  OFFSET 0
),
computed AS (
  SELECT s.trainee_id, r.code AS requirement,
         CASE WHEN r.period = 'once' THEN 0 ELSE $3::int END AS period_year,
         r.rule_set_id, r.id AS rule_id, r.min_hours AS required, r.period, r.at_risk_threshold,
         __ACCRUED__ AS accrued,
         (r.applies_to = 'everyone' OR s.opted_in
           OR (r.period = 'once' AND (s.serving_now OR s.nominated)) OR (r.period = 'calendar_year' AND s.serving_in_year)) AS applicable,
         s.serving_now, s.nominated
    FROM subjects s
    JOIN rules r ON r.rule_set_id = s.rule_set_id
    -- The subject's totals as the row \`x\` the judgement reads.
    CROSS JOIN LATERAL (SELECT s.trainee_id, ${SUM_COLUMN_NAMES.map((c) => `s.${c}`).join(', ')}) x
  -- Fences: flattened, \`accrued\` (a CASE over the rule and the totals) was evaluated again at each
  -- of its four uses in judged, and \`state\` at each of its three in the write: a tenth of a cold
  -- chunk's time (bench:compliance, issue 20).
  OFFSET 0
),
judged AS (
  SELECT c.trainee_id, c.requirement, c.period_year, c.rule_set_id, c.rule_id, c.required, c.accrued,
         CASE WHEN c.applicable THEN GREATEST(c.required - c.accrued, 0) ELSE 0 END AS shortfall,
         CASE
           WHEN NOT c.applicable THEN 'not_applicable'
           WHEN __MET__ THEN 'complete'
           WHEN c.period = 'once' THEN CASE WHEN c.serving_now THEN 'shortfall' WHEN c.nominated THEN 'at_risk' ELSE 'on_track' END
           WHEN $4::boolean THEN 'shortfall'
           WHEN c.accrued < c.at_risk_threshold * c.required * $5::numeric THEN 'at_risk'
           ELSE 'on_track'
         END AS state,
         (c.period = 'calendar_year' AND $4::boolean) AS final
    FROM computed c
  OFFSET 0
)
`;

/**
 * New rows go in in primary-key order, so the key's index is appended to rather than split at
 * random. Requirement codes are ASCII (rule-set.validation), whose byte order ("C") is the key's
 * order, and comparing bytes spares the locale's comparison in the sort (about 5% of a cold run,
 * bench:compliance).
 */
const PRIMARY_KEY_ORDER = 'trainee_id, requirement COLLATE "C", period_year';

/** A judged row's state raises (or keeps open) a shortfall flag. */
const FLAGGED = (state: string) => `${state} IN ('at_risk', 'shortfall')`;

/**
 * The general write: only new, different or vanished rows are written. The open flag is part of
 * the status row: raised (now, with the new state) when the state becomes at risk or short, kept
 * while it stays so, and when it no longer is (or the row vanishes) cleared into
 * compliance_flag_history with the state that cleared it.
 */
const DIFF_WRITE_SQL = `,
existing AS (
  SELECT cs.trainee_id, cs.requirement, cs.period_year, cs.rule_id, cs.accrued, cs.state, cs.final, cs.flag_raised_at, cs.flag_raised_state
    FROM compliance_statuses cs
   WHERE cs.trainee_id BETWEEN $1::uuid AND $2::uuid
     AND ((cs.period_year = $3::int AND $9::boolean) OR (cs.period_year = 0 AND $6::boolean))
),
-- Only new, different or vanished rows are written (the bucket locks keep this read current). Rules
-- never change, so rule, accrued, state and final determine the rest of a row.
diff AS MATERIALIZED (
  SELECT j.*, e.trainee_id AS old_trainee_id, e.requirement AS old_requirement, e.period_year AS old_period_year,
         e.state AS old_state, e.flag_raised_at AS old_flag_raised_at, e.flag_raised_state AS old_flag_raised_state,
         CASE WHEN ${FLAGGED('j.state')} THEN COALESCE(e.flag_raised_at, $7::timestamptz) END AS flag_raised_at,
         CASE WHEN ${FLAGGED('j.state')} THEN COALESCE(e.flag_raised_state, j.state) END AS flag_raised_state
    FROM judged j
    FULL JOIN existing e
      ON e.trainee_id = j.trainee_id AND e.requirement = j.requirement AND e.period_year = j.period_year
   WHERE j.trainee_id IS NULL OR e.trainee_id IS NULL
      OR (e.rule_id, e.accrued, e.state, e.final) IS DISTINCT FROM (j.rule_id, j.accrued, j.state, j.final)
),
-- New rows: a plain insert (the bucket locks rule out a concurrent writer of the same keys).
inserted AS (
  INSERT INTO compliance_statuses
         (trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, updated_at,
          flag_raised_at, flag_raised_state)
  SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, $7::timestamptz,
         flag_raised_at, flag_raised_state
    FROM diff
   WHERE trainee_id IS NOT NULL AND old_trainee_id IS NULL
   ORDER BY ${PRIMARY_KEY_ORDER}
  RETURNING 1
),
updated AS (
  UPDATE compliance_statuses cs
     SET rule_set_id = d.rule_set_id, rule_id = d.rule_id, required = d.required, accrued = d.accrued,
         shortfall = d.shortfall, state = d.state, final = d.final, updated_at = $7::timestamptz,
         flag_raised_at = d.flag_raised_at, flag_raised_state = d.flag_raised_state
    FROM diff d
   WHERE d.trainee_id IS NOT NULL AND d.old_trainee_id IS NOT NULL
     AND cs.trainee_id = d.trainee_id AND cs.requirement = d.requirement AND cs.period_year = d.period_year
  RETURNING 1
),
-- A requirement the governing rule set no longer has.
removed AS (
  DELETE FROM compliance_statuses cs
   USING diff d
   WHERE d.trainee_id IS NULL
     AND cs.trainee_id = d.old_trainee_id AND cs.requirement = d.old_requirement AND cs.period_year = d.old_period_year
  RETURNING 1
),
-- Flags that clear: the state is no longer at risk or short, or the row is gone.
cleared AS (
  INSERT INTO compliance_flag_history (trainee_id, requirement, period_year, state, raised_state, raised_at, cleared_at, cleared_state)
  SELECT old_trainee_id, old_requirement, old_period_year, old_state, old_flag_raised_state, old_flag_raised_at, $7::timestamptz,
         COALESCE(state, 'not_applicable')
    FROM diff
   WHERE old_flag_raised_at IS NOT NULL AND flag_raised_at IS NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int + (SELECT count(*) FROM updated)::int AS changed,
       (SELECT count(*) FROM removed)::int AS removed,
       (SELECT count(*) FROM diff WHERE flag_raised_at IS NOT NULL AND old_flag_raised_at IS NULL)::int AS flags_raised,
       (SELECT count(*) FROM cleared)::int AS flags_cleared
`;

/**
 * The first judgement of a chunk (no status of these periods in its range, as on a cold run):
 * every judged row is new, so they are inserted as they are, with the flags of the rows at risk
 * or short raised in the same rows, without reading the (absent) existing rows or joining them.
 * Same rows, flags and counts as the general write would give.
 *
 * Not sorted: the subjects come out of merge joins in trainee order and the rules' hash join
 * keeps its outer side's order, so the rows already reach the primary key's rightmost leaf in
 * trainee order (a trainee's three rows land together, whatever their order). Sorting them again
 * by the whole key was about a tenth of a cold chunk (bench:compliance, issue 20). Were a plan
 * ever to mix the order, the rows would still be right, only slower to index.
 */
const BULK_INSERT_SQL = `,
inserted AS (
  INSERT INTO compliance_statuses
         (trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, updated_at,
          flag_raised_at, flag_raised_state)
  SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, $7::timestamptz,
         CASE WHEN ${FLAGGED('state')} THEN $7::timestamptz END, CASE WHEN ${FLAGGED('state')} THEN state END
    FROM judged
  RETURNING flag_raised_at
)
SELECT count(*)::int AS changed, 0 AS removed, count(flag_raised_at)::int AS flags_raised, 0 AS flags_cleared
  FROM inserted
`;

/** The counts the recompute statement answers. */
export interface RecomputeRow {
  changed: number;
  removed: number;
  flags_raised: number;
  flags_cleared: number;
}

/** The two ways of writing a chunk's verdicts. */
export const RECOMPUTE_WRITES = { diff: DIFF_WRITE_SQL, bulk: BULK_INSERT_SQL } as const;

/**
 * How the recompute statement gets the totals `needed` of year `year` for its subjects: `ctes`,
 * the aggregates (each followed by a comma), `join`, their joins on the subject's trainee
 * profile `tp`, and `columns`, the six totals as columns of the subject (those not needed
 * constant 0). This year's totals read only this year's partition of the ledger; the all-years
 * totals read only the entries they count (the appointment total, the only one the notice asks
 * for, from the partial index ix_credit_entries_appointment_hours). So the cost follows one year
 * of the ledger, not its whole history (issue 20: two thirds of the entries a chunk summed were
 * earlier years' hours that no rule counts). Each aggregate streams through a sorted group
 * aggregate over an index-only scan in trainee order and is unique on the trainee, so joining it
 * keeps the subjects' row estimate.
 */
export function rangeSums(year: string, needed: readonly SumColumn[]): { ctes: string; join: string; columns: string } {
  const conditions = sumColumns(year);
  const yearly = needed.filter((c) => c.endsWith('_year'));
  const allYears = needed.filter((c) => c.endsWith('_all'));
  // One total alone needs no FILTER: its condition is the WHERE, so the scan reads no other column.
  const sums = (columns: SumColumn[]) =>
    columns.length === 1 && columns[0].endsWith('_all')
      ? `sum(c.hours) AS ${columns[0]}`
      : columns.map((c) => `sum(c.hours) FILTER (WHERE ${conditions[c]}) AS ${c}`).join(',\n         ');
  const aggregate = (name: string, columns: SumColumn[], where: string) => `${name} AS (
  SELECT c.trainee_id, ${sums(columns)}
    FROM credit_entries c
   WHERE ${where} AND c.trainee_id BETWEEN $1::uuid AND $2::uuid
   GROUP BY c.trainee_id
),
`;
  let ctes = '';
  const joins: string[] = [];
  if (yearly.length > 0) {
    ctes += aggregate('year_sums', yearly, `c.year = ${year}`);
    joins.push('LEFT JOIN year_sums y ON y.trainee_id = tp.user_id');
  }
  if (allYears.length > 0) {
    ctes += aggregate('all_sums', allYears, `(${allYears.map((c) => conditions[c]).join(' OR ')})`);
    joins.push('LEFT JOIN all_sums a ON a.trainee_id = tp.user_id');
  }
  const columns = SUM_COLUMN_NAMES.map((c) =>
    needed.includes(c) ? `COALESCE(${c.endsWith('_year') ? 'y' : 'a'}.${c}, 0) AS ${c}` : `0::numeric AS ${c}`,
  ).join(', ');
  return { ctes, join: joins.join('\n    '), columns };
}

const builtRecompute = new Map<string, string>();

/**
 * The recompute statement for the totals the rules need (`sums`, `sumsJoin` and `sumsColumns`:
 * the `ctes`, `join` and `columns` of `rangeSums('$3::int', needed)`) and a way of writing (`write`:
 * one of {@link RECOMPUTE_WRITES}). Built once per combination.
 */
export const recomputeTemplate = defineTemplate<'sums' | 'sumsJoin' | 'sumsColumns' | 'write', RecomputeRow>(
  'creditHours.engine.recompute',
  ['sums', 'sumsJoin', 'sumsColumns', 'write'],
  (f) => {
    const key = `${f.write}\u0000${f.sums}\u0000${f.sumsJoin}\u0000${f.sumsColumns}`;
    let sql = builtRecompute.get(key);
    if (!sql) {
      // Function replacers: the fragments hold `$n` parameters, which a replacement string would interpret.
      sql = (JUDGED_CTES + f.write)
        .replace('__SUMS__', () => f.sums)
        .replace('__SUMS_JOIN__', () => f.sumsJoin)
        .replace('__SUMS_COLUMNS__', () => f.sumsColumns)
        .replace('__ACCRUED__', () => ACCRUED_SQL)
        .replace('__MET__', () => meetsSql('c.accrued', 'c.required'));
      builtRecompute.set(key, sql);
    }
    return sql;
  },
);

/** Locks the compliance buckets `$2`..`$3` of namespace `$1`, in ascending order like every other holder. */
export const lockBuckets = defineQuery<[namespace: number, first: number, last: number]>(
  'creditHours.engine.lockBuckets',
  'SELECT pg_advisory_xact_lock($1, b) FROM generate_series($2::int, $3::int) AS b',
);

export const lockBucket = defineQuery<[namespace: number, bucket: number]>(
  'creditHours.engine.lockBucket',
  'SELECT pg_advisory_xact_lock($1, $2)',
);

/** The work memory of one chunk's statement (a constant in the statement text). */
export const CHUNK_WORK_MEM = '64MB';

/**
 * The settings of one chunk's transaction, in one round trip (`set_config(..., true)` is
 * `SET LOCAL`):
 * - work_mem {@link CHUNK_WORK_MEM} for the chunk's hash joins and sorts;
 * - no hash aggregate: the ledger's totals as a sorted group aggregate over the merged
 *   index-only scans (trainee order), not a hash aggregate: with three numeric sums per group
 *   the hash aggregate took about twice the CPU time for the same rows (bench:compliance, issue 20);
 * - no JIT: a chunk's statements run for tens to hundreds of milliseconds, and a cost estimate
 *   above `jit_above_cost` (an earlier set-based check, planned with a hashed scan of every account,
 *   did) spent 50–80 ms per statement compiling expressions.
 */
export const chunkSettings = defineQuery<[]>(
  'creditHours.engine.chunkSettings',
  `SELECT set_config('work_mem', '${CHUNK_WORK_MEM}', true), set_config('enable_hashagg', 'off', true), set_config('jit', 'off', true)`,
);

/** The distinct kinds of rules in force for year `$1` (`once` rules too when `$2`). */
export const rulesInForce = defineQuery<
  [year: number, includeOnce: boolean],
  { category: number; kind: string; period: string; count_appointment_hours: boolean }
>(
  'creditHours.engine.rulesInForce',
  `SELECT DISTINCT r.category, r.kind, r.period, r.count_appointment_hours
         FROM requirement_rules r
        WHERE r.rule_set_id IN (SELECT DISTINCT governing_rule_set_id(g.id, $1::int) FROM ${PUBLIC_REGIONS} g)
          AND (r.period = 'calendar_year' OR $2::boolean)`,
);

/**
 * Whether the trainee id range has no status yet of year `$3`, and none of the `once`
 * requirements (an open flag is part of its status). On 1 January the year's are absent and the
 * `once` ones are not.
 */
export const rangeUntouched = defineQuery<[lo: string, hi: string, year: number], { year_untouched: boolean; once_untouched: boolean }>(
  'creditHours.engine.rangeUntouched',
  `SELECT NOT EXISTS (SELECT 1 FROM compliance_statuses s
                       WHERE s.trainee_id BETWEEN $1::uuid AND $2::uuid AND s.period_year = $3::int) AS year_untouched,
          NOT EXISTS (SELECT 1 FROM compliance_statuses s
                       WHERE s.trainee_id BETWEEN $1::uuid AND $2::uuid AND s.period_year = 0) AS once_untouched`,
);
