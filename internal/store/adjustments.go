package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BudgetApproval says when and by whom year's budget was approved: version
// 1 of its history. IsNotFound when the year has no approved budget.
func (q Q) BudgetApproval(ctx context.Context, year int) (at time.Time, by string, err error) {
	var s string
	err = q.db.QueryRowContext(ctx, `SELECT approved_at, approved_by FROM budgets WHERE year = ?`, year).Scan(&s, &by)
	if err == sql.ErrNoRows {
		return at, by, errNotFound
	}
	return parseTime(s), by, err
}

// NextAdjustmentNumber is the number the year's next request gets.
func (q Q) NextAdjustmentNumber(ctx context.Context, year int) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT coalesce(max(number), 0) + 1 FROM budget_adjustments WHERE year = ?`, year).Scan(&n)
	return n, err
}

// CountAdjustments counts year's adjustments in state.
func (q Q) CountAdjustments(ctx context.Context, year int, state domain.AdjustmentState) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM budget_adjustments WHERE year = ? AND state = ?`, year, string(state)).Scan(&n)
	return n, err
}

// InsertAdjustment saves a request with its lines and returns its id. Run
// it in a transaction with the number it was given.
func (q Q) InsertAdjustment(ctx context.Context, by domain.Actor, a domain.Adjustment) (int64, error) {
	ids, err := q.departmentIDs(ctx)
	if err != nil {
		return 0, err
	}
	at := q.stamp()
	if !a.RequestedAt.IsZero() {
		at = a.RequestedAt.Format(time.RFC3339)
	}
	var id int64
	err = q.db.QueryRowContext(ctx, `INSERT INTO budget_adjustments (year, number, state, reason_category, reason, requested_at, requested_by)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, a.Year, a.Number, string(domain.AdjustmentRequested), string(a.ReasonCategory), a.Reason, at, by.Login).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("saving adjustment %d/%d: %w", a.Year, a.Number, err)
	}
	for _, l := range a.Lines {
		dept, ok := ids[l.DeptCode]
		if !ok {
			return 0, fmt.Errorf("adjustment line for unknown department %q", l.DeptCode)
		}
		if _, err := q.db.ExecContext(ctx, `INSERT INTO budget_adjustment_lines (adjustment_id, department_id, subject_code, old_fen, new_fen)
			VALUES (?, ?, ?, ?, ?)`, id, dept, l.SubjectCode, l.Old.Fen(), l.New.Fen()); err != nil {
			return 0, fmt.Errorf("saving adjustment line %s/%s: %w", l.DeptCode, l.SubjectCode, err)
		}
	}
	return id, nil
}

const adjustmentColumns = `id, year, number, state, reason_category, reason, requested_at, requested_by,
	coalesce(decided_at, ''), coalesce(decided_by, ''), decision_comment`

func scanAdjustment(sc interface{ Scan(...any) error }) (domain.Adjustment, error) {
	var a domain.Adjustment
	var state, category, requested, decided string
	err := sc.Scan(&a.ID, &a.Year, &a.Number, &state, &category, &a.Reason, &requested, &a.RequestedBy, &decided, &a.DecidedBy, &a.DecisionComment)
	a.State, a.ReasonCategory = domain.AdjustmentState(state), domain.ReasonCategory(category)
	a.RequestedAt, a.DecidedAt = parseTime(requested), parseTime(decided)
	return a, err
}

// Adjustments lists year's adjustments in number order with their lines.
func (q Q) Adjustments(ctx context.Context, year int) ([]domain.Adjustment, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+adjustmentColumns+` FROM budget_adjustments WHERE year = ? ORDER BY number`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d adjustments: %w", year, err)
	}
	var out []domain.Adjustment
	index := map[int64]int{}
	for rows.Next() {
		a, err := scanAdjustment(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	lrows, err := q.db.QueryContext(ctx, `SELECT l.adjustment_id, d.code, l.subject_code, l.old_fen, l.new_fen
		FROM budget_adjustment_lines l JOIN budget_adjustments a ON a.id = l.adjustment_id JOIN departments d ON d.id = l.department_id
		WHERE a.year = ? ORDER BY d.code, l.subject_code`, year)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var id int64
		l, err := scanAdjustmentLine(lrows, &id)
		if err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Lines = append(out[i].Lines, l)
		}
	}
	return out, lrows.Err()
}

// Adjustment reads one adjustment with its lines; IsNotFound when there is none.
func (q Q) Adjustment(ctx context.Context, id int64) (domain.Adjustment, error) {
	a, err := scanAdjustment(q.db.QueryRowContext(ctx, `SELECT `+adjustmentColumns+` FROM budget_adjustments WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return a, errNotFound
	}
	if err != nil {
		return a, err
	}
	rows, err := q.db.QueryContext(ctx, `SELECT l.adjustment_id, d.code, l.subject_code, l.old_fen, l.new_fen
		FROM budget_adjustment_lines l JOIN departments d ON d.id = l.department_id
		WHERE l.adjustment_id = ? ORDER BY d.code, l.subject_code`, id)
	if err != nil {
		return a, err
	}
	defer rows.Close()
	for rows.Next() {
		var aid int64
		l, err := scanAdjustmentLine(rows, &aid)
		if err != nil {
			return a, err
		}
		a.Lines = append(a.Lines, l)
	}
	return a, rows.Err()
}

func scanAdjustmentLine(rows *sql.Rows, id *int64) (domain.AdjustmentLine, error) {
	var l domain.AdjustmentLine
	var oldFen, newFen int64
	err := rows.Scan(id, &l.DeptCode, &l.SubjectCode, &oldFen, &newFen)
	l.Old, l.New = money.Amount(oldFen), money.Amount(newFen)
	return l, err
}

// DecideAdjustment records the decision on a request that is still
// waiting. It returns IsNotFound when the request is gone or was decided
// meanwhile, so that two people deciding at once cannot both succeed.
func (q Q) DecideAdjustment(ctx context.Context, by domain.Actor, id int64, state domain.AdjustmentState, comment string) error {
	res, err := q.db.ExecContext(ctx, `UPDATE budget_adjustments SET state = ?, decided_at = ?, decided_by = ?, decision_comment = ?
		WHERE id = ? AND state = ?`, string(state), q.stamp(), by.Login, comment, id, string(domain.AdjustmentRequested))
	if err != nil {
		return fmt.Errorf("recording the decision on adjustment %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return errNotFound
	}
	return nil
}

// SetBudgetLineAmount changes the amount of a line of year's approved
// budget, adding the line when the department and subject had none.
// created says which. Run it in a transaction with the adjustment.
func (q Q) SetBudgetLineAmount(ctx context.Context, year int, deptCode, subject string, amount money.Amount) (created bool, err error) {
	var budgetID, deptID int64
	if err := q.db.QueryRowContext(ctx, `SELECT id FROM budgets WHERE year = ?`, year).Scan(&budgetID); err != nil {
		if err == sql.ErrNoRows {
			return false, errNotFound
		}
		return false, err
	}
	if err := q.db.QueryRowContext(ctx, `SELECT id FROM departments WHERE code = ?`, deptCode).Scan(&deptID); err != nil {
		if err == sql.ErrNoRows {
			return false, errNotFound
		}
		return false, err
	}
	res, err := q.db.ExecContext(ctx, `UPDATE budget_lines SET amount_fen = ? WHERE budget_id = ? AND department_id = ? AND subject_code = ?`,
		amount.Fen(), budgetID, deptID, subject)
	if err != nil {
		return false, fmt.Errorf("changing budget line %s/%s: %w", deptCode, subject, err)
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return false, err
	}
	if _, err := q.db.ExecContext(ctx, `INSERT INTO budget_lines (budget_id, department_id, subject_code, amount_fen) VALUES (?, ?, ?, ?)`,
		budgetID, deptID, subject, amount.Fen()); err != nil {
		return false, fmt.Errorf("adding budget line %s/%s: %w", deptCode, subject, err)
	}
	return true, nil
}
