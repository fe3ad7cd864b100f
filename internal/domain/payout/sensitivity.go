package payout

import (
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// DefaultSteps are the public-welfare weights of the sensitivity chart:
// 0 to 50% by 5%.
var DefaultSteps = []float64{0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50}

// Sensitivity gives each department's bonus (keyed by code, one amount per
// step) as the public-welfare weight goes through steps, the other weights
// rescaled in proportion (Weights.WithPublicWelfare). The floor does not
// apply: the chart exists to show what a lower weight would cost the
// departments with public-health duties. Steps must lie in [0, 1].
func Sensitivity(s Scheme, depts []Dept, steps []float64) (map[string][]money.Amount, error) {
	var ps domain.Problems
	for _, p := range steps {
		if math.IsNaN(p) || p < 0 || p > 1 {
			ps = append(ps, domain.NewProblem("problem.bonus.step_range", "The public-welfare weight {{.Weight}} is outside 0–1: choose steps between 0% and 100%.", "Weight", strconv.FormatFloat(p, 'g', -1, 64)))
		}
	}
	// Check the scheme once as entered, floor aside, so a broken scheme is
	// reported as such rather than once per step.
	base := s
	base.WelfareFloor = 0
	ps = append(ps, base.check()...)
	ps = append(ps, checkDepts(depts)...)
	if len(ps) > 0 {
		return nil, ps
	}
	out := make(map[string][]money.Amount, len(depts))
	for _, d := range depts {
		out[d.Code] = make([]money.Amount, len(steps))
	}
	for i, p := range steps {
		lines, err := allocate(s.Pool, s.Weights.WithPublicWelfare(p), depts)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			out[l.Code][i] = l.Bonus
		}
	}
	return out, nil
}
