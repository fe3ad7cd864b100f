package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// InsertActuals writes actual amounts; run it in a transaction with whatever
// else belongs to the same import.
func (q Q) InsertActuals(ctx context.Context, by domain.Actor, lines []domain.Actual) error {
	return q.InsertActualsBatch(ctx, by, 0, slices.Values(lines))
}

// InsertActualsBatch writes actual amounts of import batch batchID (0: none)
// as they come, so a million-line ledger need not be copied first. It adds
// them to actual_months too, so it must run in a transaction: the summary
// is only right if it lands together with the lines.
func (q Q) InsertActualsBatch(ctx context.Context, by domain.Actor, batchID int64, lines iter.Seq[domain.Actual]) error {
	if !q.inTx() {
		return errors.New("store: actuals must be written in a transaction")
	}
	ids, err := q.departmentIDs(ctx)
	if err != nil {
		return err
	}
	// Many rows per statement: a ledger of a million lines is written in a
	// fraction of the time one statement per row takes.
	full, err := q.prepare(ctx, insertActualsSQL(actualsPerInsert))
	if err != nil {
		return err
	}
	defer full.Close()
	ts := now()
	var batch any
	if batchID > 0 {
		batch = batchID
	}
	args := make([]any, 0, actualsPerInsert*actualColumns)
	flush := func(rows int) error {
		if rows == 0 {
			return nil
		}
		var err error
		if rows == actualsPerInsert {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = q.db.ExecContext(ctx, insertActualsSQL(rows), args...)
		}
		args = args[:0]
		if err != nil {
			return fmt.Errorf("saving actuals: %w", err)
		}
		return nil
	}
	// The batch is summed in memory, at most departments × subjects × 12
	// keys however many the lines (84,000 for issue 5's hospital), and
	// added to actual_months once per key at the end.
	months := monthSums{}
	size := yearSizes{}
	rows := 0
	for a := range lines {
		id, ok := ids[a.DeptCode]
		if !ok {
			return fmt.Errorf("actual for unknown department %q", a.DeptCode)
		}
		if !months.add(monthKey{a.Year, id, a.SubjectCode, a.Month}, a.Amount.Fen()) || !size.add(a.Year, a.Amount.Fen()) {
			return actualsOverflow(a.Year)
		}
		var date any
		if !a.Date.IsZero() {
			date = a.Date.Format(time.DateOnly)
		}
		args = append(args, a.Year, a.Month, id, a.SubjectCode, a.Amount.Fen(), date, a.Voucher, a.Summary, a.Source, ts, by.Login, batch)
		if rows++; rows == actualsPerInsert {
			if err := flush(rows); err != nil {
				return err
			}
			rows = 0
		}
	}
	if err := flush(rows); err != nil {
		return err
	}
	if err := q.checkRoom(ctx, size); err != nil {
		return err
	}
	return q.addActualMonths(ctx, months)
}

// yearSizes is, per year, the sum of the magnitudes of amounts.
type yearSizes map[int]uint64

// add adds |fen| to year's size; false when it passes what int64 holds.
func (y yearSizes) add(year int, fen int64) bool {
	m := uint64(fen)
	if fen < 0 {
		m = -m
	}
	s := y[year] + m
	if s < m || s > math.MaxInt64 {
		return false
	}
	y[year] = s
	return true
}

// checkRoom refuses actuals that would take a year past what int64 fen
// holds, counting every amount by its magnitude. While the magnitudes of a
// year fit, no sum of its amounts can overflow — not the upsert into
// actual_months (where SQLite would turn the column into a float) and not
// any total read later — so the refusal comes here, before anything is
// stored, instead of as a scan error on the next read.
func (q Q) checkRoom(ctx context.Context, size yearSizes) error {
	for year, add := range size {
		var have int64
		err := q.db.QueryRowContext(ctx, `SELECT coalesce(sum(abs(amount_fen)), 0) FROM actual_months WHERE year = ?`, year).Scan(&have)
		if isOverflow(err) || err == nil && uint64(have)+add > math.MaxInt64 {
			return actualsOverflow(year)
		}
		if err != nil {
			return fmt.Errorf("summing the %d actuals: %w", year, err)
		}
	}
	return nil
}

const (
	actualColumns    = 12
	actualsPerInsert = 200 // 2,400 parameters, well under SQLite's limit
)

// insertActualsSQL is an INSERT of n rows.
func insertActualsSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO actuals (year, month, department_id, subject_code, amount_fen, entry_date, voucher, summary, source, created_at, created_by, batch_id) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?)")
	}
	return b.String()
}

// CountActuals counts actual lines of a year (all years when year is 0).
func (q Q) CountActuals(ctx context.Context, year int) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT coalesce(sum(lines), 0) FROM actual_months WHERE ? = 0 OR year = ?`, year, year).Scan(&n)
	return n, err
}

// LatestActualMonth is the last month of year that has actuals, 0 if none.
func (q Q) LatestActualMonth(ctx context.Context, year int) (int, error) {
	var m sql.NullInt64
	err := q.db.QueryRowContext(ctx, `SELECT max(month) FROM actual_months WHERE year = ?`, year).Scan(&m)
	return int(m.Int64), err
}

// ActualTotals sums actuals of year from January through month per
// department and kind.
func (q Q) ActualTotals(ctx context.Context, year, throughMonth int) ([]Total, error) {
	return q.totals(ctx, `SELECT d.code, s.kind, sum(a.amount_fen)
		FROM actual_months a JOIN departments d ON d.id = a.department_id JOIN subjects s ON s.code = a.subject_code
		WHERE a.year = ? AND a.month <= ? GROUP BY d.code, s.kind ORDER BY d.code, s.kind`, year, throughMonth)
}

// ActualSubjectTotals sums actuals of year through month per department and subject.
func (q Q) ActualSubjectTotals(ctx context.Context, year, throughMonth int) ([]domain.SubjectAmount, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT d.code, a.subject_code, sum(a.amount_fen)
		FROM actual_months a JOIN departments d ON d.id = a.department_id
		WHERE a.year = ? AND a.month <= ? GROUP BY d.code, a.subject_code ORDER BY d.code, a.subject_code`, year, throughMonth)
	if err != nil {
		return nil, fmt.Errorf("summing actuals: %w", err)
	}
	defer rows.Close()
	var out []domain.SubjectAmount
	for rows.Next() {
		var t domain.SubjectAmount
		var fen int64
		if err := rows.Scan(&t.DeptCode, &t.SubjectCode, &fen); err != nil {
			return nil, err
		}
		t.Amount = money.Amount(fen)
		out = append(out, t)
	}
	return out, rows.Err()
}

// SubjectMonth is a subject's actuals in one month of a year, all
// departments together.
type SubjectMonth struct {
	SubjectCode string
	Month       int
	Amount      money.Amount
}

// ActualSubjectMonths sums year's actuals per subject and month.
func (q Q) ActualSubjectMonths(ctx context.Context, year int) ([]SubjectMonth, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT subject_code, month, sum(amount_fen) FROM actual_months
		WHERE year = ? GROUP BY subject_code, month ORDER BY subject_code, month`, year)
	if err != nil {
		return nil, fmt.Errorf("summing actuals by month: %w", err)
	}
	defer rows.Close()
	var out []SubjectMonth
	for rows.Next() {
		var m SubjectMonth
		var fen int64
		if err := rows.Scan(&m.SubjectCode, &m.Month, &fen); err != nil {
			return nil, err
		}
		m.Amount = money.Amount(fen)
		out = append(out, m)
	}
	return out, rows.Err()
}
