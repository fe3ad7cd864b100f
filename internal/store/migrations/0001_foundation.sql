-- Foundation schema: departments, the subject catalogue, approved budgets,
-- actuals and settings. Amounts are INTEGER fen. Later features add tables
-- in new numbered files; this file is never edited once released.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE departments (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    name_en           TEXT NOT NULL DEFAULT '',
    type              TEXT NOT NULL CHECK (type IN ('clinical', 'medical-technical', 'public-health', 'administrative', 'logistics')),
    headcount         INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),
    coefficient_milli INTEGER NOT NULL DEFAULT 1000 CHECK (coefficient_milli > 0),
    builtin           INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);

INSERT INTO departments (code, name, name_en, type, headcount, coefficient_milli, builtin, created_at, created_by, updated_at, updated_by)
VALUES ('000', '全院', 'Hospital-wide', 'administrative', 0, 1000, 1, '1970-01-01T00:00:00Z', 'system', '1970-01-01T00:00:00Z', 'system');

CREATE TABLE subjects (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    parent_code TEXT REFERENCES subjects (code),
    kind        TEXT NOT NULL CHECK (kind IN ('revenue', 'expenditure')),
    origin      TEXT NOT NULL
);

CREATE INDEX subjects_parent ON subjects (parent_code);

CREATE TABLE budgets (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    source      TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);

CREATE TABLE budget_lines (
    id            INTEGER PRIMARY KEY,
    budget_id     INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    subject_code  TEXT NOT NULL REFERENCES subjects (code),
    amount_fen    INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (budget_id, department_id, subject_code)
);

CREATE INDEX budget_lines_department ON budget_lines (department_id);

CREATE TABLE actuals (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    department_id INTEGER NOT NULL REFERENCES departments (id),
    subject_code  TEXT NOT NULL REFERENCES subjects (code),
    amount_fen    INTEGER NOT NULL,
    entry_date    TEXT,
    voucher       TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);

CREATE INDEX actuals_period ON actuals (year, month);
CREATE INDEX actuals_department ON actuals (department_id, year);
