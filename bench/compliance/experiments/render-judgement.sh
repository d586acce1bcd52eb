#!/usr/bin/env bash
# Renders the engine's judgement (the recompute statement's CTEs, from dist/ as built) as two
# PREPAREd psql statements for the cold CTAS experiment:
#   judge_year(lo uuid, hi uuid) — the calendar-year rules of year $YEAR (period_year = $YEAR)
#   judge_once(lo uuid, hi uuid) — the `once` rules (period_year = 0)
#   judge_all(lo uuid, hi uuid)  — both, as the engine's one statement per chunk judges them
# Output: the columns of compliance_statuses in its order, typed as its columns, flags raised as the
# bulk insert raises them. Usage: render-judgement.sh [year] > judge.sql (run `npm run build` first).
set -euo pipefail
cd "$(dirname "$0")/../../.."
YEAR="${1:-$(TZ=Asia/Shanghai date +%Y)}"
node - "$YEAR" <<'JS'
const sql = require('./dist/libs/credit-hours/src/sql/compliance-engine.sql.js');
const period = require('./dist/libs/credit-hours/src/compliance-period.js');
const core = require('./dist/libs/core/src/index.js');
const year = Number(process.argv[2]);
const now = new Date();
const pos = period.periodPosition(year, now);
const engine = require('./dist/libs/credit-hours/src/compliance.engine.js');
const select = (ts) => `
SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required::numeric(7,2) AS required,
       accrued::numeric(9,2) AS accrued, shortfall::numeric(7,2) AS shortfall, state, final, '${ts}'::timestamptz AS updated_at,
       CASE WHEN state IN ('at_risk', 'shortfall') THEN '${ts}'::timestamptz END AS flag_raised_at,
       CASE WHEN state IN ('at_risk', 'shortfall') THEN state END AS flag_raised_state
  FROM judged`;
const render = (name, rules, judgeOnce, judgeYear) => {
  const s = sql.rangeSums('$3::int', engine.sumsNeeded(rules));
  let text = sql.recomputeTemplate.build({ sums: s.ctes, sumsJoin: s.join, sumsColumns: s.columns, write: select(now.toISOString()) });
  // Parameters other than the range as literals.
  const lit = { 3: `${year}`, 4: `${pos.closed}`, 5: `${pos.elapsedShare}`, 6: `${judgeOnce}`, 7: `'${now.toISOString()}'`, 8: `'${core.chinaDateOf(now)}'`, 9: `${judgeYear}` };
  text = text.replace(/\$([3-9])(?![0-9])/g, (_, n) => lit[n]);
  return `PREPARE ${name}(uuid, uuid) AS\n${text};\n`;
};
process.stdout.write(render('judge_year', [{ category: 1, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false }, { category: 2, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false }], false, true));
process.stdout.write(render('judge_once', [{ category: 1, kind: 'appointment', period: 'once', count_appointment_hours: false }], true, false));
process.stdout.write(render('judge_all', [{ category: 1, kind: 'appointment', period: 'once', count_appointment_hours: false }, { category: 1, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false }, { category: 2, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false }], true, true));
JS
