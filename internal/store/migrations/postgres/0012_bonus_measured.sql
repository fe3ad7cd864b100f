-- PostgreSQL form of ../0012_bonus_measured.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities.
-- Which dimensions of a department were measured when its bonus was
-- computed (issue 20): bit i set = dimension i measured, in the order of
-- the score columns (workload 1, quality 2, efficiency 4, public welfare 8,
-- satisfaction 16). An unmeasured dimension was left out of the
-- department's composite and the other weights rescaled. Rows saved before
-- this column were computed with every dimension counted: 31, all measured.
ALTER TABLE bonus_run_departments ADD COLUMN measured BIGINT NOT NULL DEFAULT 31;
