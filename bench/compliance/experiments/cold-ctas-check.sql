-- After `KEEP=1 cold-ctas-run.sh` and a bench run that left compliance_statuses filled by the engine's
-- insert path: the rows that differ between the two (timestamps aside; 0 expected).
SELECT count(*) AS differing_rows FROM (
  (SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final,
          flag_raised_state, flag_raised_at IS NULL FROM cs_exp
   EXCEPT ALL
   SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final,
          flag_raised_state, flag_raised_at IS NULL FROM compliance_statuses)
  UNION ALL
  (SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final,
          flag_raised_state, flag_raised_at IS NULL FROM compliance_statuses
   EXCEPT ALL
   SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final,
          flag_raised_state, flag_raised_at IS NULL FROM cs_exp)) d;
