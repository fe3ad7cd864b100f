package store

import (
	"context"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Projects lists year's projects with their targets, of one department
// when deptCode is not empty, in department and id order.
func (q Q) Projects(ctx context.Context, year int, deptCode string) ([]domain.Project, error) {
	query := `SELECT p.id, p.year, d.code, p.name, p.type, p.subject_code, p.amount_fen, p.start_year, p.end_year, p.description
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
		var typ string
		var fen int64
		if err := rows.Scan(&p.ID, &p.Year, &p.DeptCode, &p.Name, &typ, &p.SubjectCode, &fen, &p.StartYear, &p.EndYear, &p.Description); err != nil {
			rows.Close()
			return nil, err
		}
		p.Type = domain.ProjectType(typ)
		p.Amount = money.Amount(fen)
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

// SaveProject inserts p (ID 0) or updates it, replacing its targets, and
// returns its id. Run it in a transaction.
func (q Q) SaveProject(ctx context.Context, by domain.Actor, p domain.Project) (int64, error) {
	id := p.ID
	if id == 0 {
		res, err := q.db.ExecContext(ctx, `INSERT INTO projects (year, department_id, name, type, subject_code, amount_fen, start_year, end_year, description, created_at, created_by, updated_at, updated_by)
			SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM departments WHERE code = ?`,
			p.Year, p.Name, string(p.Type), p.SubjectCode, p.Amount.Fen(), p.StartYear, p.EndYear, p.Description, now(), by.Login, now(), by.Login, p.DeptCode)
		if err != nil {
			return 0, fmt.Errorf("saving project %q: %w", p.Name, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return 0, fmt.Errorf("saving project %q: no department %q", p.Name, p.DeptCode)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, err
		}
	} else {
		res, err := q.db.ExecContext(ctx, `UPDATE projects SET department_id = (SELECT id FROM departments WHERE code = ?), name = ?, type = ?,
			subject_code = ?, amount_fen = ?, start_year = ?, end_year = ?, description = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
			p.DeptCode, p.Name, string(p.Type), p.SubjectCode, p.Amount.Fen(), p.StartYear, p.EndYear, p.Description, now(), by.Login, id)
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
