-- PostgreSQL form of ../0004_actual_months.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities;
-- references are DEFERRABLE, so a whole database can be copied in (transfer).
-- Actuals summed per year, department, subject and month. Month-end
-- monitoring reads these few thousand rows instead of grouping up to a
-- million ledger lines on every request. The store keeps the table in step
-- with actuals in the same transaction as every write to actuals; lines
-- counts the ledger lines behind a row, so that a row whose amounts cancel
-- out still says the month has actuals.

CREATE TABLE actual_months (
    year          BIGINT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    month         BIGINT NOT NULL CHECK (month BETWEEN 1 AND 12),
    department_id BIGINT NOT NULL REFERENCES departments (id) DEFERRABLE,
    subject_code  TEXT NOT NULL REFERENCES subjects (code) DEFERRABLE,
    amount_fen    BIGINT NOT NULL,
    lines         BIGINT NOT NULL CHECK (lines > 0),
    -- Department and subject before month: a line's twelve months lie
    -- together, which is how the monitor reads them.
    PRIMARY KEY (year, department_id, subject_code, month)
);

INSERT INTO actual_months (year, month, department_id, subject_code, amount_fen, lines)
SELECT year, month, department_id, subject_code, sum(amount_fen), count(*)
FROM actuals
GROUP BY year, month, department_id, subject_code;
