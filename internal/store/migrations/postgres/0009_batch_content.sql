-- PostgreSQL form of ../0009_batch_content.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities;
-- references are DEFERRABLE, so a whole database can be copied in (transfer).
-- Issue 15: a summary workbook opened and saved again in a spreadsheet
-- program has new bytes but the same figures, so the file fingerprint alone
-- does not recognise it. Summaries are now also recognised by a fingerprint
-- of their content (year, month, department, subject, amount of every line),
-- and a month's summary can be replaced on purpose: the replaced batch keeps
-- its record, marked with the batch that replaced it.

ALTER TABLE import_batches ADD COLUMN summary BIGINT NOT NULL DEFAULT 0 CHECK (summary IN (0, 1));
ALTER TABLE import_batches ADD COLUMN content_fingerprint TEXT;
ALTER TABLE import_batches ADD COLUMN replaced_by BIGINT REFERENCES import_batches (id) DEFERRABLE;

-- Earlier actuals batches without a dated or numbered line were summaries.
-- One pass over the lines, however many batches there are.
UPDATE import_batches SET summary = 1
WHERE kind = 'actuals' AND id NOT IN (
    SELECT DISTINCT batch_id FROM actuals
    WHERE batch_id IS NOT NULL AND (entry_date IS NOT NULL OR voucher <> ''));

-- A replaced file may come back (replacing its replacement); one that is in
-- force may not come twice, whatever its name or bytes.
DROP INDEX import_batches_actuals_file;
CREATE UNIQUE INDEX import_batches_actuals_file ON import_batches (fingerprint)
    WHERE kind = 'actuals' AND replaced_by IS NULL;
CREATE UNIQUE INDEX import_batches_actuals_content ON import_batches (content_fingerprint)
    WHERE kind = 'actuals' AND replaced_by IS NULL AND content_fingerprint IS NOT NULL;
