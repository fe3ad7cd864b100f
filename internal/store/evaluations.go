package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Evaluation is one stored evaluation run of a unit for a year.
type Evaluation struct {
	ID                 int64
	Year               int
	UnitKind, UnitCode string // "department" with its code, "project" with its id
	SchemeID           int64
	Finalised          bool
	Score              float64 // stored at finalisation; 0 before
	Grade              string
	FinalisedAt        time.Time
	FinalisedBy        string
	Version            domain.Version // moves on with every value saved (versions.go)
}

// EvaluationValue is one indicator's actual in an evaluation, as typed.
type EvaluationValue struct {
	IndicatorCode string
	Actual        string
	Occurrences   int
	Reason        string
}

const evaluationSelect = `SELECT id, year, unit_kind, unit_code, scheme_id, state, score, grade, finalised_at, finalised_by, version FROM evaluations`

func scanEvaluation(sc interface{ Scan(...any) error }) (Evaluation, error) {
	var e Evaluation
	var state string
	var score sql.NullFloat64
	var grade, at, by sql.NullString
	if err := sc.Scan(&e.ID, &e.Year, &e.UnitKind, &e.UnitCode, &e.SchemeID, &state, &score, &grade, &at, &by, &e.Version); err != nil {
		return e, err
	}
	e.Finalised = state == "finalised"
	e.Score, e.Grade = score.Float64, grade.String
	e.FinalisedAt, e.FinalisedBy = parseTime(at.String), by.String
	return e, nil
}

func (q Q) evaluations(ctx context.Context, where string, args ...any) ([]Evaluation, error) {
	rows, err := q.db.QueryContext(ctx, evaluationSelect+" WHERE "+where+" ORDER BY year, unit_kind, unit_code", args...)
	if err != nil {
		return nil, fmt.Errorf("reading evaluations: %w", err)
	}
	defer rows.Close()
	var out []Evaluation
	for rows.Next() {
		e, err := scanEvaluation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Evaluations lists year's evaluations by unit kind and code.
func (q Q) Evaluations(ctx context.Context, year int) ([]Evaluation, error) {
	return q.evaluations(ctx, "year = ?", year)
}

// EvaluationsOf lists every year's evaluation of one unit, oldest first.
func (q Q) EvaluationsOf(ctx context.Context, unitKind, unitCode string) ([]Evaluation, error) {
	return q.evaluations(ctx, "unit_kind = ? AND unit_code = ?", unitKind, unitCode)
}

// Evaluation reads one evaluation; IsNotFound when there is none.
func (q Q) Evaluation(ctx context.Context, id int64) (Evaluation, error) {
	e, err := scanEvaluation(q.db.QueryRowContext(ctx, evaluationSelect+" WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return e, errNotFound
	}
	return e, err
}

// InsertEvaluation opens an evaluation of a unit for year against a
// scheme and returns its id; created is false (and the id the existing
// one's) when the unit already has an evaluation that year.
func (q Q) InsertEvaluation(ctx context.Context, by domain.Actor, year int, unitKind, unitCode string, schemeID int64) (id int64, created bool, err error) {
	err = q.db.QueryRowContext(ctx, `INSERT INTO evaluations (year, unit_kind, unit_code, scheme_id, state, created_at, created_by, updated_at, updated_by)
		VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?) ON CONFLICT (year, unit_kind, unit_code) DO NOTHING RETURNING id`,
		year, unitKind, unitCode, schemeID, q.stamp(), by.Login, q.stamp(), by.Login).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if err != sql.ErrNoRows {
		return 0, false, fmt.Errorf("opening the %d evaluation of %s %s: %w", year, unitKind, unitCode, err)
	}
	err = q.db.QueryRowContext(ctx, `SELECT id FROM evaluations WHERE year = ? AND unit_kind = ? AND unit_code = ?`, year, unitKind, unitCode).Scan(&id)
	return id, false, err
}

// EvaluationValues reads the values entered in an evaluation.
func (q Q) EvaluationValues(ctx context.Context, id int64) ([]EvaluationValue, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT indicator_code, actual, occurrences, reason FROM evaluation_values
		WHERE evaluation_id = ? ORDER BY indicator_code`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EvaluationValue
	for rows.Next() {
		var v EvaluationValue
		if err := rows.Scan(&v.IndicatorCode, &v.Actual, &v.Occurrences, &v.Reason); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// SetEvaluationValue stores (or replaces) one indicator's value. The
// caller checks that the evaluation is still open.
func (q Q) SetEvaluationValue(ctx context.Context, by domain.Actor, id int64, v EvaluationValue) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO evaluation_values (evaluation_id, indicator_code, actual, occurrences, reason, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (evaluation_id, indicator_code) DO UPDATE SET actual = excluded.actual, occurrences = excluded.occurrences,
			reason = excluded.reason, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		id, v.IndicatorCode, v.Actual, v.Occurrences, v.Reason, q.stamp(), by.Login)
	if err != nil {
		return fmt.Errorf("saving indicator %s: %w", v.IndicatorCode, err)
	}
	return nil
}

// FinaliseEvaluation locks an open evaluation with its score and grade;
// IsNotFound when it is missing or already finalised.
func (q Q) FinaliseEvaluation(ctx context.Context, by domain.Actor, id int64, score float64, grade string) error {
	res, err := q.db.ExecContext(ctx, `UPDATE evaluations SET state = 'finalised', score = ?, grade = ?, finalised_at = ?, finalised_by = ?
		WHERE id = ? AND state = 'open'`, score, grade, q.stamp(), by.Login, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errNotFound
	}
	return nil
}
