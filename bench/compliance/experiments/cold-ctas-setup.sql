-- Cold CTAS experiment (issue 20): a partitioned copy of compliance_statuses, `cs_exp`, in the layout tested:
--   cs_exp                      LIST (period_year)
--     cs_exp_y<year>            RANGE (trainee_id), one partition per lane (the engine's buckets 0–85, 86–170, 171–255)
--       cs_exp_y<year>_l<lane>
--   cs_exp_default              DEFAULT (years without a partition)
-- Run once against the kept bench database: psql -v year=2026 -f cold-ctas-setup.sql
DROP TABLE IF EXISTS cs_exp CASCADE;
CREATE TABLE cs_exp (LIKE compliance_statuses INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY LIST (period_year);
ALTER TABLE cs_exp ADD CONSTRAINT cs_exp_pkey PRIMARY KEY (trainee_id, requirement, period_year);
CREATE INDEX ix_cs_exp_flagged ON cs_exp (period_year, trainee_id) WHERE flag_raised_at IS NOT NULL;
CREATE TABLE cs_exp_default PARTITION OF cs_exp DEFAULT;
CREATE TABLE cs_exp_y:year PARTITION OF cs_exp FOR VALUES IN (:year) PARTITION BY RANGE (trainee_id);
CREATE TABLE cs_exp_y0 PARTITION OF cs_exp FOR VALUES IN (0) PARTITION BY RANGE (trainee_id);
