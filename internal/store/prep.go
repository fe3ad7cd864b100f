package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Cycle reads year's preparation cycle; ok is false when none was opened.
func (q Q) Cycle(ctx context.Context, year int) (c domain.Cycle, ok bool, err error) {
	var opened string
	var locked, lockedBy sql.NullString
	err = q.db.QueryRowContext(ctx, `SELECT year, opened_at, opened_by, locked_at, locked_by FROM prep_cycles WHERE year = ?`, year).
		Scan(&c.Year, &opened, &c.OpenedBy, &locked, &lockedBy)
	if err == sql.ErrNoRows {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("reading the %d preparation cycle: %w", year, err)
	}
	c.OpenedAt = parseTime(opened)
	c.LockedAt = parseTime(locked.String)
	c.LockedBy = lockedBy.String
	return c, true, nil
}

// InsertCycle opens year's cycle.
func (q Q) InsertCycle(ctx context.Context, by domain.Actor, year int) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO prep_cycles (year, opened_at, opened_by) VALUES (?, ?, ?)`, year, q.stamp(), by.Login)
	if err != nil {
		return fmt.Errorf("opening the %d preparation cycle: %w", year, err)
	}
	return nil
}

// LockCycle records the committee's approval of the whole hospital budget.
func (q Q) LockCycle(ctx context.Context, by domain.Actor, year int) error {
	_, err := q.db.ExecContext(ctx, `UPDATE prep_cycles SET locked_at = ?, locked_by = ? WHERE year = ?`, q.stamp(), by.Login, year)
	return err
}

// InsertDeptPrep enters a department into year's cycle as a draft.
func (q Q) InsertDeptPrep(ctx context.Context, by domain.Actor, year int, deptCode string) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO prep_departments (year, department_id, state, round, updated_at, updated_by)
		SELECT ?, id, 'draft', 1, ?, ? FROM departments WHERE code = ?`, year, q.stamp(), by.Login, deptCode)
	if err != nil {
		return fmt.Errorf("adding department %s to the %d cycle: %w", deptCode, year, err)
	}
	return nil
}

const deptPrepSelect = `SELECT d.code, d.name, d.name_en, p.state, p.round, p.control_total_fen, p.updated_at, p.updated_by, p.version
	FROM prep_departments p JOIN departments d ON d.id = p.department_id`

func scanDeptPrep(sc interface{ Scan(...any) error }) (domain.DeptPrep, error) {
	var p domain.DeptPrep
	var state, at string
	var control sql.NullInt64
	if err := sc.Scan(&p.DeptCode, &p.DeptName, &p.DeptNameEn, &state, &p.Round, &control, &at, &p.UpdatedBy, &p.Version); err != nil {
		return p, err
	}
	p.State = domain.PrepState(state)
	p.ControlTotal = nullAmount(control)
	p.UpdatedAt = parseTime(at)
	return p, nil
}

// DeptPreps lists the departments of year's cycle in code order.
func (q Q) DeptPreps(ctx context.Context, year int) ([]domain.DeptPrep, error) {
	rows, err := q.db.QueryContext(ctx, deptPrepSelect+` WHERE p.year = ? ORDER BY d.code`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d cycle: %w", year, err)
	}
	defer rows.Close()
	var out []domain.DeptPrep
	for rows.Next() {
		p, err := scanDeptPrep(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeptPrep reads one department's place in year's cycle; IsNotFound when
// the department does not take part.
func (q Q) DeptPrep(ctx context.Context, year int, deptCode string) (domain.DeptPrep, error) {
	p, err := scanDeptPrep(q.db.QueryRowContext(ctx, deptPrepSelect+` WHERE p.year = ? AND d.code = ?`, year, deptCode))
	if err == sql.ErrNoRows {
		return p, errNotFound
	}
	return p, err
}

// SetDeptPosition moves a department to a new state and round.
func (q Q) SetDeptPosition(ctx context.Context, by domain.Actor, year int, deptCode string, pos domain.PrepPosition) error {
	_, err := q.db.ExecContext(ctx, `UPDATE prep_departments SET state = ?, round = ?, updated_at = ?, updated_by = ?, version = version + 1
		WHERE year = ? AND department_id = (SELECT id FROM departments WHERE code = ?)`,
		string(pos.State), pos.Round, q.stamp(), by.Login, year, deptCode)
	return err
}

// SetControlTotal sets (or with nil clears) a department's expenditure control total.
func (q Q) SetControlTotal(ctx context.Context, by domain.Actor, year int, deptCode string, total *money.Amount) error {
	_, err := q.db.ExecContext(ctx, `UPDATE prep_departments SET control_total_fen = ?, updated_at = ?, updated_by = ?, version = version + 1
		WHERE year = ? AND department_id = (SELECT id FROM departments WHERE code = ?)`,
		amountOrNull(total), q.stamp(), by.Login, year, deptCode)
	return err
}

// DeptPrepLine is a proposal line with its department.
type DeptPrepLine struct {
	DeptCode string
	domain.PrepLine
}

// PrepLines returns the proposal lines of year, of one department when
// deptCode is not empty, ordered by department and subject.
func (q Q) PrepLines(ctx context.Context, year int, deptCode string) ([]DeptPrepLine, error) {
	query := `SELECT d.code, l.subject_code, l.proposal_fen, l.control_fen, l.revised_fen, l.note
		FROM prep_lines l JOIN departments d ON d.id = l.department_id WHERE l.year = ?`
	args := []any{year}
	if deptCode != "" {
		query += ` AND d.code = ?`
		args = append(args, deptCode)
	}
	rows, err := q.db.QueryContext(ctx, query+` ORDER BY d.code, l.subject_code`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the %d proposals: %w", year, err)
	}
	defer rows.Close()
	var out []DeptPrepLine
	for rows.Next() {
		var l DeptPrepLine
		var proposal int64
		var control, revised sql.NullInt64
		if err := rows.Scan(&l.DeptCode, &l.SubjectCode, &proposal, &control, &revised, &l.Note); err != nil {
			return nil, err
		}
		l.Proposal = money.Amount(proposal)
		l.Control = nullAmount(control)
		l.Revised = nullAmount(revised)
		out = append(out, l)
	}
	return out, rows.Err()
}

// SavePrepLine inserts or replaces one proposal line.
func (q Q) SavePrepLine(ctx context.Context, year int, deptCode string, l domain.PrepLine) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO prep_lines (year, department_id, subject_code, proposal_fen, control_fen, revised_fen, note)
		SELECT ?, id, ?, ?, ?, ?, ? FROM departments WHERE code = ?
		ON CONFLICT (year, department_id, subject_code) DO UPDATE SET proposal_fen = excluded.proposal_fen,
			control_fen = excluded.control_fen, revised_fen = excluded.revised_fen, note = excluded.note`,
		year, l.SubjectCode, l.Proposal.Fen(), amountOrNull(l.Control), amountOrNull(l.Revised), l.Note, deptCode)
	if err != nil {
		return fmt.Errorf("saving proposal line %s/%s: %w", deptCode, l.SubjectCode, err)
	}
	return nil
}

// DeletePrepLine removes one subject from a department's proposal.
func (q Q) DeletePrepLine(ctx context.Context, year int, deptCode, subject string) error {
	_, err := q.db.ExecContext(ctx, `DELETE FROM prep_lines WHERE year = ? AND subject_code = ?
		AND department_id = (SELECT id FROM departments WHERE code = ?)`, year, subject, deptCode)
	return err
}

// InsertTransition records one step of the cycle.
func (q Q) InsertTransition(ctx context.Context, by domain.Actor, year int, t domain.Transition) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO prep_transitions (year, department_id, action, from_state, to_state, comment, at, by)
		SELECT ?, id, ?, ?, ?, ?, ?, ? FROM departments WHERE code = ?`,
		year, string(t.Action), string(t.From), string(t.To), t.Comment, q.stamp(), by.Login, t.DeptCode)
	if err != nil {
		return fmt.Errorf("recording the %s step: %w", t.Action, err)
	}
	return nil
}

// Transitions lists the recorded steps of year, of one department when
// deptCode is not empty, oldest first.
func (q Q) Transitions(ctx context.Context, year int, deptCode string) ([]domain.Transition, error) {
	query := `SELECT d.code, t.action, t.from_state, t.to_state, t.comment, t.at, t.by
		FROM prep_transitions t JOIN departments d ON d.id = t.department_id WHERE t.year = ?`
	args := []any{year}
	if deptCode != "" {
		query += ` AND d.code = ?`
		args = append(args, deptCode)
	}
	rows, err := q.db.QueryContext(ctx, query+` ORDER BY t.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the %d cycle history: %w", year, err)
	}
	defer rows.Close()
	var out []domain.Transition
	for rows.Next() {
		var t domain.Transition
		var action, from, to, at string
		if err := rows.Scan(&t.DeptCode, &action, &from, &to, &t.Comment, &at, &t.By); err != nil {
			return nil, err
		}
		t.Action, t.From, t.To = domain.PrepAction(action), domain.PrepState(from), domain.PrepState(to)
		t.At = parseTime(at)
		out = append(out, t)
	}
	return out, rows.Err()
}

func nullAmount(v sql.NullInt64) *money.Amount {
	if !v.Valid {
		return nil
	}
	a := money.Amount(v.Int64)
	return &a
}

func amountOrNull(a *money.Amount) any {
	if a == nil {
		return nil
	}
	return a.Fen()
}

// parseTime reads a stored *_at column; an empty or foreign value is zero.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// BudgetApprovedAt is when year's approved budget was approved.
func (q Q) BudgetApprovedAt(ctx context.Context, year int) (time.Time, error) {
	var at string
	err := q.db.QueryRowContext(ctx, `SELECT approved_at FROM budgets WHERE year = ?`, year).Scan(&at)
	return parseTime(at), err
}

// CycleContents counts what year's preparation cycle holds.
type CycleContents struct {
	Departments, Lines, Projects, Transitions int
}

// CycleContents counts the departments, proposal lines, projects and
// recorded steps of year's cycle.
func (q Q) CycleContents(ctx context.Context, year int) (CycleContents, error) {
	var c CycleContents
	err := q.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM prep_departments WHERE year = ?),
		(SELECT COUNT(*) FROM prep_lines WHERE year = ?),
		(SELECT COUNT(*) FROM projects WHERE year = ?),
		(SELECT COUNT(*) FROM prep_transitions WHERE year = ?)`, year, year, year, year).
		Scan(&c.Departments, &c.Lines, &c.Projects, &c.Transitions)
	if err != nil {
		return c, fmt.Errorf("counting the %d preparation cycle: %w", year, err)
	}
	return c, nil
}

// DeleteCycle removes year's preparation cycle and everything it holds:
// the departments' proposal lines with their control and revised
// figures, the departments' places, the recorded steps with their
// comments, and the year's projects with their target tables (and any
// values recorded against them). Run it in the transaction that checked
// the cycle may go.
func (q Q) DeleteCycle(ctx context.Context, year int) error {
	for _, stmt := range []string{
		`DELETE FROM prep_lines WHERE year = ?`,
		`DELETE FROM prep_departments WHERE year = ?`,
		`DELETE FROM prep_transitions WHERE year = ?`,
		`DELETE FROM project_targets WHERE project_id IN (SELECT id FROM projects WHERE year = ?)`,
		`DELETE FROM target_values WHERE project_id IN (SELECT id FROM projects WHERE year = ?)`,
		`DELETE FROM project_spending WHERE project_id IN (SELECT id FROM projects WHERE year = ?)`,
		`DELETE FROM projects WHERE year = ?`,
		`DELETE FROM prep_cycles WHERE year = ?`,
	} {
		if _, err := q.db.ExecContext(ctx, stmt, year); err != nil {
			return fmt.Errorf("removing the %d preparation cycle: %w", year, err)
		}
	}
	return nil
}

// CycleYears lists the years with a preparation cycle, newest first.
func (q Q) CycleYears(ctx context.Context) ([]int, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT year FROM prep_cycles ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
