-- PostgreSQL form of ../0013_record_versions.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION.
-- A version per record that several people may edit at once from several
-- PCs (a department's proposal, a project, an evaluation, the year's bonus
-- draft): a save names the version it started from, and a save from an
-- older one is refused with who changed the record and when.

ALTER TABLE prep_departments ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE evaluations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE evaluations ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE bonus_runs ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

UPDATE evaluations SET updated_at = created_at, updated_by = created_by;
