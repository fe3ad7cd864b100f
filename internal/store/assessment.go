package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// AssessmentValue is one national-assessment indicator's value for a year,
// as the hospital's fill-in workbook keeps it.
type AssessmentValue struct {
	Year       int
	Assessment string // the list, e.g. "secondary"
	Seq        int    // the indicator's number in the list
	Name       string
	// Value, Numerator and Denominator are nil where the workbook is blank.
	Value, Numerator, Denominator *float64
	Source                        string // file and cell
}

// SaveAssessmentValue stores a value, replacing the one of the same year,
// list and indicator.
func (q Q) SaveAssessmentValue(ctx context.Context, by domain.Actor, v AssessmentValue) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO assessment_values (year, assessment, seq, name, value, numerator, denominator, source, imported_at, imported_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (year, assessment, seq) DO UPDATE SET name = excluded.name, value = excluded.value, numerator = excluded.numerator,
			denominator = excluded.denominator, source = excluded.source, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
		v.Year, v.Assessment, v.Seq, v.Name, floatOrNull(v.Value), floatOrNull(v.Numerator), floatOrNull(v.Denominator), v.Source, now(), by.Login)
	if err != nil {
		return fmt.Errorf("saving assessment value %s #%d %d: %w", v.Assessment, v.Seq, v.Year, err)
	}
	return nil
}

// AssessmentValues lists year's values (every year when year is 0) by
// list, indicator number and year.
func (q Q) AssessmentValues(ctx context.Context, year int) ([]AssessmentValue, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT year, assessment, seq, name, value, numerator, denominator, source
		FROM assessment_values WHERE ? = 0 OR year = ? ORDER BY assessment, seq, year`, year, year)
	if err != nil {
		return nil, fmt.Errorf("reading assessment values: %w", err)
	}
	defer rows.Close()
	var out []AssessmentValue
	for rows.Next() {
		var v AssessmentValue
		var val, num, den sql.NullFloat64
		if err := rows.Scan(&v.Year, &v.Assessment, &v.Seq, &v.Name, &val, &num, &den, &v.Source); err != nil {
			return nil, err
		}
		v.Value, v.Numerator, v.Denominator = nullFloat(val), nullFloat(num), nullFloat(den)
		out = append(out, v)
	}
	return out, rows.Err()
}

func floatOrNull(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func nullFloat(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	f := v.Float64
	return &f
}
