package payout

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestEffectiveWeights(t *testing.T) {
	w := Weights{wl: 0.4, ql: 0.2, ef: 0.1, pw: 0.2, st: 0.1}
	cases := []struct {
		name       string
		w          Weights
		unmeasured map[Dimension]bool
		want       Weights
	}{
		{"all measured (nil)", w, nil, w},
		{"all measured (empty)", w, map[Dimension]bool{}, w},
		{"all marked measured", w, map[Dimension]bool{wl: false, pw: false}, w},
		{"public welfare missing", w, map[Dimension]bool{pw: true}, Weights{wl: 0.5, ql: 0.25, ef: 0.125, pw: 0, st: 0.125}},
		{"quality and workload missing", w, map[Dimension]bool{ql: true, wl: true}, Weights{wl: 0, ql: 0, ef: 0.25, pw: 0.5, st: 0.25}},
		{"only satisfaction measured", w, map[Dimension]bool{wl: true, ql: true, ef: true, pw: true}, Weights{st: 1, wl: 0, ql: 0, ef: 0, pw: 0}},
		{"all missing", w, map[Dimension]bool{wl: true, ql: true, ef: true, pw: true, st: true}, Weights{wl: 0, ql: 0, ef: 0, pw: 0, st: 0}},
		{"measured only at weight 0", Weights{wl: 0.5, ql: 0.5}, map[Dimension]bool{wl: true, ql: true}, Weights{wl: 0, ql: 0, ef: 0, pw: 0, st: 0}},
	}
	for _, c := range cases {
		got := EffectiveWeights(c.w, c.unmeasured)
		sum := 0.0
		for _, d := range Dimensions {
			if !near(got[d], c.want[d]) {
				t.Errorf("%s: %s = %v, want %v", c.name, d, got[d], c.want[d])
			}
			sum += got[d]
		}
		if Measured(c.unmeasured) > 0 && sum > 0 && math.Abs(sum-1) > weightTolerance {
			t.Errorf("%s: effective weights sum to %v", c.name, sum)
		}
	}
	if w[pw] != 0.2 {
		t.Error("EffectiveWeights changed its argument")
	}
}

// A dimension without a measurement is left out of the department's
// composite, never counted as 0, and the split stays exact to the fen.
func TestAllocateLeavesUnmeasuredOut(t *testing.T) {
	old, err := Allocate(exampleScheme(), exampleDepts())
	if err != nil {
		t.Fatal(err)
	}
	// Every dimension marked measured: exactly the old result.
	depts := exampleDepts()
	for i := range depts {
		depts[i].Unmeasured = map[Dimension]bool{}
	}
	same, err := Allocate(exampleScheme(), depts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range old {
		if old[i].Composite != same[i].Composite || old[i].Bonus != same[i].Bonus || old[i].Share != same[i].Share {
			t.Errorf("all measured: %+v, before %+v", same[i], old[i])
		}
	}

	// B (妇幼保健) has no public-welfare measurement; its stale score of 90
	// must not count either. By hand: (0.4×60 + 0.2×80 + 0.1×80 + 0.1×80) ÷ 0.8 = 70,
	// where counting the dimension as 0 would give 56.
	depts = exampleDepts()
	depts[2].Unmeasured = map[Dimension]bool{pw: true}
	lines, err := Allocate(exampleScheme(), depts)
	if err != nil {
		t.Fatal(err)
	}
	b := lines[1]
	if b.Code != "B" || !near(b.Composite, 70) || b.Effective[pw] != 0 || !near(b.Effective[wl], 0.5) {
		t.Errorf("B: composite %v, effective %v", b.Composite, b.Effective)
	}
	if a := lines[0]; !near(a.Composite, 76) || a.Effective[pw] != 0.2 {
		t.Errorf("A, all measured, changed: %v %v", a.Composite, a.Effective)
	}
	if s := sumOf(lines); s != exampleScheme().Pool {
		t.Errorf("sum %v, pool %v", s, exampleScheme().Pool)
	}
}

// Every combination of measured dimensions (but none): composites stay in
// 0–100, effective weights sum to 1, the parts sum to the pool.
func TestEveryMeasuredCombination(t *testing.T) {
	s := exampleScheme()
	s.Pool = money.FromFen(1_000_000_001)
	s.Cap = s.Pool
	for mask := 1; mask < 1<<len(Dimensions); mask++ {
		depts := exampleDepts()
		un := map[Dimension]bool{}
		for i, d := range Dimensions {
			un[d] = mask&(1<<i) == 0
		}
		depts[0].Unmeasured = un
		lines, err := Allocate(s, depts)
		if err != nil {
			t.Fatalf("mask %05b: %v", mask, err)
		}
		if sum := sumOf(lines); sum != s.Pool {
			t.Errorf("mask %05b: sum %v", mask, sum)
		}
		for _, l := range lines {
			ws := 0.0
			for _, d := range Dimensions {
				ws += l.Effective[d]
				if l.Unmeasured[d] && l.Effective[d] != 0 {
					t.Errorf("mask %05b: %s unmeasured weighs %v", mask, d, l.Effective[d])
				}
			}
			if math.Abs(ws-1) > weightTolerance || l.Composite < 0 || l.Composite > 100 || l.Bonus < 0 {
				t.Errorf("mask %05b: %s weights sum %v, composite %v, bonus %v", mask, l.Code, ws, l.Composite, l.Bonus)
			}
		}
	}
}

// A department with no dimension measured is refused by name, not paid 0.
func TestNothingMeasuredIsRefused(t *testing.T) {
	depts := exampleDepts()
	depts[0].Unmeasured = map[Dimension]bool{wl: true, ql: true, ef: true, pw: true, st: true}
	_, err := Allocate(exampleScheme(), depts)
	ps, ok := err.(domain.Problems)
	if !ok || len(ps) != 1 || ps[0].Key != "problem.bonus.dept_unmeasured" || ps[0].Args["Code"] != "C" || ps[0].Args["Name"] != "保健科" {
		t.Fatalf("err %#v", err)
	}
	if _, err := Sensitivity(exampleScheme(), depts, DefaultSteps); err == nil {
		t.Error("sensitivity of a department with nothing measured: no refusal")
	}
}

// Measured only in public welfare: at a public-welfare weight of 0 the
// department has no weighted dimension and its share is 0; the sweep
// still sums to the pool at every step.
func TestSensitivityWithUnmeasured(t *testing.T) {
	depts := exampleDepts()
	depts[1].Unmeasured = map[Dimension]bool{wl: true, ql: true, ef: true, st: true}
	s := exampleScheme()
	s.WelfareFloor = 0
	sens, err := Sensitivity(s, depts, DefaultSteps)
	if err != nil {
		t.Fatal(err)
	}
	if sens["A"][0] != 0 || sens["A"][1] <= 0 {
		t.Errorf("A: %v at 0, %v at 5%%", sens["A"][0], sens["A"][1])
	}
	for i := range DefaultSteps {
		if got := sens["A"][i] + sens["B"][i] + sens["C"][i]; got != s.Pool {
			t.Errorf("step %d sums to %v", i, got)
		}
	}
}

func sumOf(lines []Line) money.Amount {
	var s money.Amount
	for _, l := range lines {
		s += l.Bonus
	}
	return s
}
