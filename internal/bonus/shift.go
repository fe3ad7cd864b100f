package bonus

import (
	"math"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Shift is what moving the public-welfare weight by payout.WelfareStep
// (5 points) each way does to an allocation: the statement the bonus
// report makes beside the sensitivity chart.
type Shift struct {
	// Weight is the weight used, Down and Up the weights 5 points either
	// side (Down not below 0, Up not above 1); BelowFloor says Down is
	// under the hospital's floor, so not a weight the scheme may use.
	Weight, Down, Up float64
	BelowFloor       bool
	// MovedDown and MovedUp are the amounts that change hands between
	// departments: half the sum of the departments' absolute changes.
	MovedDown, MovedUp money.Amount
	// Gainer gains most at Up (Gain), Loser loses most (Loss, ≤ 0); ""
	// when no department gains or loses.
	Gainer, Loser Dept
	Gain, Loss    money.Amount
}

// WelfareShift computes res's Shift, from res.Sensitivity where its steps
// hold both weights and otherwise from the departments' scores.
func WelfareShift(res Result) (Shift, error) {
	w := res.Weights[scoring.BonusPublicWelfare]
	// Rounded to a millionth so that 15% − 5% is 10%, on the chart's step.
	round := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
	sh := Shift{Weight: w, Down: round(max(w-payout.WelfareStep, 0)), Up: round(min(w+payout.WelfareStep, 1))}
	sh.BelowFloor = sh.Down < res.Floor-1e-9
	at, err := amountsAt(res, []float64{sh.Down, w, sh.Up})
	if err != nil || len(res.Departments) == 0 {
		return sh, err
	}
	var down, up money.Amount
	for _, d := range res.Departments {
		v := at[d.Code]
		down += (v[0] - v[1]).Abs()
		delta := v[2] - v[1]
		up += delta.Abs()
		if delta > sh.Gain {
			sh.Gainer, sh.Gain = d, delta
		}
		if delta < sh.Loss {
			sh.Loser, sh.Loss = d, delta
		}
	}
	sh.MovedDown, sh.MovedUp = down/2, up/2
	return sh, nil
}

// amountsAt is each department's bonus at the weights, read from the
// sensitivity curve when it has them all.
func amountsAt(res Result, weights []float64) (map[string][]money.Amount, error) {
	idx := make([]int, len(weights))
	for i, w := range weights {
		idx[i] = -1
		for j, s := range res.Steps {
			if math.Abs(s-w) < 1e-9 {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return computeAt(res, weights)
		}
	}
	out := make(map[string][]money.Amount, len(res.Departments))
	for _, d := range res.Departments {
		curve := res.Sensitivity[d.Code]
		for _, j := range idx {
			if j >= len(curve) {
				return computeAt(res, weights)
			}
			out[d.Code] = append(out[d.Code], curve[j])
		}
	}
	return out, nil
}

func computeAt(res Result, weights []float64) (map[string][]money.Amount, error) {
	depts := make([]payout.Dept, 0, len(res.Departments))
	for _, d := range res.Departments {
		depts = append(depts, payout.Dept{Code: d.Code, Name: d.Name, Headcount: d.Headcount, CoefficientMilli: d.CoefficientMilli, Scores: d.Scores, Unmeasured: d.Unmeasured})
	}
	return payout.Sensitivity(payout.Scheme{Pool: res.Pool, Cap: res.Pool, Weights: res.Weights}, depts, weights)
}
