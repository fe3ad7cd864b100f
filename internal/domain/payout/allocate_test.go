package payout

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

func exampleScheme() Scheme {
	return Scheme{
		Pool:         money.FromYuan(100_000),
		Cap:          money.FromYuan(120_000),
		Weights:      Weights{wl: 0.4, ql: 0.2, ef: 0.1, pw: 0.2, st: 0.1},
		WelfareFloor: 0.15,
	}
}

func exampleDepts() []Dept {
	return []Dept{
		// Listed out of code order on purpose: lines come sorted.
		{Code: "C", Name: "保健科", Headcount: 4, CoefficientMilli: 800, Scores: map[Dimension]float64{wl: 50, ql: 50, ef: 50, pw: 50, st: 50}},
		{Code: "A", Name: "内科", Headcount: 10, CoefficientMilli: 1000, Scores: map[Dimension]float64{wl: 80, ql: 90, ef: 70, pw: 50, st: 90}},
		{Code: "B", Name: "妇幼保健", Headcount: 5, CoefficientMilli: 1200, Scores: map[Dimension]float64{wl: 60, ql: 80, ef: 80, pw: 90, st: 80}},
	}
}

// TestWorkedExample is computed by hand:
//
//	A: 0.4×80 + 0.2×90 + 0.1×70 + 0.2×50 + 0.1×90 = 76; share 760000×10×1000 = 7.60e9
//	B: 0.4×60 + 0.2×80 + 0.1×80 + 0.2×90 + 0.1×80 = 74; share 740000×5×1200  = 4.44e9
//	C: 50;                                                share 500000×4×800   = 1.60e9
//
// Of 10,000,000 fen: A 5,571,847.507, B 3,255,131.965, C 1,173,020.528;
// the floors leave 2 fen, which go to B and C (largest remainders).
func TestWorkedExample(t *testing.T) {
	lines, err := Allocate(exampleScheme(), exampleDepts())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		code      string
		composite float64
		share     int64
		bonus     int64
	}{
		{"A", 76, 7_600_000_000, 5_571_847},
		{"B", 74, 4_440_000_000, 3_255_132},
		{"C", 50, 1_600_000_000, 1_173_021},
	}
	for i, w := range want {
		l := lines[i]
		if l.Code != w.code || !near(l.Composite, w.composite) || l.Share != w.share || l.Bonus.Fen() != w.bonus {
			t.Errorf("line %d = %s %v %d %d, want %+v", i, l.Code, l.Composite, l.Share, l.Bonus.Fen(), w)
		}
	}
}

func TestAllocateRefusals(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Scheme, []Dept) []Dept
		want  string
		texts []string
	}{
		{"pool over cap", func(s *Scheme, d []Dept) []Dept { s.Pool = money.FromYuan(120_000) + 1; return d },
			"problem.bonus.pool_cap", []string{"120,000.00", "120,000.01", "by 0.01 yuan"}},
		{"pool zero", func(s *Scheme, d []Dept) []Dept { s.Pool = 0; return d }, "problem.bonus.pool_positive", nil},
		{"pool negative", func(s *Scheme, d []Dept) []Dept { s.Pool = -5; return d }, "problem.bonus.pool_positive", nil},
		{"no cap", func(s *Scheme, d []Dept) []Dept { s.Cap = 0; return d }, "problem.bonus.cap_missing", nil},
		{"weights", func(s *Scheme, d []Dept) []Dept { s.Weights = Weights{wl: 1}; return d }, "problem.bonus.welfare_floor", nil},
		{"revenue driver", func(s *Scheme, d []Dept) []Dept {
			s.Drivers = []Driver{{wl, scoring.Indicator{Code: "R1", Name: "耗材收入", RevenueLinked: true}}}
			return d
		}, "problem.bonus.revenue_driver", []string{"R1 耗材收入"}},
		{"no departments", func(s *Scheme, d []Dept) []Dept { return nil }, "problem.bonus.no_depts", nil},
		{"negative headcount", func(s *Scheme, d []Dept) []Dept { d[0].Headcount = -1; return d }, "problem.bonus.headcount_negative", nil},
		{"negative coefficient", func(s *Scheme, d []Dept) []Dept { d[0].CoefficientMilli = -1; return d }, "problem.bonus.coefficient_negative", nil},
		{"NaN score", func(s *Scheme, d []Dept) []Dept { d[1].Scores = map[Dimension]float64{wl: nan()}; return d }, "problem.bonus.score_range", nil},
		{"score over 100", func(s *Scheme, d []Dept) []Dept { d[1].Scores = map[Dimension]float64{wl: 101}; return d }, "problem.bonus.score_range", nil},
		{"unknown score", func(s *Scheme, d []Dept) []Dept { d[1].Scores = map[Dimension]float64{"revenue": 1}; return d }, "problem.bonus.score_dimension", nil},
		{"duplicate code", func(s *Scheme, d []Dept) []Dept { d[1].Code = "C"; return d }, "problem.bonus.dept_duplicate", nil},
		{"missing code", func(s *Scheme, d []Dept) []Dept { d[1].Code = " "; return d }, "problem.bonus.dept_code", nil},
		{"all shares zero", func(s *Scheme, d []Dept) []Dept {
			for i := range d {
				d[i].Headcount = 0
			}
			return d
		}, "problem.bonus.no_shares", nil},
		{"overflow", func(s *Scheme, d []Dept) []Dept { d[0].Headcount = 1 << 40; d[0].CoefficientMilli = 1 << 40; return d }, "problem.bonus.share_overflow", nil},
	}
	for _, c := range cases {
		s := exampleScheme()
		depts := c.edit(&s, exampleDepts())
		_, err := Allocate(s, depts)
		ps := domain.AsProblems(err)
		if len(ps) != 1 || ps[0].Key != c.want {
			t.Errorf("%s: err = %v (%v), want %s", c.name, err, keys(ps), c.want)
			continue
		}
		for _, text := range c.texts {
			if !strings.Contains(err.Error(), text) {
				t.Errorf("%s: %q lacks %q", c.name, err.Error(), text)
			}
		}
	}
}

func TestAllocateReportsAllProblems(t *testing.T) {
	s := exampleScheme()
	s.Pool = s.Cap + 1
	s.Weights = Weights{wl: 1}
	d := exampleDepts()
	d[0].Headcount = -3
	_, err := Allocate(s, d)
	if got := keys(domain.AsProblems(err)); len(got) != 3 {
		t.Errorf("problems %v, want pool_cap, welfare_floor and headcount_negative", got)
	}
}

func TestAllocateDoesNotChangeInput(t *testing.T) {
	d := exampleDepts()
	if _, err := Allocate(exampleScheme(), d); err != nil {
		t.Fatal(err)
	}
	if d[0].Code != "C" || d[1].Code != "A" {
		t.Errorf("input reordered: %s %s", d[0].Code, d[1].Code)
	}
}

func TestPoolAtCapAndZeroShareDepartment(t *testing.T) {
	s := exampleScheme()
	s.Pool = s.Cap
	d := exampleDepts()
	d[0].Headcount = 0 // C: nobody, so nothing
	lines, err := Allocate(s, d)
	if err != nil {
		t.Fatal(err)
	}
	if lines[2].Code != "C" || lines[2].Bonus != 0 || lines[0].Bonus+lines[1].Bonus != s.Pool {
		t.Errorf("lines = %+v", lines)
	}
}

func TestSensitivity(t *testing.T) {
	s := exampleScheme()
	s.WelfareFloor = 0.3 // not applied to the what-if
	got, err := Sensitivity(s, exampleDepts(), DefaultSteps)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d departments", len(got))
	}
	for i, p := range DefaultSteps {
		var sum money.Amount
		for _, code := range []string{"A", "B", "C"} {
			sum += got[code][i]
		}
		if sum != s.Pool {
			t.Errorf("step %v sums to %v", p, sum)
		}
		lines, err := Allocate(Scheme{Pool: s.Pool, Cap: s.Cap, Weights: s.Weights.WithPublicWelfare(p)}, exampleDepts())
		if err != nil {
			t.Fatal(err)
		}
		if lines[1].Bonus != got["B"][i] {
			t.Errorf("step %v: B = %v, Allocate gives %v", p, got["B"][i], lines[1].Bonus)
		}
	}
	// B carries public-health duties (public welfare 90 against 50): it
	// gains as the weight rises.
	for i := 1; i < len(DefaultSteps); i++ {
		if got["B"][i] <= got["B"][i-1] {
			t.Errorf("B at %v = %v, not above %v at %v", DefaultSteps[i], got["B"][i], got["B"][i-1], DefaultSteps[i-1])
		}
	}
	if _, err := Sensitivity(s, exampleDepts(), []float64{0.1, 1.2}); err == nil {
		t.Error("a step of 1.2 should be refused")
	}
	s.Pool = s.Cap + 1
	if _, err := Sensitivity(s, exampleDepts(), DefaultSteps); err == nil {
		t.Error("a pool over the cap should be refused")
	}
}
