package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A save of a record several people may edit from several PCs first
// claims it: the record must still be at the version the saver read
// (seen; 0 when the caller read it inside this very transaction, as a
// command does), and moves on to the next one, stamped with who and when.
// Transactions take turns (InTx), so reading and moving the version
// inside one cannot interleave with another save.

// claim moves the row of table matching where (with args) past seen.
func (tx *Tx) claim(ctx context.Context, table, where string, args []any, seen domain.Version, by string) (domain.Version, error) {
	var v domain.Version
	var at, who string
	err := tx.db.QueryRowContext(ctx, `SELECT version, updated_at, updated_by FROM `+table+` WHERE `+where, args...).Scan(&v, &at, &who)
	if err == sql.ErrNoRows {
		return 0, errNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("reading the version of %s: %w", table, err)
	}
	if seen != 0 && seen != v {
		return v, &domain.Changed{By: who, At: parseTime(at)}
	}
	set := append([]any{tx.stamp(), by}, args...)
	if _, err := tx.db.ExecContext(ctx, `UPDATE `+table+` SET version = version + 1, updated_at = ?, updated_by = ? WHERE `+where, set...); err != nil {
		return 0, fmt.Errorf("moving the version of %s: %w", table, err)
	}
	return v + 1, nil
}

// ClaimProposal claims a department's proposal in year's cycle.
func (tx *Tx) ClaimProposal(ctx context.Context, year int, deptCode string, seen domain.Version, by string) (domain.Version, error) {
	return tx.claim(ctx, "prep_departments", `year = ? AND department_id = (SELECT id FROM departments WHERE code = ?)`,
		[]any{year, deptCode}, seen, by)
}

// ClaimProject claims a project.
func (tx *Tx) ClaimProject(ctx context.Context, id int64, seen domain.Version, by string) (domain.Version, error) {
	return tx.claim(ctx, "projects", `id = ?`, []any{id}, seen, by)
}

// ClaimEvaluation claims an evaluation (its values and reasons).
func (tx *Tx) ClaimEvaluation(ctx context.Context, id int64, seen domain.Version, by string) (domain.Version, error) {
	return tx.claim(ctx, "evaluations", `id = ?`, []any{id}, seen, by)
}

// BonusDraftVersion is the version of year's bonus draft, who saved it and
// when; zero when there is none.
func (q Q) BonusDraftVersion(ctx context.Context, year int) (domain.Version, domain.Changed, error) {
	var v domain.Version
	var c domain.Changed
	var at string
	err := q.db.QueryRowContext(ctx, `SELECT version, created_by, created_at FROM bonus_runs WHERE year = ? AND status = ?`, year, BonusDraft).Scan(&v, &c.By, &at)
	if err == sql.ErrNoRows {
		return 0, c, nil
	}
	c.At = parseTime(at)
	return v, c, err
}
