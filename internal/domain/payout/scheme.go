package payout

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Dimension is a bonus dimension; it is the evaluation's tag so indicators
// scored there feed the scheme without translation.
type Dimension = scoring.BonusDimension

// Dimensions lists the scheme's dimensions in display (and summing) order.
// Summing in a fixed order keeps composites bit-for-bit reproducible.
var Dimensions = []Dimension{
	scoring.BonusWorkload,
	scoring.BonusQuality,
	scoring.BonusEfficiency,
	scoring.BonusPublicWelfare,
	scoring.BonusSatisfaction,
}

// weightTolerance is how far weights may be from summing to 1: rescaling
// in floating point leaves errors near 1e-16, far below it.
const weightTolerance = 1e-9

// Weights gives each dimension its weight in the composite score; a
// missing dimension weighs 0.
type Weights map[Dimension]float64

func known(d Dimension) bool {
	for _, k := range Dimensions {
		if d == k {
			return true
		}
	}
	return false
}

// dimTerms name the dimensions in messages with the indicator screens'
// translations (keys indui.bonus.*).
var dimTerms = map[Dimension]string{
	scoring.BonusWorkload:      "Workload",
	scoring.BonusQuality:       "Quality",
	scoring.BonusEfficiency:    "Efficiency and cost control",
	scoring.BonusPublicWelfare: "Public welfare",
	scoring.BonusSatisfaction:  "Satisfaction",
}

// dimTerm is a known dimension's translated name; unknown ones show as
// typed, since they have no translation.
func dimTerm(d Dimension) any {
	if def, ok := dimTerms[d]; ok {
		return domain.Term{Key: "indui.bonus." + string(d), Default: def}
	}
	return string(d)
}

// pct shows a weight as a percentage with up to two decimals ("30%").
func pct(w float64) string {
	return strconv.FormatFloat(math.Round(w*10000)/100, 'f', -1, 64) + "%"
}

// Validate lists what is wrong with the weights: each must be a number in
// [0, 1], they must sum to 1, only known dimensions may appear, and the
// public-welfare weight must reach floor (itself in [0, 1]) so that
// public-health duties count in pay however the other weights are set.
func (w Weights) Validate(floor float64) domain.Problems {
	var ps domain.Problems
	for d := range w {
		if !known(d) {
			ps = append(ps, domain.NewProblem("problem.bonus.weight_dimension", "\"{{.Dimension}}\" is not a bonus dimension: use workload, quality, efficiency, public_welfare or satisfaction.", "Dimension", string(d)))
		}
	}
	sum, ok := 0.0, true
	for _, d := range Dimensions {
		v := w[d]
		if math.IsNaN(v) || v < 0 || v > 1 {
			ok = false
			ps = append(ps, domain.NewProblem("problem.bonus.weight_range", "The weight of {{.Dimension}} is {{.Weight}}: enter a weight between 0 and 1 (0% to 100%).", "Dimension", dimTerm(d), "Weight", strconv.FormatFloat(v, 'g', -1, 64)))
			continue
		}
		sum += v
	}
	if ok && math.Abs(sum-1) > weightTolerance {
		ps = append(ps, domain.NewProblem("problem.bonus.weight_sum", "The dimension weights add up to {{.Sum}}: they must add up to 100%.", "Sum", pct(sum)))
	}
	if math.IsNaN(floor) || floor < 0 || floor > 1 {
		ps = append(ps, domain.NewProblem("problem.bonus.floor_range", "The public-welfare floor is {{.Floor}}: enter a value between 0 and 1 (0% to 100%).", "Floor", strconv.FormatFloat(floor, 'g', -1, 64)))
	} else if pw := w[scoring.BonusPublicWelfare]; pw >= 0 && pw < floor {
		// An out-of-range weight is reported above; say it once.
		ps = append(ps, domain.NewProblem("problem.bonus.welfare_floor", "The public-welfare weight is {{.Weight}}, below the floor of {{.Floor}}: raise it so that public-health duties (screening, outreach, women's and children's health) count in pay, as public-hospital reform requires.", "Weight", pct(pw), "Floor", pct(floor)))
	}
	return ps
}

// WithPublicWelfare returns weights with the public-welfare weight set to p
// and the other dimensions rescaled in proportion so that all sum to 1: the
// slider moves one weight and keeps the relative balance of the rest. If the
// others are all 0, 1−p is spread evenly among them. A p outside [0, 1]
// yields weights that Validate refuses. w is not changed.
func (w Weights) WithPublicWelfare(p float64) Weights {
	out := make(Weights, len(Dimensions))
	others := 0.0
	n := 0
	for _, d := range Dimensions {
		if d != scoring.BonusPublicWelfare {
			others += w[d]
			n++
		}
	}
	for _, d := range Dimensions {
		switch {
		case d == scoring.BonusPublicWelfare:
			out[d] = p
		case others > 0:
			out[d] = w[d] / others * (1 - p)
		default:
			out[d] = (1 - p) / float64(n)
		}
	}
	return out
}

// Driver is an indicator used to score a bonus dimension.
type Driver struct {
	Dimension Dimension
	Indicator scoring.Indicator
}

// CheckCompliance refuses drivers that would link pay to revenue
// (scoring.RevenueRule: 国办发〔2019〕4号 and the pay reform, 九项准则). An
// indicator is refused when it is flagged RevenueLinked or when its name
// reads as revenue-linked (any revenue amount, share, growth, per head,
// completion or surplus). Drivers of unknown dimensions are refused too.
func CheckCompliance(drivers []Driver) domain.Problems {
	var ps domain.Problems
	for _, dr := range drivers {
		ind := dr.Indicator
		label := strings.TrimSpace(ind.Code + " " + ind.Name)
		if dr.Dimension == scoring.BonusNone || !known(dr.Dimension) {
			ps = append(ps, domain.NewProblem("problem.bonus.driver_dimension", "Indicator {{.Indicator}} drives the unknown bonus dimension \"{{.Dimension}}\": choose workload, quality, efficiency, public welfare or satisfaction.", "Indicator", label, "Dimension", string(dr.Dimension)))
		}
		if ind.RevenueLinked || scoring.ReadsAsRevenueTarget(ind.Name) {
			ind.Bonus = dr.Dimension // the rule applies to the dimension it drives here
			if ind.Bonus == scoring.BonusNone {
				ind.Bonus = "unknown"
			}
			ps = append(ps, scoring.RevenueDriverProblem(ind, label))
		}
	}
	return ps
}
