-- Indicator library, evaluation runs, national-assessment values and the
-- budget suggestions that evaluation results make for the next year.

-- A scheme is a three-level indicator system; its nodes are stored flat,
-- each pointing to its parent by code.
CREATE TABLE indicator_schemes (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    name_en    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL CHECK (kind IN ('project', 'department')),
    total      REAL NOT NULL,
    origin     TEXT NOT NULL DEFAULT '',
    builtin    INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE indicator_nodes (
    id             INTEGER PRIMARY KEY,
    scheme_id      INTEGER NOT NULL REFERENCES indicator_schemes (id) ON DELETE CASCADE,
    code           TEXT NOT NULL,
    parent_code    TEXT NOT NULL DEFAULT '',
    level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    points         REAL NOT NULL,
    unit           TEXT NOT NULL DEFAULT '',
    direction      TEXT NOT NULL DEFAULT '',
    rule           TEXT NOT NULL DEFAULT '',
    target         REAL NOT NULL DEFAULT 0,
    low            REAL NOT NULL DEFAULT 0,
    high           REAL NOT NULL DEFAULT 0,
    deduct_per     REAL NOT NULL DEFAULT 0,
    source         TEXT NOT NULL DEFAULT '',
    perspective    TEXT NOT NULL DEFAULT '',
    bonus          TEXT NOT NULL DEFAULT '',
    public_welfare INTEGER NOT NULL DEFAULT 0,
    revenue_linked INTEGER NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, code)
);

-- One evaluation of a unit (a department by code, a project by id) for a
-- year against a scheme. Finalised evaluations are locked.
CREATE TABLE evaluations (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    unit_kind    TEXT NOT NULL CHECK (unit_kind IN ('department', 'project')),
    unit_code    TEXT NOT NULL,
    scheme_id    INTEGER NOT NULL REFERENCES indicator_schemes (id),
    state        TEXT NOT NULL CHECK (state IN ('open', 'finalised')),
    score        REAL,
    grade        TEXT,
    finalised_at TEXT,
    finalised_by TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    UNIQUE (year, unit_kind, unit_code)
);

-- An indicator's actual value in an evaluation, with the reason for a
-- deviation and the corrective measure when it falls short.
CREATE TABLE evaluation_values (
    evaluation_id  INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    actual         TEXT NOT NULL DEFAULT '',
    occurrences    INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    PRIMARY KEY (evaluation_id, indicator_code)
);

-- The hospital's national assessment values as kept in its fill-in
-- workbook: per year and indicator, with numerator and denominator.
CREATE TABLE assessment_values (
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    assessment  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       REAL,
    numerator   REAL,
    denominator REAL,
    source      TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    PRIMARY KEY (year, assessment, seq)
);

-- Result application: a finalised evaluation suggests a change to the
-- unit's next-year budget, which the budget office accepts or overrides.
CREATE TABLE budget_suggestions (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    unit_kind     TEXT NOT NULL CHECK (unit_kind IN ('department', 'project')),
    unit_code     TEXT NOT NULL,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    grade         TEXT NOT NULL,
    base_fen      INTEGER NOT NULL,
    change_bp     INTEGER NOT NULL,
    suggested_fen INTEGER NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'overridden')),
    decided_fen   INTEGER,
    reason        TEXT NOT NULL DEFAULT '',
    decided_at    TEXT,
    decided_by    TEXT,
    UNIQUE (year, unit_kind, unit_code)
);
