package payout

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// compositeScale turns a composite score (0–100 points) into an integer
// weight with four decimals of a point: fine enough that rounding never
// decides a fen of any realistic pool, coarse enough that products fit.
const compositeScale = 10000

// Dept is a department's input to a scheme: its scores per dimension
// (0–100, from the evaluation or entered), headcount and bonus coefficient
// in thousandths (1.000 = 1000).
type Dept struct {
	Code, Name       string
	Headcount        int
	CoefficientMilli int64
	Scores           map[Dimension]float64
	// Unmeasured marks the dimensions the department has no measurement
	// of: they are left out of its composite, the other weights rescaled
	// (EffectiveWeights). nil: every dimension measured.
	Unmeasured map[Dimension]bool
}

// Scheme is a period's bonus scheme: the pool to split, the approved total
// performance pay that caps it, the dimension weights with the floor of the
// public-welfare weight, and the indicators that score the dimensions.
type Scheme struct {
	Pool, Cap money.Amount
	// Limit, when set, is the cap as the year's figures give it (approved
	// − paid − committed): it replaces Cap, and a refusal names them.
	Limit        *Limit
	Weights      Weights
	WelfareFloor float64
	Drivers      []Driver
}

// Line is a department's result: the weights its composite was computed
// with (EffectiveWeights), its composite score, the integer weight its part
// of the pool was computed from, and its bonus.
type Line struct {
	Dept
	Effective Weights
	Composite float64
	Share     int64
	Bonus     money.Amount
}

// Allocate splits the pool among departments: composite = Σ effective
// weight × score over the measured dimensions (EffectiveWeights),
// share = round(composite × 10000) × headcount × coefficient, and the pool
// is divided in proportion to the shares by largest remainder, so the
// bonuses sum exactly to the pool and equal inputs get amounts within one
// fen. Lines come in department-code order. Everything wrong with the
// scheme or the departments is refused at once as domain.Problems.
func Allocate(s Scheme, depts []Dept) ([]Line, error) {
	ps := s.check()
	ps = append(ps, checkDepts(depts)...)
	if len(ps) > 0 {
		return nil, ps
	}
	return allocate(s.Pool, s.Weights, depts)
}

// check validates the scheme alone: pool, cap, weights and drivers.
func (s Scheme) check() domain.Problems {
	var ps domain.Problems
	switch {
	case s.Pool <= 0:
		ps = append(ps, domain.NewProblem("problem.bonus.pool_positive", "The bonus pool is {{.Pool}} yuan: enter an amount above 0.", "Pool", money.FormatPlain(s.Pool)))
	case s.Limit != nil:
		if p := s.Limit.Check(s.Pool); p != nil {
			ps = append(ps, p)
		}
	case s.Cap <= 0:
		ps = append(ps, domain.NewProblem("problem.bonus.cap_missing", "The approved total performance pay is not set: enter it, since the bonus pool may not exceed it."))
	case s.Pool > s.Cap:
		ps = append(ps, domain.NewProblem("problem.bonus.pool_cap", "The bonus pool of {{.Pool}} yuan exceeds the approved total performance pay of {{.Cap}} yuan by {{.Excess}} yuan: lower the pool to the approved total.", "Pool", money.FormatPlain(s.Pool), "Cap", money.FormatPlain(s.Cap), "Excess", money.FormatPlain(s.Pool-s.Cap)))
	}
	ps = append(ps, s.Weights.Validate(s.WelfareFloor)...)
	return append(ps, CheckCompliance(s.Drivers)...)
}

// checkDepts refuses what would make the split meaningless or ambiguous:
// no departments, missing or repeated codes (results are keyed by code),
// negative headcounts or coefficients, scores that are not numbers in
// 0–100 or belong to no dimension, and departments with no measured
// dimension at all.
func checkDepts(depts []Dept) domain.Problems {
	var ps domain.Problems
	if len(depts) == 0 {
		ps = append(ps, domain.NewProblem("problem.bonus.no_depts", "The scheme has no departments: add the departments that share the pool."))
	}
	seen := map[string]bool{}
	for _, d := range depts {
		switch {
		case strings.TrimSpace(d.Code) == "":
			ps = append(ps, domain.NewProblem("problem.bonus.dept_code", "Department {{.Name}} has no code: give each department its code.", "Name", d.Name))
		case seen[d.Code]:
			ps = append(ps, domain.NewProblem("problem.bonus.dept_duplicate", "Department {{.Code}} appears twice: keep one line per department.", "Code", d.Code))
		}
		seen[d.Code] = true
		if Measured(d.Unmeasured) == 0 {
			ps = append(ps, unmeasuredProblem(d))
		}
		if d.Headcount < 0 {
			ps = append(ps, domain.NewProblem("problem.bonus.headcount_negative", "Department {{.Code}} has a negative headcount ({{.N}}): enter 0 or more.", "Code", d.Code, "N", d.Headcount))
		}
		if d.CoefficientMilli < 0 {
			ps = append(ps, domain.NewProblem("problem.bonus.coefficient_negative", "Department {{.Code}} has a negative bonus coefficient ({{.Coefficient}}): enter 0 or more, such as 1.0.", "Code", d.Code, "Coefficient", domain.FormatCoefficient(d.CoefficientMilli)))
		}
		for _, dim := range sortedDims(d.Scores) {
			v := d.Scores[dim]
			if !known(dim) {
				ps = append(ps, domain.NewProblem("problem.bonus.score_dimension", "Department {{.Code}} has a score for \"{{.Dimension}}\", which is not a bonus dimension: remove it or move it to a known dimension.", "Code", d.Code, "Dimension", string(dim)))
			} else if math.IsNaN(v) || v < 0 || v > 100 {
				ps = append(ps, domain.NewProblem("problem.bonus.score_range", "Department {{.Code}} scores {{.Score}} for {{.Dimension}}: enter a score between 0 and 100.", "Code", d.Code, "Dimension", dimTerm(dim), "Score", strconv.FormatFloat(v, 'g', -1, 64)))
			}
		}
	}
	return ps
}

// sortedDims lists a score map's dimensions in a fixed order so problems
// come out the same every run.
func sortedDims(m map[Dimension]float64) []Dimension {
	ds := make([]Dimension, 0, len(m))
	for d := range m {
		ds = append(ds, d)
	}
	slices.Sort(ds)
	return ds
}

// Composite is Σ weight × score over the dimensions in their fixed order.
func Composite(w Weights, scores map[Dimension]float64) float64 {
	c := 0.0
	for _, d := range Dimensions {
		c += w[d] * scores[d]
	}
	return c
}

// allocate does the split for inputs already checked.
func allocate(pool money.Amount, w Weights, depts []Dept) ([]Line, error) {
	lines := make([]Line, len(depts))
	for i, d := range depts {
		lines[i].Dept = d
	}
	slices.SortFunc(lines, func(a, b Line) int { return cmp.Compare(a.Code, b.Code) })
	weights := make([]int64, len(lines))
	for i := range lines {
		l := &lines[i]
		l.Effective = EffectiveWeights(w, l.Unmeasured)
		l.Composite = Composite(l.Effective, l.Scores)
		share, ok := shareOf(l.Composite, l.Headcount, l.CoefficientMilli)
		if !ok {
			return nil, domain.NewProblem("problem.bonus.share_overflow", "Department {{.Code}}: headcount {{.N}} × coefficient {{.Coefficient}} is too large to compute a share: check the headcount and the coefficient.", "Code", l.Code, "N", l.Headcount, "Coefficient", domain.FormatCoefficient(l.CoefficientMilli))
		}
		l.Share, weights[i] = share, share
	}
	parts, err := money.Allocate(pool, weights)
	if err != nil {
		if slices.ContainsFunc(weights, func(x int64) bool { return x != 0 }) {
			return nil, fmt.Errorf("bonus: allocate: %w", err) // checked inputs never get here
		}
		return nil, domain.NewProblem("problem.bonus.no_shares", "No department has a share of the pool: every department's composite score, headcount or coefficient is 0. Enter scores, headcounts and coefficients, or check the weights.")
	}
	for i := range lines {
		lines[i].Bonus = parts[i]
	}
	return lines, nil
}

// shareOf is round(composite × 10000) × headcount × coefficientMilli, or
// false if it does not fit in an int64.
func shareOf(composite float64, headcount int, coefMilli int64) (int64, bool) {
	c := uint64(math.Round(composite * compositeScale)) // composite ∈ [0, 100]
	hi, p := bits.Mul64(c, uint64(headcount))
	if hi != 0 {
		return 0, false
	}
	hi, p = bits.Mul64(p, uint64(coefMilli))
	if hi != 0 || p > math.MaxInt64 {
		return 0, false
	}
	return int64(p), true
}
