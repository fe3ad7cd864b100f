package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The reads here give the value a change replaces, so that the services
// record old and new value in the audit trail; run them on the change's
// transaction (Tx embeds Q) so that nobody changes the value in between.

// ActualsInPeriod counts and sums the actual lines of year, of one month
// when month is 1–12 or of the whole year when it is 0. It reads the
// monthly summary (actual_months), so it costs the same for a million lines.
//
// A sum past int64 (SQLite's "integer overflow"), or a row that an older
// version let overflow into a float, is the overflow problem, not a scan
// error: checkRoom keeps new imports from getting there.
func (q Q) ActualsInPeriod(ctx context.Context, year, month int) (lines int64, amount money.Amount, err error) {
	var fen any
	err = q.db.QueryRowContext(ctx, `SELECT coalesce(sum(lines), 0), coalesce(sum(amount_fen), 0) FROM actual_months
		WHERE year = ? AND (? = 0 OR month = ?)`, year, month, month).Scan(&lines, &fen)
	if isOverflow(err) {
		return 0, 0, actualsOverflow(year)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("summing the %d actuals: %w", year, err)
	}
	n, ok := fen.(int64)
	if !ok {
		return 0, 0, actualsOverflow(year)
	}
	return lines, money.Amount(n), nil
}

// TargetValueAt is what was reported for one target of a project and
// month; ok is false when nothing was.
func (q Q) TargetValueAt(ctx context.Context, projectID int64, position, month int) (v TargetValue, ok bool, err error) {
	v = TargetValue{ProjectID: projectID, Position: position, Month: month}
	err = q.db.QueryRowContext(ctx, `SELECT value, note FROM target_values WHERE project_id = ? AND position = ? AND month = ?`,
		projectID, position, month).Scan(&v.Value, &v.Note)
	if err == sql.ErrNoRows {
		return v, false, nil
	}
	if err != nil {
		return v, false, fmt.Errorf("reading the month %d value of target %d of project %d: %w", month, position, projectID, err)
	}
	return v, true, nil
}

// ProjectSpendingAt is what a project spent in month as recorded; ok is
// false when nothing was recorded for that month.
func (q Q) ProjectSpendingAt(ctx context.Context, projectID int64, month int) (amount money.Amount, ok bool, err error) {
	var fen int64
	err = q.db.QueryRowContext(ctx, `SELECT amount_fen FROM project_spending WHERE project_id = ? AND month = ?`,
		projectID, month).Scan(&fen)
	if err == sql.ErrNoRows {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("reading the month %d spending of project %d: %w", month, projectID, err)
	}
	return money.Amount(fen), true, nil
}
