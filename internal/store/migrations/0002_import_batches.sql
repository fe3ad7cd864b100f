-- Every import is recorded as a batch: which file (by its SHA-256
-- fingerprint), who, when, how many lines and how much. Actuals point to
-- their batch so that the same ledger is not imported twice.

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('budget', 'actuals')),
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    month       INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
    file_name   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    lines       INTEGER NOT NULL,
    total_fen   INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

-- A budget file may be imported again with --replace; an actuals file only once.
CREATE UNIQUE INDEX import_batches_actuals_file ON import_batches (fingerprint) WHERE kind = 'actuals';

ALTER TABLE actuals ADD COLUMN batch_id INTEGER REFERENCES import_batches (id);

CREATE INDEX actuals_voucher ON actuals (year, voucher) WHERE voucher <> '';
