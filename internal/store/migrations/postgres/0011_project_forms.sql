-- PostgreSQL form of ../0011_project_forms.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities.
-- What the finance bureau's project forms ask of a project (项目支出绩效目标
-- 申报表): its code, where its money comes from, whether it is new or goes
-- on from an earlier year, who answers for it and its overall targets.
ALTER TABLE projects ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN attribute TEXT NOT NULL DEFAULT 'new' CHECK (attribute IN ('new', 'continuing'));
ALTER TABLE projects ADD COLUMN responsible TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN long_term_goal TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN annual_goal TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN fiscal_fen BIGINT NOT NULL DEFAULT 0 CHECK (fiscal_fen >= 0);
ALTER TABLE projects ADD COLUMN business_fen BIGINT NOT NULL DEFAULT 0 CHECK (business_fen >= 0);
ALTER TABLE projects ADD COLUMN carryover_fen BIGINT NOT NULL DEFAULT 0 CHECK (carryover_fen >= 0);
ALTER TABLE projects ADD COLUMN other_fen BIGINT NOT NULL DEFAULT 0 CHECK (other_fen >= 0);

UPDATE projects SET attribute = 'continuing' WHERE start_year < year;

-- Existing projects get codes in the order they were entered, per year.
UPDATE projects SET code = 'XM' || year || lpad((SELECT count(*) FROM projects p WHERE p.year = projects.year AND p.id <= projects.id)::text, 3, '0')
    WHERE code = '';

CREATE UNIQUE INDEX projects_code ON projects (year, code);

-- A project is evaluated against its own approved target table: the
-- evaluation's scheme is built from it when the evaluation starts and kept
-- (project_id set) so that the result stays what it was judged on. Such
-- schemes are not part of the indicator library.
ALTER TABLE indicator_schemes ADD COLUMN project_id BIGINT;

-- A target exceeded by more than over_factor times its value is flagged
-- "目标值设定偏低" and loses over_deduct of its points (0 = flag only); the
-- target as declared (words for a qualitative one) is kept in target_text.
ALTER TABLE indicator_nodes ADD COLUMN over_factor DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE indicator_nodes ADD COLUMN over_deduct DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE indicator_nodes ADD COLUMN target_text TEXT NOT NULL DEFAULT '';
