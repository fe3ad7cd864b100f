package bonus

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/store"
)

// checkEnteredSources is the guard on the entered-score path of the
// allocation: each score entered by hand must name its source, and the
// source must still pass payout.CheckScoreSource against the library as it
// is now (an indicator flagged revenue-linked since is refused with the
// rule). A score stored before sources were asked for is refused too, so
// that it is entered again with its source.
func (s *Service) checkEnteredSources(ctx context.Context, year int, entered []store.BonusScore) error {
	if len(entered) == 0 {
		return nil
	}
	lookup, err := s.libraryLookup(ctx)
	if err != nil {
		return err
	}
	var ps domain.Problems
	for _, e := range entered {
		src, err := s.st.BonusScoreSource(ctx, year, e.DeptCode, e.Dimension)
		if err != nil {
			return err
		}
		if p := payout.EnteredSourceProblem(e.DeptCode, e.Dimension, src, lookup); p != nil {
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}
