package payout

import "github.com/budgetperf/budgetperf/internal/domain"

// EffectiveWeights are the weights a department's composite is computed
// with when some of its dimensions are not measured (no tagged indicator
// with a value in its finalised evaluation and no score entered by hand):
// an unmeasured dimension weighs 0 and the measured ones are rescaled in
// proportion so that they sum to 1, so a missing measurement neither
// counts as a score of 0 nor changes the scale (0–100) composites are
// compared on. With every dimension measured the weights are w itself. If
// the measured dimensions all weigh 0 under w (a dimension measured alone
// at a weight of 0), every effective weight is 0: what the department was
// measured on does not count at these weights. w is not changed.
func EffectiveWeights(w Weights, unmeasured map[Dimension]bool) Weights {
	out := make(Weights, len(Dimensions))
	missing := false
	sum := 0.0
	for _, d := range Dimensions {
		if unmeasured[d] {
			missing = true
			continue
		}
		sum += w[d]
	}
	for _, d := range Dimensions {
		switch {
		case !missing:
			out[d] = w[d]
		case unmeasured[d] || sum <= 0:
			out[d] = 0
		default:
			out[d] = w[d] / sum
		}
	}
	return out
}

// Measured counts the dimensions of Dimensions that are measured.
func Measured(unmeasured map[Dimension]bool) int {
	n := 0
	for _, d := range Dimensions {
		if !unmeasured[d] {
			n++
		}
	}
	return n
}

// unmeasuredProblem refuses a department none of whose dimensions is
// measured: it has no composite score to share the pool by, and counting
// it as 0 would hide that it was never assessed.
func unmeasuredProblem(d Dept) *domain.Problem {
	return domain.NewProblem("problem.bonus.dept_unmeasured", "Department {{.Code}} {{.Name}} has no measured dimension: none of its bonus-tagged indicators has a value in a finalised evaluation and no score was entered by hand. Finalise its evaluation or enter its scores by hand (or set its headcount to 0 to leave it out of the pool).", "Code", d.Code, "Name", d.Name)
}
