package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// An actuals summary gives one month's (or the year's) figure per
// department and subject. Importing a second summary of the same month
// would count it twice, so the importer asks what the month already has,
// and replaces it only when the user says so.

// SummaryKey is a department and subject that a summary in force has
// actuals for in a month, and the batch they came with.
type SummaryKey struct {
	DeptCode, SubjectCode string
	BatchID               int64
}

// activeSummaries selects the ids of the summary batches in force.
const activeSummaries = `SELECT id FROM import_batches WHERE kind = 'actuals' AND summary = 1 AND replaced_by IS NULL`

// activeLedgers selects the ids of the ledger batches in force.
const activeLedgers = `SELECT id FROM import_batches WHERE kind = 'actuals' AND summary = 0 AND replaced_by IS NULL`

// SummaryKeysInMonth lists the department and subject pairs that the
// summaries in force have actuals for in year's month, ordered.
func (q Q) SummaryKeysInMonth(ctx context.Context, year, month int) ([]SummaryKey, error) {
	return q.keysInMonth(ctx, activeSummaries, year, month)
}

// LedgerKeysInMonth lists the department and subject pairs that imported
// ledgers have lines for in year's month: a summary of the same pairs on
// top of them would count the month twice.
func (q Q) LedgerKeysInMonth(ctx context.Context, year, month int) ([]SummaryKey, error) {
	return q.keysInMonth(ctx, activeLedgers, year, month)
}

// YearSummaryKeys lists the department and subject pairs of the summaries
// in force that give the whole year's totals (imported without a month,
// booked in December): any month's figures of the same pair overlap them.
func (q Q) YearSummaryKeys(ctx context.Context, year int) ([]SummaryKey, error) {
	return q.keysInMonth(ctx, activeSummaries+` AND month = 0`, year, 12)
}

func (q Q) keysInMonth(ctx context.Context, batches string, year, month int) ([]SummaryKey, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT DISTINCT d.code, a.subject_code, a.batch_id
		FROM actuals a JOIN departments d ON d.id = a.department_id
		WHERE a.year = ? AND a.month = ? AND a.batch_id IN (`+batches+`)
		ORDER BY d.code, a.subject_code, a.batch_id`, year, month)
	if err != nil {
		return nil, fmt.Errorf("reading the %d/%d summary actuals: %w", year, month, err)
	}
	defer rows.Close()
	var out []SummaryKey
	for rows.Next() {
		var k SummaryKey
		if err := rows.Scan(&k.DeptCode, &k.SubjectCode, &k.BatchID); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// SummaryBatchesInMonth lists the summary batches in force that have
// actuals in year's month, oldest first.
func (q Q) SummaryBatchesInMonth(ctx context.Context, year, month int) ([]Batch, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+batchColumns+` FROM import_batches
		WHERE id IN (SELECT DISTINCT batch_id FROM actuals WHERE year = ? AND month = ? AND batch_id IN (`+activeSummaries+`))
		ORDER BY id`, year, month)
	if err != nil {
		return nil, fmt.Errorf("reading the %d/%d summary imports: %w", year, month, err)
	}
	defer rows.Close()
	var out []Batch
	for rows.Next() {
		b, err := scanBatch(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// ReplaceSummaryMonth removes the actuals that summary batches ids hold
// in year's month and marks the batches replaced by batch by. Run it in the
// transaction that writes the replacing summary: the month's totals in
// actual_months are summed again from the lines that remain.
func (q Q) ReplaceSummaryMonth(ctx context.Context, year, month int, ids []int64, by int64) error {
	if len(ids) == 0 {
		return nil
	}
	if !q.inTx() {
		return errors.New("store: a month's summary must be replaced in a transaction")
	}
	in := "?" + strings.Repeat(",?", len(ids)-1)
	args := make([]any, 0, len(ids)+2)
	args = append(args, year, month)
	for _, id := range ids {
		args = append(args, id)
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM actuals WHERE year = ? AND month = ? AND batch_id IN (`+in+`)`, args...); err != nil {
		return fmt.Errorf("removing the replaced %d/%d summary: %w", year, month, err)
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM actual_months WHERE year = ? AND month = ?`, year, month); err != nil {
		return fmt.Errorf("summing the %d/%d actuals again: %w", year, month, err)
	}
	// The lines left summed again; they fitted before, so the sum fits.
	if _, err := q.db.ExecContext(ctx, `INSERT INTO actual_months (year, month, department_id, subject_code, amount_fen, lines)
		SELECT year, month, department_id, subject_code, sum(amount_fen), count(*) FROM actuals
		WHERE year = ? AND month = ? GROUP BY year, month, department_id, subject_code`, year, month); err != nil {
		return fmt.Errorf("summing the %d/%d actuals again: %w", year, month, err)
	}
	args = append(args[:0], by)
	for _, id := range ids {
		args = append(args, id)
	}
	if _, err := q.db.ExecContext(ctx, `UPDATE import_batches SET replaced_by = ? WHERE id IN (`+in+`)`, args...); err != nil {
		return fmt.Errorf("marking the replaced %d/%d summary: %w", year, month, err)
	}
	return nil
}
