package bonus

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
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

// libraryLookup finds an indicator of the library by name, by "code name",
// or by code alone when only one indicator of the library has that code
// (codes such as 1.1.1 recur across schemes; an ambiguous one must be
// given with its name). A name shared by schemes counts as revenue-linked
// if any of them flags it.
func (s *Service) libraryLookup(ctx context.Context) (func(string) (scoring.Indicator, bool), error) {
	schemes, err := s.st.Schemes(ctx)
	if err != nil {
		return nil, err
	}
	byKey := map[string]scoring.Indicator{}
	codeNames := map[string]map[string]bool{}
	put := func(k string, ind scoring.Indicator) {
		if prev, seen := byKey[k]; (!seen || !prev.RevenueLinked) && strings.TrimSpace(k) != "" {
			byKey[k] = ind
		}
	}
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if ind := n.Indicator; ind != nil {
				put(ind.Name, *ind)
				put(ind.Code+" "+ind.Name, *ind)
				put(ind.Code, *ind)
				if codeNames[ind.Code] == nil {
					codeNames[ind.Code] = map[string]bool{}
				}
				codeNames[ind.Code][ind.Name] = true
			}
			walk(n.Children)
		}
	}
	for _, sc := range schemes {
		walk(sc.Roots)
	}
	for code, names := range codeNames {
		if len(names) > 1 {
			delete(byKey, code)
		}
	}
	return func(k string) (scoring.Indicator, bool) {
		ind, ok := byKey[strings.TrimSpace(k)]
		return ind, ok
	}, nil
}
