package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// LedgerLines returns the actual lines behind one figure: a department's
// subject from January through month, in date order, at most limit of
// them, and how many there are in all.
func (q Q) LedgerLines(ctx context.Context, year, throughMonth int, deptCode, subject string, limit int) ([]domain.Actual, int, error) {
	const where = ` FROM actuals a WHERE a.year = ? AND a.month <= ? AND a.subject_code = ?
		AND a.department_id = (SELECT id FROM departments WHERE code = ?)`
	args := []any{year, throughMonth, subject, deptCode}
	var n int
	if err := q.db.QueryRowContext(ctx, `SELECT count(*)`+where, args...).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("counting ledger lines: %w", err)
	}
	rows, err := q.db.QueryContext(ctx, `SELECT a.month, a.entry_date, a.voucher, a.summary, a.source, a.amount_fen`+where+
		` ORDER BY a.month, a.entry_date, a.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("reading ledger lines: %w", err)
	}
	defer rows.Close()
	var out []domain.Actual
	for rows.Next() {
		a := domain.Actual{Year: year, DeptCode: deptCode, SubjectCode: subject}
		var date sql.NullString
		var fen int64
		if err := rows.Scan(&a.Month, &date, &a.Voucher, &a.Summary, &a.Source, &fen); err != nil {
			return nil, 0, err
		}
		a.Date = parseDate(date.String)
		a.Amount = money.Amount(fen)
		out = append(out, a)
	}
	return out, n, rows.Err()
}

// parseDate reads a stored entry_date (YYYY-MM-DD); empty for summaries.
func parseDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
