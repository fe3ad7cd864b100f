package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// LineKey names a budget line of a year by department and subject.
type LineKey struct{ DeptCode, SubjectCode string }

// PlanLine is an approved budget line with its monthly split as stored.
type PlanLine struct {
	DeptCode, DeptName, DeptNameEn          string
	SubjectCode, SubjectName, SubjectNameEn string
	Kind                                    domain.SubjectKind
	Amount                                  money.Amount
	Method                                  domain.SplitMethod
	// Months holds the stored month rows; HasMonths is false when the line
	// has none, which means it is spread evenly.
	Months    domain.Months
	HasMonths bool
}

const planLineSelect = `SELECT l.id, d.code, d.name, d.name_en, l.subject_code, s.name, s.name_en, s.kind, l.amount_fen, l.split_method
	FROM budget_lines l JOIN budgets b ON b.id = l.budget_id
	JOIN departments d ON d.id = l.department_id JOIN subjects s ON s.code = l.subject_code`

// PlanLines returns year's approved lines with their monthly split,
// ordered by department and subject.
func (q Q) PlanLines(ctx context.Context, year int) ([]PlanLine, error) {
	// Sized first: growing a slice of these large structs line by line
	// cost a fifth of the read for a budget of 7,000 lines.
	var n int
	if err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM budget_lines l JOIN budgets b ON b.id = l.budget_id
		WHERE b.year = ?`, year).Scan(&n); err != nil {
		return nil, fmt.Errorf("reading the %d monthly plan: %w", year, err)
	}
	rows, err := q.db.QueryContext(ctx, planLineSelect+` WHERE b.year = ? ORDER BY d.code, l.subject_code`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d monthly plan: %w", year, err)
	}
	out := make([]PlanLine, 0, n)
	index := make(map[int64]int, n)
	for rows.Next() {
		id, l, err := scanPlanLine(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[id] = len(out)
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	mrows, err := q.db.QueryContext(ctx, `SELECT m.budget_line_id, m.month, m.amount_fen
		FROM budget_line_months m JOIN budget_lines l ON l.id = m.budget_line_id JOIN budgets b ON b.id = l.budget_id
		WHERE b.year = ?`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d month rows: %w", year, err)
	}
	defer mrows.Close()
	for mrows.Next() {
		var id, fen int64
		var month int
		if err := mrows.Scan(&id, &month, &fen); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok && month >= 1 && month <= 12 {
			out[i].Months[month-1] = money.Amount(fen)
			out[i].HasMonths = true
		}
	}
	return out, mrows.Err()
}

// PlanLine returns one line of year's approved budget; IsNotFound when the
// budget has no such line.
func (q Q) PlanLine(ctx context.Context, year int, deptCode, subject string) (PlanLine, error) {
	id, l, err := scanPlanLine(q.db.QueryRowContext(ctx, planLineSelect+` WHERE b.year = ? AND d.code = ? AND l.subject_code = ?`, year, deptCode, subject))
	if err == sql.ErrNoRows {
		return l, errNotFound
	}
	if err != nil {
		return l, err
	}
	rows, err := q.db.QueryContext(ctx, `SELECT month, amount_fen FROM budget_line_months WHERE budget_line_id = ?`, id)
	if err != nil {
		return l, err
	}
	defer rows.Close()
	for rows.Next() {
		var month int
		var fen int64
		if err := rows.Scan(&month, &fen); err != nil {
			return l, err
		}
		if month >= 1 && month <= 12 {
			l.Months[month-1] = money.Amount(fen)
			l.HasMonths = true
		}
	}
	return l, rows.Err()
}

func scanPlanLine(sc interface{ Scan(...any) error }) (int64, PlanLine, error) {
	var l PlanLine
	var id, fen int64
	var kind, method string
	err := sc.Scan(&id, &l.DeptCode, &l.DeptName, &l.DeptNameEn, &l.SubjectCode, &l.SubjectName, &l.SubjectNameEn, &kind, &fen, &method)
	l.Kind, l.Amount, l.Method = domain.SubjectKind(kind), money.Amount(fen), domain.SplitMethod(method)
	return id, l, err
}

// SaveSplit records how a line of year is distributed. months nil stores
// no month rows, which is how an even split is kept: it then follows the
// line's amount whatever changes it. Run it in a transaction.
func (q Q) SaveSplit(ctx context.Context, year int, deptCode, subject string, method domain.SplitMethod, months *domain.Months) error {
	var id int64
	err := q.db.QueryRowContext(ctx, `SELECT l.id FROM budget_lines l JOIN budgets b ON b.id = l.budget_id
		JOIN departments d ON d.id = l.department_id WHERE b.year = ? AND d.code = ? AND l.subject_code = ?`, year, deptCode, subject).Scan(&id)
	if err == sql.ErrNoRows {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if _, err := q.db.ExecContext(ctx, `UPDATE budget_lines SET split_method = ? WHERE id = ?`, string(method), id); err != nil {
		return fmt.Errorf("saving the split of %s/%s: %w", deptCode, subject, err)
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM budget_line_months WHERE budget_line_id = ?`, id); err != nil {
		return err
	}
	if months == nil {
		return nil
	}
	args := make([]any, 0, 36)
	for m, a := range months {
		args = append(args, id, m+1, a.Fen())
	}
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", 12), ", ")
	if _, err := q.db.ExecContext(ctx, `INSERT INTO budget_line_months (budget_line_id, month, amount_fen) VALUES `+values, args...); err != nil {
		return fmt.Errorf("saving the months of %s/%s: %w", deptCode, subject, err)
	}
	return nil
}

// ResetSplits makes every line of year an even split.
func (q Q) ResetSplits(ctx context.Context, year int) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM budget_line_months WHERE budget_line_id IN
		(SELECT l.id FROM budget_lines l JOIN budgets b ON b.id = l.budget_id WHERE b.year = ?)`, year); err != nil {
		return fmt.Errorf("resetting the %d monthly plan: %w", year, err)
	}
	_, err := q.db.ExecContext(ctx, `UPDATE budget_lines SET split_method = 'even'
		WHERE budget_id IN (SELECT id FROM budgets WHERE year = ?)`, year)
	return err
}

// MonthlyActuals sums year's actuals per department, subject and month:
// the seasonal pattern a prior-year split follows, and what the month-end
// monitor compares with the plan. It reads the sums kept in actual_months,
// not the ledger lines, one row per department and subject with the twelve
// months as columns: a twelfth of the rows to step through and scan, which
// is most of the cost of a read in pure-Go SQLite.
func (q Q) MonthlyActuals(ctx context.Context, year int) (map[LineKey]domain.Months, error) {
	// Department codes are joined in Go: joining in SQL would cost the
	// GROUP BY its walk along the primary key, and a sort instead.
	codes, err := q.departmentCodes(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := q.db.QueryContext(ctx, `SELECT department_id, subject_code, `+monthColumnsSQL+`
		FROM actual_months WHERE year = ? GROUP BY department_id, subject_code`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d monthly actuals: %w", year, err)
	}
	defer rows.Close()
	out := map[LineKey]domain.Months{}
	var deptID int64
	var subject string
	var fen [12]int64
	dst := []any{&deptID, &subject}
	for i := range fen {
		dst = append(dst, &fen[i])
	}
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		var m domain.Months
		for i, f := range fen {
			m[i] = money.Amount(f)
		}
		out[LineKey{DeptCode: codes[deptID], SubjectCode: subject}] = m
	}
	return out, rows.Err()
}

// MonthlyActualsOf is MonthlyActuals for one department and subject.
func (q Q) MonthlyActualsOf(ctx context.Context, year int, deptCode, subject string) (domain.Months, error) {
	var out domain.Months
	rows, err := q.db.QueryContext(ctx, `SELECT a.month, a.amount_fen
		FROM actual_months a JOIN departments d ON d.id = a.department_id
		WHERE a.year = ? AND d.code = ? AND a.subject_code = ?`, year, deptCode, subject)
	if err != nil {
		return out, fmt.Errorf("reading the %d monthly actuals of %s/%s: %w", year, deptCode, subject, err)
	}
	defer rows.Close()
	for rows.Next() {
		var month int
		var fen int64
		if err := rows.Scan(&month, &fen); err != nil {
			return out, err
		}
		if month >= 1 && month <= 12 {
			out[month-1] = money.Amount(fen)
		}
	}
	return out, rows.Err()
}

// MonthAmount is the hospital's actuals of one kind in one month.
type MonthAmount struct {
	Month  int
	Kind   domain.SubjectKind
	Amount money.Amount
}

// MonthlyActualTotals sums year's actuals per month and kind, ordered by
// month then kind: the hospital's cumulative actual curve.
func (q Q) MonthlyActualTotals(ctx context.Context, year int) ([]MonthAmount, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT a.month, s.kind, sum(a.amount_fen)
		FROM actual_months a JOIN subjects s ON s.code = a.subject_code
		WHERE a.year = ? GROUP BY a.month, s.kind ORDER BY a.month, s.kind`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d monthly actual totals: %w", year, err)
	}
	defer rows.Close()
	var out []MonthAmount
	for rows.Next() {
		var m MonthAmount
		var kind string
		var fen int64
		if err := rows.Scan(&m.Month, &kind, &fen); err != nil {
			return nil, err
		}
		m.Kind, m.Amount = domain.SubjectKind(kind), money.Amount(fen)
		out = append(out, m)
	}
	return out, rows.Err()
}
