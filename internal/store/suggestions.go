package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BudgetSuggestion is a next-year budget change suggested by a finalised
// evaluation, with the budget office's decision.
type BudgetSuggestion struct {
	ID                 int64
	Year               int // the budget year the suggestion is for
	UnitKind, UnitCode string
	EvaluationID       int64
	Grade              string
	Base, Suggested    money.Amount
	ChangeBP           int64 // change in hundredths of a percent
	State              string
	Decided            *money.Amount
	Reason             string
}

const suggestionSelect = `SELECT id, year, unit_kind, unit_code, evaluation_id, grade, base_fen, change_bp, suggested_fen, state, decided_fen, reason
	FROM budget_suggestions`

func scanSuggestion(sc interface{ Scan(...any) error }) (BudgetSuggestion, error) {
	var s BudgetSuggestion
	var base, sugg int64
	var decided sql.NullInt64
	if err := sc.Scan(&s.ID, &s.Year, &s.UnitKind, &s.UnitCode, &s.EvaluationID, &s.Grade, &base, &s.ChangeBP, &sugg, &s.State, &decided, &s.Reason); err != nil {
		return s, err
	}
	s.Base, s.Suggested, s.Decided = money.Amount(base), money.Amount(sugg), nullAmount(decided)
	return s, nil
}

// BudgetSuggestions lists the suggestions for budget year, by unit.
func (q Q) BudgetSuggestions(ctx context.Context, year int) ([]BudgetSuggestion, error) {
	rows, err := q.db.QueryContext(ctx, suggestionSelect+` WHERE year = ? ORDER BY unit_kind, unit_code`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d budget suggestions: %w", year, err)
	}
	defer rows.Close()
	var out []BudgetSuggestion
	for rows.Next() {
		s, err := scanSuggestion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// BudgetSuggestion reads one suggestion; IsNotFound when none.
func (q Q) BudgetSuggestion(ctx context.Context, id int64) (BudgetSuggestion, error) {
	s, err := scanSuggestion(q.db.QueryRowContext(ctx, suggestionSelect+` WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return s, errNotFound
	}
	return s, err
}

// UpsertOpenSuggestion inserts a suggestion, or refreshes one that is still
// open; a decided suggestion is left as decided.
func (q Q) UpsertOpenSuggestion(ctx context.Context, s BudgetSuggestion) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO budget_suggestions (year, unit_kind, unit_code, evaluation_id, grade, base_fen, change_bp, suggested_fen, state)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')
		ON CONFLICT (year, unit_kind, unit_code) DO UPDATE SET evaluation_id = excluded.evaluation_id, grade = excluded.grade,
			base_fen = excluded.base_fen, change_bp = excluded.change_bp, suggested_fen = excluded.suggested_fen
		WHERE budget_suggestions.state = 'open'`,
		s.Year, s.UnitKind, s.UnitCode, s.EvaluationID, s.Grade, s.Base.Fen(), s.ChangeBP, s.Suggested.Fen())
	if err != nil {
		return fmt.Errorf("saving the suggestion for %s %s: %w", s.UnitKind, s.UnitCode, err)
	}
	return nil
}

// DecideSuggestion records the budget office's decision.
func (q Q) DecideSuggestion(ctx context.Context, by domain.Actor, id int64, state string, amount money.Amount, reason string) error {
	res, err := q.db.ExecContext(ctx, `UPDATE budget_suggestions SET state = ?, decided_fen = ?, reason = ?, decided_at = ?, decided_by = ? WHERE id = ?`,
		state, amount.Fen(), reason, now(), by.Login, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errNotFound
	}
	return nil
}
