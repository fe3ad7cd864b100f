package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

// Batch is one recorded import.
type Batch struct {
	ID          int64
	Kind        string // budget | actuals
	Year, Month int
	FileName    string
	Fingerprint string
	Lines       int
	Total       money.Amount
	ImportedAt  time.Time
	ImportedBy  string
}

// InsertBatch records an import and returns its id; run it in the import's transaction.
func (q Q) InsertBatch(ctx context.Context, by domain.Actor, b Batch) (int64, error) {
	res, err := q.db.ExecContext(ctx, `INSERT INTO import_batches (kind, year, month, file_name, fingerprint, lines, total_fen, imported_at, imported_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, b.Kind, b.Year, b.Month, b.FileName, b.Fingerprint, b.Lines, b.Total.Fen(), now(), by.Login)
	if err != nil {
		return 0, fmt.Errorf("recording the import of %s: %w", b.FileName, err)
	}
	return res.LastInsertId()
}

// BatchByFingerprint finds an earlier import of the same kind of the file
// with this fingerprint; ok is false when there is none.
func (q Q) BatchByFingerprint(ctx context.Context, kind, fingerprint string) (b Batch, ok bool, err error) {
	var at string
	var total int64
	err = q.db.QueryRowContext(ctx, `SELECT id, kind, year, month, file_name, fingerprint, lines, total_fen, imported_at, imported_by
		FROM import_batches WHERE kind = ? AND fingerprint = ? ORDER BY id DESC LIMIT 1`, kind, fingerprint).
		Scan(&b.ID, &b.Kind, &b.Year, &b.Month, &b.FileName, &b.Fingerprint, &b.Lines, &total, &at, &b.ImportedBy)
	if err == sql.ErrNoRows {
		return Batch{}, false, nil
	}
	if err != nil {
		return Batch{}, false, err
	}
	b.Total = money.Amount(total)
	b.ImportedAt, _ = time.Parse(time.RFC3339, at)
	return b, true, nil
}

// VoucherKey identifies a voucher: numbers restart every month in Chinese
// bookkeeping (记-0001 in March is not 记-0001 in April).
type VoucherKey struct {
	Month   int
	Voucher string
}

// ExistingVouchers returns which of the given vouchers already have actual
// lines in year, so a ledger that overlaps an earlier one is caught.
func (q Q) ExistingVouchers(ctx context.Context, year int, vouchers map[VoucherKey]bool) ([]VoucherKey, error) {
	if len(vouchers) == 0 {
		return nil, nil
	}
	rows, err := q.db.QueryContext(ctx, `SELECT DISTINCT month, voucher FROM actuals WHERE year = ? AND voucher <> ''`, year)
	if err != nil {
		return nil, fmt.Errorf("reading voucher numbers: %w", err)
	}
	defer rows.Close()
	var found []VoucherKey
	for rows.Next() {
		var k VoucherKey
		if err := rows.Scan(&k.Month, &k.Voucher); err != nil {
			return nil, err
		}
		if vouchers[k] {
			found = append(found, k)
		}
	}
	return found, rows.Err()
}
