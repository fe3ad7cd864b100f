package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BudgetExists reports whether year has an approved budget.
func (q Q) BudgetExists(ctx context.Context, year int) (bool, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM budgets WHERE year = ?`, year).Scan(&n)
	return n > 0, err
}

// BudgetSource is where year's approved budget came from: "preparation"
// (the committee's approval of the cycle), "import:FILE", "demo".
// IsNotFound when the year has no budget.
func (q Q) BudgetSource(ctx context.Context, year int) (string, error) {
	var s string
	err := q.db.QueryRowContext(ctx, `SELECT source FROM budgets WHERE year = ?`, year).Scan(&s)
	if err == sql.ErrNoRows {
		return "", errNotFound
	}
	return s, err
}

// BudgetYears lists the years that have an approved budget, newest first.
func (q Q) BudgetYears(ctx context.Context) ([]int, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT year FROM budgets ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var years []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		years = append(years, y)
	}
	return years, rows.Err()
}

// InsertBudget writes a year's approved budget with all its lines. Run it in
// a transaction: a budget lands whole or not at all.
func (q Q) InsertBudget(ctx context.Context, by domain.Actor, b domain.Budget) error {
	ids, err := q.departmentIDs(ctx)
	if err != nil {
		return err
	}
	approvedAt := b.ApprovedAt
	if approvedAt.IsZero() {
		approvedAt = time.Now()
	}
	approvedBy := b.ApprovedBy
	if approvedBy == "" {
		approvedBy = by.Login
	}
	var budgetID int64
	err = q.db.QueryRowContext(ctx, `INSERT INTO budgets (year, source, approved_at, approved_by, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, b.Year, b.Source, approvedAt.Format(time.RFC3339), approvedBy, now(), by.Login).Scan(&budgetID)
	if err != nil {
		return fmt.Errorf("saving the %d budget: %w", b.Year, err)
	}
	stmt, err := q.prepare(ctx, `INSERT INTO budget_lines (budget_id, department_id, subject_code, amount_fen, note) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, l := range b.Lines {
		id, ok := ids[l.DeptCode]
		if !ok {
			return fmt.Errorf("budget line for unknown department %q", l.DeptCode)
		}
		if _, err := stmt.ExecContext(ctx, budgetID, id, l.SubjectCode, l.Amount.Fen(), l.Note); err != nil {
			return fmt.Errorf("saving budget line %s/%s: %w", l.DeptCode, l.SubjectCode, err)
		}
	}
	return nil
}

// BudgetLines returns the approved lines of year ordered by department and subject.
func (q Q) BudgetLines(ctx context.Context, year int) ([]domain.BudgetLine, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT d.code, l.subject_code, l.amount_fen, l.note
		FROM budget_lines l JOIN budgets b ON b.id = l.budget_id JOIN departments d ON d.id = l.department_id
		WHERE b.year = ? ORDER BY d.code, l.subject_code`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d budget: %w", year, err)
	}
	defer rows.Close()
	var out []domain.BudgetLine
	for rows.Next() {
		var l domain.BudgetLine
		var fen int64
		if err := rows.Scan(&l.DeptCode, &l.SubjectCode, &fen, &l.Note); err != nil {
			return nil, err
		}
		l.Amount = money.Amount(fen)
		out = append(out, l)
	}
	return out, rows.Err()
}

// Total is a summed amount for one department and subject kind.
type Total struct {
	DeptCode string
	Kind     domain.SubjectKind
	Amount   money.Amount
}

// BudgetTotals sums year's approved budget per department and kind.
func (q Q) BudgetTotals(ctx context.Context, year int) ([]Total, error) {
	return q.totals(ctx, `SELECT d.code, s.kind, sum(l.amount_fen)
		FROM budget_lines l JOIN budgets b ON b.id = l.budget_id
		JOIN departments d ON d.id = l.department_id JOIN subjects s ON s.code = l.subject_code
		WHERE b.year = ? GROUP BY d.code, s.kind ORDER BY d.code, s.kind`, year)
}

func (q Q) totals(ctx context.Context, query string, args ...any) ([]Total, error) {
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("summing amounts: %w", err)
	}
	defer rows.Close()
	var out []Total
	for rows.Next() {
		var t Total
		var kind string
		var fen int64
		if err := rows.Scan(&t.DeptCode, &kind, &fen); err != nil {
			return nil, err
		}
		t.Kind = domain.SubjectKind(kind)
		t.Amount = money.Amount(fen)
		out = append(out, t)
	}
	return out, rows.Err()
}

// prepare works for both pools and transactions.
func (q Q) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	p, ok := q.db.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("cannot prepare statements on %T", q.db)
	}
	return p.PrepareContext(ctx, query)
}

// DeleteBudget removes year's approved budget, its lines and its
// adjustment history (which describes the budget being replaced); run it
// in the same transaction as the budget that replaces it.
func (q Q) DeleteBudget(ctx context.Context, year int) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM budget_adjustments WHERE year = ?`, year); err != nil {
		return fmt.Errorf("removing the %d adjustments: %w", year, err)
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM budget_lines WHERE budget_id IN (SELECT id FROM budgets WHERE year = ?)`, year); err != nil {
		return fmt.Errorf("removing the %d budget lines: %w", year, err)
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM budgets WHERE year = ?`, year); err != nil {
		return fmt.Errorf("removing the %d budget: %w", year, err)
	}
	return nil
}
