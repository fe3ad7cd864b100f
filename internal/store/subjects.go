package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Subjects lists the subject catalogue ordered by code.
func (q Q) Subjects(ctx context.Context) ([]domain.Subject, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT code, name, name_en, parent_code, kind, origin FROM subjects ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("listing subjects: %w", err)
	}
	defer rows.Close()
	var out []domain.Subject
	for rows.Next() {
		var s domain.Subject
		var parent sql.NullString
		var kind string
		if err := rows.Scan(&s.Code, &s.Name, &s.NameEn, &parent, &kind, &s.Origin); err != nil {
			return nil, fmt.Errorf("reading a subject: %w", err)
		}
		s.Parent = parent.String
		s.Kind = domain.SubjectKind(kind)
		out = append(out, s)
	}
	return out, rows.Err()
}

// CountSubjects counts catalogue entries.
func (q Q) CountSubjects(ctx context.Context) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM subjects`).Scan(&n)
	return n, err
}

// AddSubjects inserts subjects whose codes are not there yet, parents first
// (the caller orders them); existing entries are left as the user has them.
func (q Q) AddSubjects(ctx context.Context, subjects []domain.Subject) (added int, err error) {
	for _, s := range subjects {
		var parent any
		if s.Parent != "" {
			parent = s.Parent
		}
		res, err := q.db.ExecContext(ctx, `INSERT INTO subjects (code, name, name_en, parent_code, kind, origin)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`,
			s.Code, s.Name, s.NameEn, parent, string(s.Kind), s.Origin)
		if err != nil {
			return added, fmt.Errorf("adding subject %s: %w", s.Code, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
		}
	}
	return added, nil
}
