package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

const departmentColumns = `code, name, name_en, type, headcount, coefficient_milli, builtin`

func scanDepartment(sc interface{ Scan(...any) error }) (domain.Department, error) {
	var d domain.Department
	var typ string
	var builtin int
	err := sc.Scan(&d.Code, &d.Name, &d.NameEn, &typ, &d.Headcount, &d.CoefficientMilli, &builtin)
	d.Type = domain.DeptType(typ)
	d.BuiltIn = builtin != 0
	return d, err
}

// Departments lists all departments ordered by code.
func (q Q) Departments(ctx context.Context) ([]domain.Department, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+departmentColumns+` FROM departments ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("listing departments: %w", err)
	}
	defer rows.Close()
	var out []domain.Department
	for rows.Next() {
		d, err := scanDepartment(rows)
		if err != nil {
			return nil, fmt.Errorf("reading a department: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Department finds one department by code.
func (q Q) Department(ctx context.Context, code string) (domain.Department, error) {
	d, err := scanDepartment(q.db.QueryRowContext(ctx, `SELECT `+departmentColumns+` FROM departments WHERE code = ?`, code))
	if err == sql.ErrNoRows {
		return d, errNotFound
	}
	return d, err
}

// CountUserDepartments counts departments other than the built-in units;
// zero means the hospital has not been set up yet.
func (q Q) CountUserDepartments(ctx context.Context) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM departments WHERE builtin = 0`).Scan(&n)
	return n, err
}

// SaveDepartment inserts d or updates the department with its code.
func (q Q) SaveDepartment(ctx context.Context, by domain.Actor, d domain.Department) error {
	ts := now()
	_, err := q.db.ExecContext(ctx, `INSERT INTO departments
		(code, name, name_en, type, headcount, coefficient_milli, builtin, created_at, created_by, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, type = excluded.type,
			headcount = excluded.headcount, coefficient_milli = excluded.coefficient_milli,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		d.Code, d.Name, d.NameEn, string(d.Type), d.Headcount, d.CoefficientMilli, ts, by.Login, ts, by.Login)
	if err != nil {
		return fmt.Errorf("saving department %s: %w", d.Code, err)
	}
	return nil
}

// departmentIDs maps department codes to row ids for bulk inserts.
func (q Q) departmentIDs(ctx context.Context) (map[string]int64, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT code, id FROM departments`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return nil, err
		}
		ids[code] = id
	}
	return ids, rows.Err()
}
