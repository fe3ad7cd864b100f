package bonus_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Issue 20's first acceptance line on the demo: every department of every
// type is measured in every dimension (none counted as 0 for want of a
// measurement), and at the default weights public-health staff get a
// per-head amount within the range of clinical staff.
func TestEveryDimensionMeasuredOnTheDemo(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatal(err)
	}
	types := map[domain.DeptType]int{}
	lo, hi := money.Amount(math.MaxInt64), money.Amount(0)
	clinicalMin := map[payout.Dimension]float64{}
	minCoef := int64(math.MaxInt64)
	var phSum money.Amount
	phHeads := 0
	for _, d := range res.Departments {
		types[d.Type]++
		if len(d.Unmeasured) > 0 {
			t.Errorf("%s %s (%s): dimensions not measured %v", d.Code, d.Name, d.Type, d.Unmeasured)
		}
		sum := 0.0
		for _, dim := range payout.Dimensions {
			if _, ok := d.Scores[dim]; !ok {
				t.Errorf("%s: no score for %s", d.Code, dim)
			}
			sum += d.Effective[dim]
			if d.Effective[dim] != res.Weights[dim] {
				t.Errorf("%s %s: own weight %v, scheme %v", d.Code, dim, d.Effective[dim], res.Weights[dim])
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("%s: weights sum to %v", d.Code, sum)
		}
		switch d.Type {
		case domain.Clinical:
			lo, hi = min(lo, d.PerHead()), max(hi, d.PerHead())
			minCoef = min(minCoef, d.CoefficientMilli)
			for _, dim := range payout.Dimensions {
				if v, ok := clinicalMin[dim]; !ok || d.Scores[dim] < v {
					clinicalMin[dim] = d.Scores[dim]
				}
			}
		case domain.PublicHealth:
			phSum += d.Bonus
			phHeads += d.Headcount
		}
	}
	if len(types) != 5 {
		t.Fatalf("department types %v, want all five", types)
	}
	if avg := (bonus.Dept{Bonus: phSum, Headcount: phHeads}).PerHead(); avg < lo || avg > hi {
		t.Errorf("public health: %v a head on average, outside the clinical range %v–%v", avg, lo, hi)
	}
	// A public-health department outside the clinical range must owe it to
	// its own scores: one below every clinical department's, or a lower
	// coefficient.
	for _, d := range res.Departments {
		if d.Type != domain.PublicHealth {
			continue
		}
		t.Logf("%s %s: %v a head (clinical %v–%v)", d.Code, d.Name, d.PerHead(), lo, hi)
		if d.PerHead() >= lo && d.PerHead() <= hi {
			continue
		}
		explained := d.CoefficientMilli < minCoef && d.PerHead() < lo
		for _, dim := range payout.Dimensions {
			if d.PerHead() < lo && d.Scores[dim] < clinicalMin[dim] {
				t.Logf("%s: %s %.2f, below every clinical department (%.2f)", d.Code, dim, d.Scores[dim], clinicalMin[dim])
				explained = true
			}
		}
		if !explained {
			t.Errorf("%s %s: %v a head, outside the clinical range %v–%v, and its scores do not say why", d.Code, d.Name, d.PerHead(), lo, hi)
		}
	}
}

// A department with no finalised evaluation is refused by name; once a
// workload score is entered it shares the pool on that dimension alone
// (own weight 100%, the other four 未计量, not 0), and a saved run keeps
// what was measured.
func TestUnmeasuredDimensionsLeftOut(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	pool := money.FromFen(1000000001)
	err := svc.Master.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "306", Name: "新设保健科", Type: domain.PublicHealth, Headcount: 5, CoefficientMilli: 1000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	var ps domain.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Key != "problem.bonus.dept_unmeasured" || ps[0].Args["Code"] != "306" {
		t.Fatalf("nothing measured: %v", err)
	}
	score := 80.0
	if err := svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "306", scoring.BonusWorkload, &score, "门急诊人次"); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, res bonus.Result) money.Amount {
		t.Helper()
		var sum, got money.Amount
		for _, d := range res.Departments {
			sum += d.Bonus
			if d.Code != "306" {
				continue
			}
			got = d.Bonus
			if len(d.Unmeasured) != 4 || d.Unmeasured[scoring.BonusWorkload] || d.Effective[scoring.BonusWorkload] != 1 || math.Abs(d.Composite-80) > 1e-9 {
				t.Errorf("%s: 306 unmeasured %v, weights %v, composite %v", what, d.Unmeasured, d.Effective, d.Composite)
			}
			for dim := range d.Unmeasured {
				if d.Effective[dim] != 0 {
					t.Errorf("%s: unmeasured %s weighs %v", what, dim, d.Effective[dim])
				}
			}
		}
		if sum != pool || got <= 0 {
			t.Errorf("%s: sum %v of %v, 306 gets %v", what, sum, pool, got)
		}
		return got
	}
	computed := check("computed", res)
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, res, ""); err != nil {
		t.Fatal(err)
	}
	stored, ok, err := svc.Bonus.Current(ctx, domain.LocalUser, 2026)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if check("stored", stored) != computed {
		t.Error("the stored run differs from the computed one")
	}
}
