package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Projects lists year's projects with their targets, of one department
// when deptCode is not empty, in department and id order.
func (q Q) Projects(ctx context.Context, year int, deptCode string) ([]domain.Project, error) {
	query := `SELECT p.id, p.code, p.year, d.code, p.name, p.type, p.subject_code, p.amount_fen, p.start_year, p.end_year, p.description,
			p.attribute, p.responsible, p.long_term_goal, p.annual_goal, p.fiscal_fen, p.business_fen, p.carryover_fen, p.other_fen, p.version
		FROM projects p JOIN departments d ON d.id = p.department_id WHERE p.year = ?`
	args := []any{year}
	if deptCode != "" {
		query += ` AND d.code = ?`
		args = append(args, deptCode)
	}
	rows, err := q.db.QueryContext(ctx, query+` ORDER BY d.code, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the %d projects: %w", year, err)
	}
	var out []domain.Project
	for rows.Next() {
		var p domain.Project
		var typ, attr string
		if err := rows.Scan(&p.ID, &p.Code, &p.Year, &p.DeptCode, &p.Name, &typ, &p.SubjectCode, &p.Amount, &p.StartYear, &p.EndYear, &p.Description,
			&attr, &p.Responsible, &p.LongTermGoal, &p.AnnualGoal, &p.Funding.Fiscal, &p.Funding.Business, &p.Funding.Carryover, &p.Funding.Other, &p.Version); err != nil {
			rows.Close()
			return nil, err
		}
		p.Type, p.Attribute = domain.ProjectType(typ), domain.ProjectAttribute(attr)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Targets, err = q.projectTargets(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Project reads one project with its targets; IsNotFound when there is none.
func (q Q) Project(ctx context.Context, id int64) (domain.Project, error) {
	var year int
	if err := q.db.QueryRowContext(ctx, `SELECT year FROM projects WHERE id = ?`, id).Scan(&year); err != nil {
		return domain.Project{}, err
	}
	ps, err := q.Projects(ctx, year, "")
	if err != nil {
		return domain.Project{}, err
	}
	for _, p := range ps {
		if p.ID == id {
			return p, nil
		}
	}
	return domain.Project{}, errNotFound
}

func (q Q) projectTargets(ctx context.Context, id int64) ([]domain.Target, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT category, indicator, target, unit, direction, indicator_code
		FROM project_targets WHERE project_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Target
	for rows.Next() {
		var t domain.Target
		var cat, dir string
		if err := rows.Scan(&cat, &t.Indicator, &t.Value, &t.Unit, &dir, &t.IndicatorCode); err != nil {
			return nil, err
		}
		t.Category, t.Direction = domain.TargetCategory(cat), domain.Direction(dir)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ProjectCodeTaken reports whether another project of year than id uses
// code.
func (q Q) ProjectCodeTaken(ctx context.Context, year int, code string, id int64) (bool, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM projects WHERE year = ? AND code = ? AND id <> ?`, year, code, id).Scan(&n)
	return n > 0, err
}

// nextProjectCode is the first free code XM<year><nnn> of year.
func (q Q) nextProjectCode(ctx context.Context, year int) (string, error) {
	var n int
	if err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM projects WHERE year = ?`, year).Scan(&n); err != nil {
		return "", err
	}
	for ; ; n++ {
		code := fmt.Sprintf("XM%d%03d", year, n+1)
		taken, err := q.ProjectCodeTaken(ctx, year, code, 0)
		if err != nil || !taken {
			return code, err
		}
	}
}

// SaveProject inserts p (ID 0) or updates it, replacing its targets, and
// returns its id. A project without a code gets the next free one of its
// year. Run it in a transaction.
func (q Q) SaveProject(ctx context.Context, by domain.Actor, p domain.Project) (int64, error) {
	id := p.ID
	if p.Code == "" {
		var err error
		if p.Code, err = q.nextProjectCode(ctx, p.Year); err != nil {
			return 0, err
		}
	}
	if p.Attribute == "" {
		p.Attribute = domain.ProjectNew
	}
	f := p.Funding
	if id == 0 {
		err := q.db.QueryRowContext(ctx, `INSERT INTO projects (year, department_id, name, type, subject_code, amount_fen, start_year, end_year, description,
				code, attribute, responsible, long_term_goal, annual_goal, fiscal_fen, business_fen, carryover_fen, other_fen, created_at, created_by, updated_at, updated_by)
			SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM departments WHERE code = ? RETURNING id`,
			p.Year, p.Name, string(p.Type), p.SubjectCode, p.Amount.Fen(), p.StartYear, p.EndYear, p.Description,
			p.Code, string(p.Attribute), p.Responsible, p.LongTermGoal, p.AnnualGoal, f.Fiscal.Fen(), f.Business.Fen(), f.Carryover.Fen(), f.Other.Fen(),
			now(), by.Login, now(), by.Login, p.DeptCode).Scan(&id)
		if err == sql.ErrNoRows {
			return 0, fmt.Errorf("saving project %q: no department %q", p.Name, p.DeptCode)
		}
		if err != nil {
			return 0, fmt.Errorf("saving project %q: %w", p.Name, err)
		}
	} else {
		res, err := q.db.ExecContext(ctx, `UPDATE projects SET department_id = (SELECT id FROM departments WHERE code = ?), name = ?, type = ?,
			subject_code = ?, amount_fen = ?, start_year = ?, end_year = ?, description = ?,
			code = ?, attribute = ?, responsible = ?, long_term_goal = ?, annual_goal = ?, fiscal_fen = ?, business_fen = ?, carryover_fen = ?, other_fen = ?,
			updated_at = ?, updated_by = ? WHERE id = ?`,
			p.DeptCode, p.Name, string(p.Type), p.SubjectCode, p.Amount.Fen(), p.StartYear, p.EndYear, p.Description,
			p.Code, string(p.Attribute), p.Responsible, p.LongTermGoal, p.AnnualGoal, f.Fiscal.Fen(), f.Business.Fen(), f.Carryover.Fen(), f.Other.Fen(),
			now(), by.Login, id)
		if err != nil {
			return 0, fmt.Errorf("saving project %q: %w", p.Name, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return 0, fmt.Errorf("saving project %q: %w", p.Name, errNotFound)
		}
		if _, err := q.db.ExecContext(ctx, `DELETE FROM project_targets WHERE project_id = ?`, id); err != nil {
			return 0, err
		}
	}
	for i, t := range p.Targets {
		_, err := q.db.ExecContext(ctx, `INSERT INTO project_targets (project_id, position, category, indicator, target, unit, direction, indicator_code)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i+1, string(t.Category), t.Indicator, t.Value, t.Unit, string(t.Direction), t.IndicatorCode)
		if err != nil {
			return 0, fmt.Errorf("saving target %d of project %q: %w", i+1, p.Name, err)
		}
	}
	return id, nil
}

// DeleteProject removes a project and its targets.
func (q Q) DeleteProject(ctx context.Context, id int64) error {
	_, err := q.db.ExecContext(ctx, `DELETE FROM projects WHERE id = ?`, id)
	return err
}
