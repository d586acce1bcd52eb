#!/usr/bin/env bash
# The cold CTAS experiment of issue 20, against a database kept by `npm run bench:compliance -- --keep`:
# the bench's baseline aggregate (best of 3), then RUNS cold builds of the year into the partitioned
# copy cs_exp (cold-ctas-setup.sql): 3 lanes in parallel (cold-ctas-lane.sh), then one transaction
# that drops the empty lane partitions and attaches the new tables. Prints wall times with the load.
# MODE=one or MODE=judge (see cold-ctas-lane.sh): the lanes only, nothing attached.
# MODE=unlogged: the split build with attach, its tables UNLOGGED (a diagnostic of the WAL's share).
# Usage: [MODE=one|judge|unlogged] [KEEP=1] cold-ctas-run.sh [db] [runs] [year]
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-cqo_bench_compliance} RUNS=${2:-3} YEAR=${3:-$(TZ=Asia/Shanghai date +%Y)}
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$DB")
JUDGE=$(mktemp /tmp/judge.XXXXXX.sql)
./render-judgement.sh "$YEAR" > "$JUDGE"
"${PSQL[@]}" -v year="$YEAR" -f cold-ctas-setup.sql
LANES=("0 0 85" "1 86 170" "2 171 255")
now() { date +%s%N; }
msSince() { echo $((($(now) - $1) / 1000000)); }
AGG="SELECT count(*), sum(appointment), sum(continuing), sum(methods) FROM (
       SELECT trainee_id,
              sum(hours) FILTER (WHERE category = 1 AND kind = 'appointment') AS appointment,
              sum(hours) FILTER (WHERE year = $YEAR AND category = 1 AND kind = 'continuing') AS continuing,
              sum(hours) FILTER (WHERE year = $YEAR AND category = 2) AS methods
         FROM credit_entries GROUP BY trainee_id) s"
# The bench's baseline: the aggregate, best of 3 in one warm session (as bench:compliance runs it).
best=$(printf '\\timing on\n%s \\g /dev/null\n%s \\g /dev/null\n%s \\g /dev/null\n' "$AGG" "$AGG" "$AGG" | "${PSQL[@]}" |
  awk '/^Time:/ { if (b == "" || $2 < b) b = $2 } END { printf "%d", b }')
# Its CPU time without parallel workers (as bench:compliance measures it), best of 3.
AGG_CPU=$("${PSQL[@]}" -At <<SQL
SELECT pg_backend_pid() AS pid \\gset
\\setenv BACKEND :pid
SET max_parallel_workers_per_gather = 0;
\\! awk '{print (\$14 + \$15) * 10}' /proc/\$BACKEND/stat
$(for i in 1 2 3; do echo "SELECT count(*), sum(appointment), sum(continuing), sum(methods) FROM (SELECT trainee_id, sum(hours) FILTER (WHERE category = 1 AND kind = 'appointment') AS appointment, sum(hours) FILTER (WHERE year = $YEAR AND category = 1 AND kind = 'continuing') AS continuing, sum(hours) FILTER (WHERE year = $YEAR AND category = 2) AS methods FROM credit_entries GROUP BY trainee_id) s \\g /dev/null"; echo "\\! awk '{print (\$14 + \$15) * 10}' /proc/\$BACKEND/stat"; done)
SQL
)
aggCpu=$(echo "$AGG_CPU" | awk 'NR > 1 { d = $1 - prev; if (best == "" || d < best) best = d } { prev = $1 } END { print best }')
echo "baseline aggregate best of 3: $best ms, serial CPU $aggCpu ms (load $(cut -d' ' -f1-3 /proc/loadavg))"
for run in $(seq 1 "$RUNS"); do
  # Back to cold: the year's and the once partitions empty, no leftover new tables.
  for l in 0 1 2; do
    "${PSQL[@]}" -c "DROP TABLE IF EXISTS cs_new_all_l$l, cs_new_y${YEAR}_l$l, cs_new_y0_l$l, cs_exp_y${YEAR}_l$l, cs_exp_y0_l$l"
  done
  "${PSQL[@]}" -c "
    CREATE TABLE cs_exp_y${YEAR}_l0 PARTITION OF cs_exp_y$YEAR FOR VALUES FROM (MINVALUE) TO ('56000000-0000-0000-0000-000000000000');
    CREATE TABLE cs_exp_y${YEAR}_l1 PARTITION OF cs_exp_y$YEAR FOR VALUES FROM ('56000000-0000-0000-0000-000000000000') TO ('ab000000-0000-0000-0000-000000000000');
    CREATE TABLE cs_exp_y${YEAR}_l2 PARTITION OF cs_exp_y$YEAR FOR VALUES FROM ('ab000000-0000-0000-0000-000000000000') TO (MAXVALUE);
    CREATE TABLE cs_exp_y0_l0 PARTITION OF cs_exp_y0 FOR VALUES FROM (MINVALUE) TO ('56000000-0000-0000-0000-000000000000');
    CREATE TABLE cs_exp_y0_l1 PARTITION OF cs_exp_y0 FOR VALUES FROM ('56000000-0000-0000-0000-000000000000') TO ('ab000000-0000-0000-0000-000000000000');
    CREATE TABLE cs_exp_y0_l2 PARTITION OF cs_exp_y0 FOR VALUES FROM ('ab000000-0000-0000-0000-000000000000') TO (MAXVALUE);
    CHECKPOINT;"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t=$(now)
  pids=()
  for lane in "${LANES[@]}"; do
    # shellcheck disable=SC2086
    ./cold-ctas-lane.sh "$DB" "$YEAR" $lane "$JUDGE" > "$JUDGE.lane.$lane" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  lanes=$(msSince "$t")
  if [ "${MODE:-split}" = one ] || [ "${MODE:-split}" = judge ]; then
    cpu=$(cat "$JUDGE".lane.* | awk '/lane cpu ms/ { s += $4 } END { print s }')
    rm -f "$JUDGE".lane.*
    echo "run $run (MODE=$MODE, lanes only, no attach): lanes $lanes ms = $(awk "BEGIN{printf \"%.2f\", $lanes/$best}")× the aggregate; CPU $cpu ms = $(awk "BEGIN{printf \"%.2f\", $cpu/$aggCpu}")×; load at start $load, at end $(cut -d' ' -f1-3 /proc/loadavg)"
    continue
  fi
  "${PSQL[@]}" -c "
    BEGIN;
    SET LOCAL lock_timeout = '5s';
    DROP TABLE cs_exp_y${YEAR}_l0, cs_exp_y${YEAR}_l1, cs_exp_y${YEAR}_l2, cs_exp_y0_l0, cs_exp_y0_l1, cs_exp_y0_l2;
    ALTER TABLE cs_new_y${YEAR}_l0 RENAME TO cs_exp_y${YEAR}_l0;
    ALTER TABLE cs_new_y${YEAR}_l1 RENAME TO cs_exp_y${YEAR}_l1;
    ALTER TABLE cs_new_y${YEAR}_l2 RENAME TO cs_exp_y${YEAR}_l2;
    ALTER TABLE cs_new_y0_l0 RENAME TO cs_exp_y0_l0;
    ALTER TABLE cs_new_y0_l1 RENAME TO cs_exp_y0_l1;
    ALTER TABLE cs_new_y0_l2 RENAME TO cs_exp_y0_l2;
    ALTER TABLE cs_exp_y$YEAR ATTACH PARTITION cs_exp_y${YEAR}_l0 FOR VALUES FROM (MINVALUE) TO ('56000000-0000-0000-0000-000000000000');
    ALTER TABLE cs_exp_y$YEAR ATTACH PARTITION cs_exp_y${YEAR}_l1 FOR VALUES FROM ('56000000-0000-0000-0000-000000000000') TO ('ab000000-0000-0000-0000-000000000000');
    ALTER TABLE cs_exp_y$YEAR ATTACH PARTITION cs_exp_y${YEAR}_l2 FOR VALUES FROM ('ab000000-0000-0000-0000-000000000000') TO (MAXVALUE);
    ALTER TABLE cs_exp_y0 ATTACH PARTITION cs_exp_y0_l0 FOR VALUES FROM (MINVALUE) TO ('56000000-0000-0000-0000-000000000000');
    ALTER TABLE cs_exp_y0 ATTACH PARTITION cs_exp_y0_l1 FOR VALUES FROM ('56000000-0000-0000-0000-000000000000') TO ('ab000000-0000-0000-0000-000000000000');
    ALTER TABLE cs_exp_y0 ATTACH PARTITION cs_exp_y0_l2 FOR VALUES FROM ('ab000000-0000-0000-0000-000000000000') TO (MAXVALUE);
    COMMIT;"
  total=$(msSince "$t")
  cpu=$(cat "$JUDGE".lane.* | awk '/lane cpu ms/ { s += $4 } END { print s }')
  rm -f "$JUDGE".lane.*
  echo "run $run: cold build $total ms = $(awk "BEGIN{printf \"%.2f\", $total/$best}")× the aggregate (lanes $lanes ms, attach $((total - lanes)) ms); lanes' backend CPU $cpu ms = $(awk "BEGIN{printf \"%.2f\", $cpu/$aggCpu}")× the aggregate's; load at start $load, at end $(cut -d' ' -f1-3 /proc/loadavg)"
done
"${PSQL[@]}" -Atc "SELECT 'rows ' || count(*) || ', flags ' || count(flag_raised_at) FROM cs_exp"
# The copy is dropped again (a later --reuse bench run would VACUUM it) unless KEEP=1 (cold-ctas-check.sql).
[ "${KEEP:-0}" = 1 ] || "${PSQL[@]}" -c "DROP TABLE cs_exp CASCADE"
rm -f "$JUDGE"
