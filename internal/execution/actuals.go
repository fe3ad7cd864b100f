package execution

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
)

// ActualsView is actual revenue and spending from January through Month
// (0 = the whole year) by department and subject.
type ActualsView struct {
	Year, Month int
	domain.Breakdown
}

// Actuals sums actuals of year through month (0 = the whole year) per
// department and subject.
func (s *Service) Actuals(ctx context.Context, by domain.Actor, year, month int) (ActualsView, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return ActualsView{}, err
	}
	if !domain.ValidYear(year) {
		return ActualsView{}, domain.YearProblem(year)
	}
	if month < 0 || month > 12 {
		return ActualsView{}, monthProblem(month)
	}
	through := month
	if through == 0 {
		through = 12
	}
	totals, err := s.st.ActualSubjectTotals(ctx, year, through)
	if err != nil {
		return ActualsView{}, err
	}
	b, err := s.st.Breakdown(ctx, visibleAmounts(by, totals))
	return ActualsView{Year: year, Month: month, Breakdown: b}, err
}

// visibleAmounts keeps the amounts of the departments by may see: a
// department head's figures and totals are their own departments' only.
func visibleAmounts(by domain.Actor, amounts []domain.SubjectAmount) []domain.SubjectAmount {
	if by.Role != domain.RoleDeptHead {
		return amounts
	}
	out := make([]domain.SubjectAmount, 0, len(amounts))
	for _, a := range amounts {
		if permission.CanSee(by, a.DeptCode) {
			out = append(out, a)
		}
	}
	return out
}
