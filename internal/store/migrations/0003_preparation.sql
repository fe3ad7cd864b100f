-- Budget preparation ("two ups, two downs"), projects with their performance
-- target tables, the monthly distribution of approved lines and adjustments
-- after approval. Amounts are INTEGER fen.

-- One preparation cycle per year. locked_at is set when the committee
-- approves the whole hospital's budget; from then on only adjustments change it.
CREATE TABLE prep_cycles (
    year      INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    locked_at TEXT,
    locked_by TEXT
);

-- Where each department stands. round is 1 before control figures are
-- issued and 2 after, so a returned proposal goes back to the right step.
CREATE TABLE prep_departments (
    year              INTEGER NOT NULL REFERENCES prep_cycles (year) ON DELETE CASCADE,
    department_id     INTEGER NOT NULL REFERENCES departments (id),
    state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'control_issued', 'revised', 'approved')),
    round             INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
    control_total_fen INTEGER,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    PRIMARY KEY (year, department_id)
);

-- A department's proposal: the first-up figure, the budget office's
-- control figure (first down) and the revised figure (second up).
CREATE TABLE prep_lines (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL,
    subject_code  TEXT NOT NULL REFERENCES subjects (code),
    proposal_fen  INTEGER NOT NULL DEFAULT 0,
    control_fen   INTEGER,
    revised_fen   INTEGER,
    note          TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (year, department_id) REFERENCES prep_departments (year, department_id) ON DELETE CASCADE,
    UNIQUE (year, department_id, subject_code)
);

-- Every transition: who, when, from which state to which, and the comment.
CREATE TABLE prep_transitions (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    action        TEXT NOT NULL,
    from_state    TEXT NOT NULL,
    to_state      TEXT NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    by            TEXT NOT NULL
);

CREATE INDEX prep_transitions_dept ON prep_transitions (year, department_id);

-- Project budgets (项目支出) with their performance target tables.
CREATE TABLE projects (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    department_id INTEGER NOT NULL REFERENCES departments (id),
    name          TEXT NOT NULL,
    type          TEXT NOT NULL CHECK (type IN ('equipment', 'it', 'public-health', 'construction', 'training', 'other')),
    subject_code  TEXT NOT NULL REFERENCES subjects (code),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen >= 0),
    start_year    INTEGER NOT NULL,
    end_year      INTEGER NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    CHECK (end_year >= start_year)
);

CREATE INDEX projects_year ON projects (year, department_id);

CREATE TABLE project_targets (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    category       TEXT NOT NULL CHECK (category IN ('quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainable', 'satisfaction')),
    indicator      TEXT NOT NULL,
    target         TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT '',
    direction      TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'equal', 'qualitative')),
    indicator_code TEXT NOT NULL DEFAULT ''
);

CREATE INDEX project_targets_project ON project_targets (project_id, position);

-- Monthly distribution of approved lines. A line without month rows is
-- spread evenly.
ALTER TABLE budget_lines ADD COLUMN split_method TEXT NOT NULL DEFAULT 'even' CHECK (split_method IN ('even', 'prior', 'manual'));

CREATE TABLE budget_line_months (
    budget_line_id INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
    month          INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount_fen     INTEGER NOT NULL,
    PRIMARY KEY (budget_line_id, month)
);

-- Adjustments after approval: a request with its lines, then a decision.
-- Approving one changes budget_lines in the same transaction; the
-- approved adjustments in number order are the budget's version history.
CREATE TABLE budget_adjustments (
    id               INTEGER PRIMARY KEY,
    year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    number           INTEGER NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected')),
    reason_category  TEXT NOT NULL,
    reason           TEXT NOT NULL,
    requested_at     TEXT NOT NULL,
    requested_by     TEXT NOT NULL,
    decided_at       TEXT,
    decided_by       TEXT,
    decision_comment TEXT NOT NULL DEFAULT '',
    UNIQUE (year, number)
);

CREATE TABLE budget_adjustment_lines (
    adjustment_id INTEGER NOT NULL REFERENCES budget_adjustments (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    subject_code  TEXT NOT NULL REFERENCES subjects (code),
    old_fen       INTEGER NOT NULL,
    new_fen       INTEGER NOT NULL,
    PRIMARY KEY (adjustment_id, department_id, subject_code)
);
