-- PostgreSQL form of ../0005_project_progress.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities;
-- references are DEFERRABLE, so a whole database can be copied in (transfer).
-- "Double monitoring" of projects during the year: the progress of each
-- performance target and the project's spending, month by month.

-- The actual value of a target (project_targets row `position`) as
-- reported at the end of `month`: the year-to-date figure for quantities,
-- the current rate for rates, or achieved/partly/not in words for
-- qualitative targets. Kept as text, like the target value itself.
CREATE TABLE target_values (
    project_id  BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE DEFERRABLE,
    position    BIGINT NOT NULL CHECK (position >= 1),
    month       BIGINT NOT NULL CHECK (month BETWEEN 1 AND 12),
    value       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (project_id, position, month)
);

-- What the project spent in `month` (that month alone, not to date), in
-- fen. A month may be negative when a refund exceeds the month's payments.
CREATE TABLE project_spending (
    project_id  BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE DEFERRABLE,
    month       BIGINT NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount_fen  BIGINT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (project_id, month)
);
