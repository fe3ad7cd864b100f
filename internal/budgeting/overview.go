package budgeting

import (
	"context"
	"slices"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
)

// YearOverview is where one year's budget stands: approved, or being
// prepared with how many departments are at each state.
type YearOverview struct {
	Year           int
	ApprovedBudget bool
	Opened, Locked bool
	// States counts the departments (that the actor may see) per state.
	States map[domain.PrepState]int
	Total  int
}

// Overview lists every year with an approved budget or a preparation
// cycle, newest first, so that a cycle in progress shows beside the
// approved year it follows.
func (s *Service) Overview(ctx context.Context, by domain.Actor) ([]YearOverview, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	approved, err := s.st.BudgetYears(ctx)
	if err != nil {
		return nil, err
	}
	cycles, err := s.st.CycleYears(ctx)
	if err != nil {
		return nil, err
	}
	years := append(slices.Clone(approved), cycles...)
	slices.Sort(years)
	years = slices.Compact(years)
	slices.Reverse(years)
	out := make([]YearOverview, 0, len(years))
	for _, y := range years {
		st, err := s.Status(ctx, by, y)
		if err != nil {
			return nil, err
		}
		o := YearOverview{Year: y, ApprovedBudget: st.ApprovedBudget, Opened: st.Opened, Locked: st.Locked(), States: map[domain.PrepState]int{}}
		for _, d := range st.Departments {
			o.States[d.State]++
			o.Total++
		}
		out = append(out, o)
	}
	return out, nil
}
