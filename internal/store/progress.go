package store

import (
	"context"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// TargetValue is the actual value of one target of a project as reported
// at the end of a month.
type TargetValue struct {
	ProjectID  int64
	Position   int // the target's row in the project's target table, from 1
	Month      int
	Value      string
	Note       string
	RecordedAt time.Time
	RecordedBy string
}

// ProjectSpend is what a project spent in one month.
type ProjectSpend struct {
	ProjectID  int64
	Month      int
	Amount     money.Amount
	RecordedAt time.Time
	RecordedBy string
}

// TargetValues lists the reported values of every target of year's
// projects, by project, position and month.
func (q Q) TargetValues(ctx context.Context, year int) ([]TargetValue, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT v.project_id, v.position, v.month, v.value, v.note, v.recorded_at, v.recorded_by
		FROM target_values v JOIN projects p ON p.id = v.project_id
		WHERE p.year = ? ORDER BY v.project_id, v.position, v.month`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d target values: %w", year, err)
	}
	defer rows.Close()
	var out []TargetValue
	for rows.Next() {
		var v TargetValue
		var at string
		if err := rows.Scan(&v.ProjectID, &v.Position, &v.Month, &v.Value, &v.Note, &at, &v.RecordedBy); err != nil {
			return nil, err
		}
		v.RecordedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SaveTargetValue records v, replacing what was reported for the same
// target and month. Run it in a transaction.
func (q Q) SaveTargetValue(ctx context.Context, by domain.Actor, v TargetValue) error {
	// ON CONFLICT … DO UPDATE is standard enough: SQLite and PostgreSQL
	// both speak it, so the upsert stays portable.
	_, err := q.db.ExecContext(ctx, `INSERT INTO target_values (project_id, position, month, value, note, recorded_at, recorded_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (project_id, position, month) DO UPDATE SET
			value = excluded.value, note = excluded.note, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
		v.ProjectID, v.Position, v.Month, v.Value, v.Note, now(), by.Login)
	if err != nil {
		return fmt.Errorf("saving the month %d value of target %d of project %d: %w", v.Month, v.Position, v.ProjectID, err)
	}
	return nil
}

// DeleteTargetValue removes what was reported for one target and month.
func (q Q) DeleteTargetValue(ctx context.Context, projectID int64, position, month int) error {
	_, err := q.db.ExecContext(ctx, `DELETE FROM target_values WHERE project_id = ? AND position = ? AND month = ?`,
		projectID, position, month)
	return err
}

// ProjectSpending lists the monthly spending of year's projects, by
// project and month.
func (q Q) ProjectSpending(ctx context.Context, year int) ([]ProjectSpend, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT s.project_id, s.month, s.amount_fen, s.recorded_at, s.recorded_by
		FROM project_spending s JOIN projects p ON p.id = s.project_id
		WHERE p.year = ? ORDER BY s.project_id, s.month`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d project spending: %w", year, err)
	}
	defer rows.Close()
	var out []ProjectSpend
	for rows.Next() {
		var s ProjectSpend
		var fen int64
		var at string
		if err := rows.Scan(&s.ProjectID, &s.Month, &fen, &at, &s.RecordedBy); err != nil {
			return nil, err
		}
		s.Amount = money.Amount(fen)
		s.RecordedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, s)
	}
	return out, rows.Err()
}

// SaveProjectSpending records what a project spent in month, replacing
// the month's earlier figure. Run it in a transaction.
func (q Q) SaveProjectSpending(ctx context.Context, by domain.Actor, projectID int64, month int, amount money.Amount) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO project_spending (project_id, month, amount_fen, recorded_at, recorded_by)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (project_id, month) DO UPDATE SET
			amount_fen = excluded.amount_fen, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
		projectID, month, amount.Fen(), now(), by.Login)
	if err != nil {
		return fmt.Errorf("saving the month %d spending of project %d: %w", month, projectID, err)
	}
	return nil
}
