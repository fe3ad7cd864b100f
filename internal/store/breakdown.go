package store

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Breakdown groups amounts by department with the names of the departments
// and subjects as stored.
func (q Q) Breakdown(ctx context.Context, amounts []domain.SubjectAmount) (domain.Breakdown, error) {
	depts, err := q.Departments(ctx)
	if err != nil {
		return domain.Breakdown{}, err
	}
	subjects, err := q.Subjects(ctx)
	if err != nil {
		return domain.Breakdown{}, err
	}
	return domain.NewBreakdown(amounts, depts, subjects), nil
}
