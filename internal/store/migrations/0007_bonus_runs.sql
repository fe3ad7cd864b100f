-- Performance-bonus runs: an allocation saved as a draft and, once
-- approved, locked. A year has at most one draft and at most one approved
-- run; the approved run is what is paid and what the next year compares to.
CREATE TABLE bonus_runs (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    pool_fen      INTEGER NOT NULL,
    cap_fen       INTEGER NOT NULL,
    welfare_floor REAL NOT NULL,
    w_workload       REAL NOT NULL,
    w_quality        REAL NOT NULL,
    w_efficiency     REAL NOT NULL,
    w_public_welfare REAL NOT NULL,
    w_satisfaction   REAL NOT NULL,
    drivers       TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    approved_by   TEXT NOT NULL DEFAULT '',
    approved_at   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX bonus_runs_one_per_status ON bonus_runs (year, status);

CREATE TABLE bonus_run_departments (
    run_id            INTEGER NOT NULL REFERENCES bonus_runs (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    dept_code         TEXT NOT NULL,
    dept_name         TEXT NOT NULL,
    dept_name_en      TEXT NOT NULL DEFAULT '',
    headcount         INTEGER NOT NULL,
    coefficient_milli INTEGER NOT NULL,
    s_workload        REAL NOT NULL,
    s_quality         REAL NOT NULL,
    s_efficiency      REAL NOT NULL,
    s_public_welfare  REAL NOT NULL,
    s_satisfaction    REAL NOT NULL,
    composite         REAL NOT NULL,
    bonus_fen         INTEGER NOT NULL,
    -- the department's bonus at a public-welfare weight of 0, for the comparison
    at_zero_fen       INTEGER NOT NULL,
    PRIMARY KEY (run_id, dept_code)
);

-- The second level: a department's amount split among its staff.
CREATE TABLE bonus_run_staff (
    run_id                 INTEGER NOT NULL REFERENCES bonus_runs (id) ON DELETE CASCADE,
    dept_code              TEXT NOT NULL,
    position               INTEGER NOT NULL,
    staff_no               TEXT NOT NULL DEFAULT '',
    name                   TEXT NOT NULL,
    post                   TEXT NOT NULL DEFAULT '',
    post_coefficient_milli INTEGER NOT NULL,
    attendance_days        INTEGER NOT NULL,
    work_days              INTEGER NOT NULL,
    amount_fen             INTEGER NOT NULL,
    PRIMARY KEY (run_id, dept_code, position)
);

-- Dimension scores entered by hand for a year, used instead of the
-- evaluation's (e.g. workload from the hospital's own workload accounting).
CREATE TABLE bonus_scores (
    year       INTEGER NOT NULL,
    dept_code  TEXT NOT NULL,
    dimension  TEXT NOT NULL,
    score      REAL NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (year, dept_code, dimension)
);
