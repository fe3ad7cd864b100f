package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Bonus run states.
const (
	BonusDraft    = "draft"
	BonusApproved = "approved"
)

// BonusRun is a saved bonus allocation of a year.
type BonusRun struct {
	ID           int64
	Year         int
	Status       string
	Pool, Cap    money.Amount
	WelfareFloor float64
	Weights      map[scoring.BonusDimension]float64
	// Drivers lists the indicators that scored the dimensions, as text
	// ("code name → dimension" per line), for the record.
	Drivers                string
	Note                   string
	CreatedBy, CreatedAt   string
	ApprovedBy, ApprovedAt string
	Departments            []BonusRunDept
	// Version moves on with every save of the draft; Seen is the version
	// a save started from (0: not checked; NoDraft: there was none), see versions.go.
	Version, Seen domain.Version
}

// NoDraft is the version a bonus save starts from when the year had no draft.
const NoDraft domain.Version = -1

// BonusRunDept is a department's line of a run.
type BonusRunDept struct {
	Code, Name, NameEn string
	Headcount          int
	CoefficientMilli   int64
	Scores             map[scoring.BonusDimension]float64
	// Unmeasured marks the dimensions left out of the department's
	// composite for want of a measurement (column measured, a bitmask);
	// rows saved before it read as all measured.
	Unmeasured    map[scoring.BonusDimension]bool
	Composite     float64
	Bonus, AtZero money.Amount
}

// BonusStaff is a person's part of their department's bonus.
type BonusStaff struct {
	DeptCode             string
	StaffNo, Name, Post  string
	PostCoefficientMilli int64
	AttendanceDays       int
	WorkDays             int
	Amount               money.Amount
}

// BonusScore is a dimension score entered by hand for a department.
type BonusScore struct {
	DeptCode  string
	Dimension scoring.BonusDimension
	Score     float64
	UpdatedBy string
	UpdatedAt string
}

// bonusDims are the dimensions in the order of the tables' columns.
// BonusDimensions are a run's dimension columns, in their order.
func BonusDimensions() []scoring.BonusDimension { return bonusDims }

var bonusDims = []scoring.BonusDimension{scoring.BonusWorkload, scoring.BonusQuality, scoring.BonusEfficiency,
	scoring.BonusPublicWelfare, scoring.BonusSatisfaction}

const bonusRunSelect = `SELECT id, year, status, pool_fen, cap_fen, welfare_floor,
	w_workload, w_quality, w_efficiency, w_public_welfare, w_satisfaction,
	drivers, note, created_by, created_at, approved_by, approved_at, version FROM bonus_runs`

func scanBonusRun(sc interface{ Scan(...any) error }) (BonusRun, error) {
	var r BonusRun
	var pool, cap int64
	w := make([]float64, len(bonusDims))
	err := sc.Scan(&r.ID, &r.Year, &r.Status, &pool, &cap, &r.WelfareFloor, &w[0], &w[1], &w[2], &w[3], &w[4],
		&r.Drivers, &r.Note, &r.CreatedBy, &r.CreatedAt, &r.ApprovedBy, &r.ApprovedAt, &r.Version)
	if err != nil {
		return r, err
	}
	r.Pool, r.Cap = money.Amount(pool), money.Amount(cap)
	r.Weights = map[scoring.BonusDimension]float64{}
	for i, d := range bonusDims {
		r.Weights[d] = w[i]
	}
	return r, nil
}

// BonusRuns lists the runs of year (draft and approved) without their
// departments, approved first.
func (q Q) BonusRuns(ctx context.Context, year int) ([]BonusRun, error) {
	rows, err := q.db.QueryContext(ctx, bonusRunSelect+` WHERE year = ? ORDER BY status, id`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d bonus runs: %w", year, err)
	}
	defer rows.Close()
	var out []BonusRun
	for rows.Next() {
		r, err := scanBonusRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// BonusRun reads a run with its departments; IsNotFound when there is none.
func (q Q) BonusRun(ctx context.Context, id int64) (BonusRun, error) {
	r, err := scanBonusRun(q.db.QueryRowContext(ctx, bonusRunSelect+` WHERE id = ?`, id))
	if err != nil {
		if err == sql.ErrNoRows {
			return r, errNotFound
		}
		return r, fmt.Errorf("reading bonus run %d: %w", id, err)
	}
	rows, err := q.db.QueryContext(ctx, `SELECT dept_code, dept_name, dept_name_en, headcount, coefficient_milli,
		s_workload, s_quality, s_efficiency, s_public_welfare, s_satisfaction, composite, bonus_fen, at_zero_fen, measured
		FROM bonus_run_departments WHERE run_id = ? ORDER BY position`, id)
	if err != nil {
		return r, fmt.Errorf("reading bonus run %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d BonusRunDept
		var b, z, m int64
		s := make([]float64, len(bonusDims))
		if err := rows.Scan(&d.Code, &d.Name, &d.NameEn, &d.Headcount, &d.CoefficientMilli,
			&s[0], &s[1], &s[2], &s[3], &s[4], &d.Composite, &b, &z, &m); err != nil {
			return r, err
		}
		d.Bonus, d.AtZero = money.Amount(b), money.Amount(z)
		d.Unmeasured = unmeasuredOf(m)
		d.Scores = map[scoring.BonusDimension]float64{}
		for i, dim := range bonusDims {
			d.Scores[dim] = s[i]
		}
		r.Departments = append(r.Departments, d)
	}
	return r, rows.Err()
}

// ReplaceBonusDraft stores r as year's draft run, replacing the previous
// draft (and its staff split), and returns its id.
func (t *Tx) ReplaceBonusDraft(ctx context.Context, r BonusRun) (int64, error) {
	v, last, err := t.BonusDraftVersion(ctx, r.Year)
	if err != nil {
		return 0, err
	}
	// Seen -1 (NoDraft): the saver saw no draft, so any draft is another's.
	if r.Seen != 0 && r.Seen != v && !(r.Seen == NoDraft && v == 0) {
		return 0, &last
	}
	if _, err := t.db.ExecContext(ctx, `DELETE FROM bonus_runs WHERE year = ? AND status = ?`, r.Year, BonusDraft); err != nil {
		return 0, fmt.Errorf("replacing the %d bonus draft: %w", r.Year, err)
	}
	var id int64
	err = t.db.QueryRowContext(ctx, `INSERT INTO bonus_runs (year, status, pool_fen, cap_fen, welfare_floor,
		w_workload, w_quality, w_efficiency, w_public_welfare, w_satisfaction, drivers, note, created_by, created_at, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.Year, BonusDraft, r.Pool.Fen(), r.Cap.Fen(), r.WelfareFloor,
		r.Weights[bonusDims[0]], r.Weights[bonusDims[1]], r.Weights[bonusDims[2]], r.Weights[bonusDims[3]], r.Weights[bonusDims[4]],
		r.Drivers, r.Note, r.CreatedBy, now(), v+1).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("saving the %d bonus draft: %w", r.Year, err)
	}
	for i, d := range r.Departments {
		_, err := t.db.ExecContext(ctx, `INSERT INTO bonus_run_departments (run_id, position, dept_code, dept_name, dept_name_en,
			headcount, coefficient_milli, s_workload, s_quality, s_efficiency, s_public_welfare, s_satisfaction,
			composite, bonus_fen, at_zero_fen, measured) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, d.Code, d.Name, d.NameEn, d.Headcount, d.CoefficientMilli,
			d.Scores[bonusDims[0]], d.Scores[bonusDims[1]], d.Scores[bonusDims[2]], d.Scores[bonusDims[3]], d.Scores[bonusDims[4]],
			d.Composite, d.Bonus.Fen(), d.AtZero.Fen(), measuredMask(d.Unmeasured))
		if err != nil {
			return 0, fmt.Errorf("saving the %d bonus draft, department %s: %w", r.Year, d.Code, err)
		}
	}
	return id, nil
}

// measuredMask is the measured column of unmeasured: bit i set when
// dimension i (of bonusDims) was measured.
func measuredMask(unmeasured map[scoring.BonusDimension]bool) int64 {
	var m int64
	for i, d := range bonusDims {
		if !unmeasured[d] {
			m |= 1 << i
		}
	}
	return m
}

// unmeasuredOf reads the measured column back; nil when all were measured.
func unmeasuredOf(m int64) map[scoring.BonusDimension]bool {
	var out map[scoring.BonusDimension]bool
	for i, d := range bonusDims {
		if m&(1<<i) == 0 {
			if out == nil {
				out = map[scoring.BonusDimension]bool{}
			}
			out[d] = true
		}
	}
	return out
}

// ApproveBonusRun marks a draft approved by login; it reports false when
// the run is not a draft any more (approved meanwhile, or replaced).
func (t *Tx) ApproveBonusRun(ctx context.Context, id int64, login string) (bool, error) {
	res, err := t.db.ExecContext(ctx, `UPDATE bonus_runs SET status = ?, approved_by = ?, approved_at = ?
		WHERE id = ? AND status = ?`, BonusApproved, login, now(), id, BonusDraft)
	if err != nil {
		return false, fmt.Errorf("approving bonus run %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// BonusStaff lists the staff split of a run, by department and row.
func (q Q) BonusStaff(ctx context.Context, runID int64) ([]BonusStaff, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT dept_code, staff_no, name, post, post_coefficient_milli, attendance_days,
		work_days, amount_fen FROM bonus_run_staff WHERE run_id = ? ORDER BY dept_code, position`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading the staff of bonus run %d: %w", runID, err)
	}
	defer rows.Close()
	var out []BonusStaff
	for rows.Next() {
		var s BonusStaff
		var a int64
		if err := rows.Scan(&s.DeptCode, &s.StaffNo, &s.Name, &s.Post, &s.PostCoefficientMilli, &s.AttendanceDays, &s.WorkDays, &a); err != nil {
			return nil, err
		}
		s.Amount = money.Amount(a)
		out = append(out, s)
	}
	return out, rows.Err()
}

// ReplaceBonusStaff replaces the staff split of the departments that
// staff names within run runID.
func (t *Tx) ReplaceBonusStaff(ctx context.Context, runID int64, staff []BonusStaff) error {
	done := map[string]bool{}
	pos := map[string]int{}
	for _, s := range staff {
		if !done[s.DeptCode] {
			done[s.DeptCode] = true
			if _, err := t.db.ExecContext(ctx, `DELETE FROM bonus_run_staff WHERE run_id = ? AND dept_code = ?`, runID, s.DeptCode); err != nil {
				return fmt.Errorf("replacing the staff of department %s: %w", s.DeptCode, err)
			}
		}
		_, err := t.db.ExecContext(ctx, `INSERT INTO bonus_run_staff (run_id, dept_code, position, staff_no, name, post,
			post_coefficient_milli, attendance_days, work_days, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			runID, s.DeptCode, pos[s.DeptCode], s.StaffNo, s.Name, s.Post, s.PostCoefficientMilli, s.AttendanceDays, s.WorkDays, s.Amount.Fen())
		if err != nil {
			return fmt.Errorf("saving %s of department %s: %w", s.Name, s.DeptCode, err)
		}
		pos[s.DeptCode]++
	}
	return nil
}

// BonusScores lists the scores entered by hand for year.
func (q Q) BonusScores(ctx context.Context, year int) ([]BonusScore, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT dept_code, dimension, score, updated_by, updated_at
		FROM bonus_scores WHERE year = ? ORDER BY dept_code, dimension`, year)
	if err != nil {
		return nil, fmt.Errorf("reading the %d entered bonus scores: %w", year, err)
	}
	defer rows.Close()
	var out []BonusScore
	for rows.Next() {
		var s BonusScore
		var dim string
		if err := rows.Scan(&s.DeptCode, &dim, &s.Score, &s.UpdatedBy, &s.UpdatedAt); err != nil {
			return nil, err
		}
		s.Dimension = scoring.BonusDimension(dim)
		out = append(out, s)
	}
	return out, rows.Err()
}

// SetBonusScore stores an entered score; a nil score removes it, so the
// evaluation's score applies again.
func (q Q) SetBonusScore(ctx context.Context, year int, dept string, dim scoring.BonusDimension, score *float64, login string) error {
	if score == nil {
		_, err := q.db.ExecContext(ctx, `DELETE FROM bonus_scores WHERE year = ? AND dept_code = ? AND dimension = ?`, year, dept, string(dim))
		return err
	}
	_, err := q.db.ExecContext(ctx, `INSERT INTO bonus_scores (year, dept_code, dimension, score, updated_by, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, dept_code, dimension)
		DO UPDATE SET score = excluded.score, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		year, dept, string(dim), *score, login, now())
	return err
}

// BonusScoreSourceKey is the setting that holds where an entered score
// comes from (an indicator of the library or a named workload measure):
// kept in settings, so that the score table needs no new column.
func BonusScoreSourceKey(year int, dept string, dim scoring.BonusDimension) string {
	return fmt.Sprintf("bonus.score_source.%d.%s.%s", year, dept, dim)
}

// BonusScoreSource is the recorded source of an entered score ("" when none).
func (q Q) BonusScoreSource(ctx context.Context, year int, dept string, dim scoring.BonusDimension) (string, error) {
	return q.Setting(ctx, BonusScoreSourceKey(year, dept, dim))
}

// SetBonusScoreSource records the source of an entered score ("" clears it).
func (q Q) SetBonusScoreSource(ctx context.Context, year int, dept string, dim scoring.BonusDimension, source string) error {
	return q.SetSetting(ctx, BonusScoreSourceKey(year, dept, dim), source)
}
