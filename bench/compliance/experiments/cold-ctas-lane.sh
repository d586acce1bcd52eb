#!/usr/bin/env bash
# One lane of the cold build (issue 20 experiment): the judgement of the lane's trainee range as two
# new tables, cs_new_y<year>_l<lane> (calendar-year rules) and cs_new_y0_l<lane> (`once` rules), made
# attachable in the same transaction: NOT NULL and ck_compliance_statuses_flag as on
# compliance_statuses, a CHECK matching the partition bound (so ATTACH PARTITION skips its scan),
# the primary key and the flagged index.
# MODE=one: a lower bound instead: one table per lane with both periods from one statement (as the
# engine judges a chunk), its primary key and flagged index, no bound check (not attachable to a
# year-partitioned table; it would be to a table partitioned by trainee range alone).
# MODE=judge: the split judgement alone (EXPLAIN ANALYZE, nothing written), the floor of the split build.
# Usage: cold-ctas-lane.sh <db> <year> <lane> <first bucket> <last bucket> <judge.sql>
set -euo pipefail
DB=$1 YEAR=$2 LANE=$3 FIRST=$4 LAST=$5 JUDGE=$6
hex() { printf '%02x' "$1"; }
LO="$(hex "$FIRST")000000-0000-0000-0000-000000000000"
HI="$(hex "$LAST")ffffff-ffff-ffff-ffff-ffffffffffff"
# The RANGE bound of the lane's partition: [first bucket, last bucket + 1); the first and last lanes open-ended.
BOUND="trainee_id >= '$LO'"
[ "$FIRST" -eq 0 ] && BOUND="true"
if [ "$LAST" -lt 255 ]; then BOUND="$BOUND AND trainee_id < '$(hex $((LAST + 1)))000000-0000-0000-0000-000000000000'"; fi
attachable() { # table, period_year
  cat <<SQL
ALTER TABLE $1
  ALTER trainee_id SET NOT NULL, ALTER requirement SET NOT NULL, ALTER period_year SET NOT NULL, ALTER rule_set_id SET NOT NULL,
  ALTER rule_id SET NOT NULL, ALTER required SET NOT NULL, ALTER accrued SET NOT NULL, ALTER shortfall SET NOT NULL,
  ALTER state SET NOT NULL, ALTER final SET NOT NULL, ALTER updated_at SET NOT NULL, ALTER final SET DEFAULT false,
  ADD CONSTRAINT ck_compliance_statuses_flag CHECK ((flag_raised_at IS NOT NULL) = (state IN ('at_risk', 'shortfall')) AND (flag_raised_state IS NOT NULL) = (flag_raised_at IS NOT NULL)),
  ADD CONSTRAINT ${1}_bound CHECK (period_year = $2 AND $BOUND),
  ADD CONSTRAINT ${1}_pkey PRIMARY KEY (trainee_id, requirement, period_year);
CREATE INDEX ${1}_flagged ON $1 (period_year, trainee_id) WHERE flag_raised_at IS NOT NULL;
SQL
}
{
  echo '\set ON_ERROR_STOP on'
  cat "$JUDGE"
  cat <<SQL
SELECT pg_backend_pid() AS pid \\gset
\\setenv BACKEND :pid
BEGIN;
SELECT set_config('work_mem', '64MB', true), set_config('enable_hashagg', 'off', true), set_config('jit', 'off', true) \\g /dev/null
SELECT pg_advisory_xact_lock(74021631, b) FROM generate_series($FIRST, $LAST) AS b \\g /dev/null
SQL
  if [ "${MODE:-split}" = judge ]; then
    echo "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) EXECUTE judge_year('$LO', '$HI') \\g /dev/null"
    echo "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) EXECUTE judge_once('$LO', '$HI') \\g /dev/null"
  elif [ "${MODE:-split}" = one ]; then
    echo "CREATE TABLE cs_new_all_l$LANE AS EXECUTE judge_all('$LO', '$HI');"
    attachable "cs_new_all_l$LANE" "period_year"
  else
    # MODE=unlogged, a diagnostic only (a crash would lose the year): the same without WAL.
    KIND=TABLE; [ "${MODE:-split}" = unlogged ] && KIND="UNLOGGED TABLE"
    echo "CREATE $KIND cs_new_y${YEAR}_l$LANE AS EXECUTE judge_year('$LO', '$HI');"
    echo "CREATE $KIND cs_new_y0_l$LANE AS EXECUTE judge_once('$LO', '$HI');"
    attachable "cs_new_y${YEAR}_l$LANE" "$YEAR"
    attachable "cs_new_y0_l$LANE" 0
  fi
  echo 'COMMIT;'
  # CPU time of this backend (user + system, clock ticks of 10 ms) for the run script's sum.
  echo "\\! awk '{print \"lane cpu ms\", (\$14 + \$15) * 10}' /proc/\$BACKEND/stat"
} | psql -q -h 127.0.0.1 -U postgres -d "$DB" -X
