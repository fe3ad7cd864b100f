package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Batch is one recorded import.
type Batch struct {
	ID          int64
	Kind        string // budget | actuals
	Year, Month int
	FileName    string
	Fingerprint string
	// Summary marks an actuals summary (no dated lines); Content is the
	// fingerprint of its figures, which a re-saved copy shares.
	Summary    bool
	Content    string
	Lines      int
	Total      money.Amount
	ImportedAt time.Time
	ImportedBy string
}

// InsertBatch records an import and returns its id; run it in the import's
// transaction. The unique indexes on the fingerprints are the last guard
// against a file counted twice: hitting one means another import of the
// same file or figures committed first, which is said in words.
func (q Q) InsertBatch(ctx context.Context, by domain.Actor, b Batch) (int64, error) {
	var content any
	if b.Content != "" {
		content = b.Content
	}
	var id int64
	err := q.db.QueryRowContext(ctx, `INSERT INTO import_batches (kind, year, month, file_name, fingerprint, summary, content_fingerprint, lines, total_fen, imported_at, imported_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, b.Kind, b.Year, b.Month, b.FileName, b.Fingerprint, b.Summary, content, b.Lines, b.Total.Fen(), now(), by.Login).Scan(&id)
	if isUnique(err) {
		return 0, domain.NewProblem("import.lost_race",
			"Another import of the same figures for {{.Year}} was saved a moment before this one, so {{.File}} was not imported (it would have counted them twice). Check the imported actuals; nothing of this file was written.",
			"Year", b.Year, "File", b.FileName)
	}
	if err != nil {
		return 0, fmt.Errorf("recording the import of %s: %w", b.FileName, err)
	}
	return id, nil
}

const batchColumns = `id, kind, year, month, file_name, fingerprint, summary, coalesce(content_fingerprint, ''), lines, total_fen, imported_at, imported_by`

// scanBatch reads one row of batchColumns.
func scanBatch(sc interface{ Scan(...any) error }) (Batch, error) {
	var b Batch
	var at string
	var total int64
	if err := sc.Scan(&b.ID, &b.Kind, &b.Year, &b.Month, &b.FileName, &b.Fingerprint, &b.Summary, &b.Content, &b.Lines, &total, &at, &b.ImportedBy); err != nil {
		return Batch{}, err
	}
	b.Total = money.Amount(total)
	b.ImportedAt, _ = time.Parse(time.RFC3339, at)
	return b, nil
}

// BatchByFingerprint finds an earlier import of the same kind of the file
// with this fingerprint that is still in force (not replaced); ok is false
// when there is none.
func (q Q) BatchByFingerprint(ctx context.Context, kind, fingerprint string) (b Batch, ok bool, err error) {
	return q.batchWhere(ctx, `kind = ? AND fingerprint = ?`, kind, fingerprint)
}

// BatchByContent finds the actuals summary in force whose figures have
// this content fingerprint; ok is false when there is none.
func (q Q) BatchByContent(ctx context.Context, content string) (b Batch, ok bool, err error) {
	return q.batchWhere(ctx, `kind = 'actuals' AND content_fingerprint = ?`, content)
}

func (q Q) batchWhere(ctx context.Context, where string, args ...any) (Batch, bool, error) {
	b, err := scanBatch(q.db.QueryRowContext(ctx, `SELECT `+batchColumns+` FROM import_batches
		WHERE replaced_by IS NULL AND `+where+` ORDER BY id DESC LIMIT 1`, args...))
	if err == sql.ErrNoRows {
		return Batch{}, false, nil
	}
	if err != nil {
		return Batch{}, false, fmt.Errorf("looking up earlier imports: %w", err)
	}
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
