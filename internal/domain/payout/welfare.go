package payout

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// CheckWelfareWeight refuses a public-welfare weight outside [floor, 1],
// naming the floor when it is below it; nil when w may be used.
func CheckWelfareWeight(w, floor float64) *domain.Problem {
	switch {
	case math.IsNaN(w) || w < 0 || w > 1:
		return domain.NewProblem("problem.bonus.welfare_range", "A public-welfare weight of {{.Weight}} is impossible: enter a weight between 0% and 100% (such as 15% or 0.15).", "Weight", pct(w))
	case w < floor:
		return domain.NewProblem("problem.bonus.welfare_floor", "The public-welfare weight is {{.Weight}}, below the floor of {{.Floor}}: raise it so that public-health duties (screening, outreach, women's and children's health) count in pay, as public-hospital reform requires.", "Weight", pct(w), "Floor", pct(floor))
	}
	return nil
}

// ParseWeights reads weights written as "workload=30%,quality=25%,…" (each
// value a percentage or a fraction, domain.ParseRatio). Dimensions not
// named keep their weight in base. The result is not validated: call
// Weights.Validate.
func ParseWeights(text string, base Weights) (Weights, error) {
	out := make(Weights, len(Dimensions))
	for d, v := range base {
		out[d] = v
	}
	var ps domain.Problems
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		k, v, ok := strings.Cut(part, "=")
		dim := Dimension(strings.TrimSpace(strings.ReplaceAll(k, "-", "_")))
		if !ok || !known(dim) {
			ps = append(ps, domain.NewProblem("problem.bonus.weight_text", "\"{{.Text}}\" is not a dimension weight: write dimension=weight, such as workload=30%, with workload, quality, efficiency, public_welfare or satisfaction.", "Text", strings.TrimSpace(part)))
			continue
		}
		w, err := domain.ParseRatio(v)
		if err != nil {
			ps = append(ps, domain.AsProblems(err)...)
			continue
		}
		out[dim] = w
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return out, nil
}

// FormatWeights writes weights as ParseWeights reads them, in the fixed
// dimension order.
func FormatWeights(w Weights) string {
	parts := make([]string, 0, len(Dimensions))
	for _, d := range Dimensions {
		parts = append(parts, string(d)+"="+strconv.FormatFloat(w[d], 'f', -1, 64))
	}
	return strings.Join(parts, ",")
}

// WelfareStep is the change of the public-welfare weight the sensitivity
// statement reports: 5 percentage points each way.
const WelfareStep = 0.05
