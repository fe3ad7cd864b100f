package pace

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func yuan(y int64) money.Amount { return money.FromYuan(y) }

func TestMeasureFormulas(t *testing.T) {
	th := DefaultThresholds
	tests := []struct {
		name            string
		m               Measure
		rate, deviation float64
		devOK           bool
		status          Status
	}{
		{"on plan", Measure{yuan(1200), yuan(900), yuan(900)}, 0.75, 0, true, StatusNormal},
		{"5% over is still accurate", Measure{yuan(1200), yuan(1000), yuan(1050)}, 0.875, 0.05, true, StatusNormal},
		{"8% under is a warning", Measure{yuan(1200), yuan(1000), yuan(920)}, 920.0 / 1200, -0.08, true, StatusWatch},
		{"10% over is a warning", Measure{yuan(1200), yuan(1000), yuan(1100)}, 1100.0 / 1200, 0.10, true, StatusWatch},
		{"beyond 10% over is overspending", Measure{yuan(1200), yuan(1000), yuan(1101)}, 1101.0 / 1200, 0.101, true, StatusOverspent},
		{"zero budget, nothing spent", Measure{}, 0, 0, false, StatusNormal},
		{"zero budget, money spent", Measure{Actual: yuan(10)}, 0, 0, false, StatusOverspent},
		{"refunds exceed spending", Measure{yuan(1200), yuan(300), yuan(-50)}, -50.0 / 1200, -350.0 / 300, true, StatusLagging},
		{"no data yet this year", Measure{yuan(1200), yuan(300), 0}, 0, -1, true, StatusLagging},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.ExecutionRate(); math.Abs(got-tt.rate) > 1e-9 {
				t.Errorf("execution rate %v, want %v", got, tt.rate)
			}
			d, ok := tt.m.Deviation()
			if ok != tt.devOK || math.Abs(d-tt.deviation) > 1e-9 {
				t.Errorf("deviation %v %v, want %v %v", d, ok, tt.deviation, tt.devOK)
			}
			if got := th.Judge(domain.Expenditure, tt.m); got != tt.status {
				t.Errorf("status %s, want %s", got, tt.status)
			}
		})
	}
}

func TestPaceAndTimeProgress(t *testing.T) {
	th := DefaultThresholds
	for _, c := range []struct {
		ratio float64
		want  Pace
	}{{0, Behind}, {0.899, Behind}, {0.9, OnTrack}, {1.1, OnTrack}, {1.1001, Ahead}} {
		if got := th.Pace(c.ratio); got != c.want {
			t.Errorf("Pace(%v) = %s, want %s", c.ratio, got, c.want)
		}
	}
	for m, want := range map[int]float64{0: 0, 3: 0.25, 9: 0.75, 12: 1} {
		if got := TimeProgress(m); got != want {
			t.Errorf("TimeProgress(%d) = %v", m, got)
		}
	}
	m := Measure{Budget: yuan(1000), Actual: yuan(600)}
	if got := m.AgainstTime(0.75); math.Abs(got-0.8) > 1e-12 {
		t.Errorf("0.6 / 0.75 = %v", got)
	}
	if got := m.AgainstTime(0); got != 0 {
		t.Errorf("at month 0: %v", got)
	}
}

func TestThresholdsValidate(t *testing.T) {
	bad := []Thresholds{
		{GreenWithin: 0.1, AmberWithin: 0.05, BehindBelow: 0.9, AheadAbove: 1.1},
		{GreenWithin: 0, AmberWithin: 0.1, BehindBelow: 0.9, AheadAbove: 1.1},
		{GreenWithin: 0.05, AmberWithin: 0.1, BehindBelow: 1.2, AheadAbove: 1.1},
	}
	for _, b := range bad {
		if b.Validate() == nil {
			t.Errorf("%+v accepted", b)
		}
	}
	if DefaultThresholds.Validate() != nil {
		t.Error("defaults refused")
	}
}

// The two budget-execution indicators of a department's evaluation: the
// execution rate against time progress and the deviation from the budget
// due, both either way.
func TestAgainstTimeAndDeviationAgainstTime(t *testing.T) {
	tests := []struct {
		name      string
		m         Measure
		tp        float64
		ratio     float64
		deviation float64
		devOK     bool
	}{
		{"year end on budget", Measure{Budget: yuan(1000), Actual: yuan(1000)}, 1, 1, 0, true},
		{"year end 4% under", Measure{Budget: yuan(1000), Actual: yuan(960)}, 1, 0.96, 0.04, true},
		{"year end 12% over", Measure{Budget: yuan(1000), Actual: yuan(1120)}, 1, 1.12, 0.12, true},
		{"June, half spent", Measure{Budget: yuan(1200), Actual: yuan(600)}, 0.5, 1, 0, true},
		{"June, 450 of 600 due", Measure{Budget: yuan(1200), Actual: yuan(450)}, 0.5, 0.75, 0.25, true},
		{"no budget", Measure{Actual: yuan(10)}, 1, 0, 0, false},
		{"month 0", Measure{Budget: yuan(1200)}, 0, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.AgainstTime(tt.tp); math.Abs(got-tt.ratio) > 1e-9 {
				t.Errorf("against time %v, want %v", got, tt.ratio)
			}
			d, ok := tt.m.DeviationAgainstTime(tt.tp)
			if ok != tt.devOK || math.Abs(d-tt.deviation) > 1e-9 {
				t.Errorf("deviation against time %v %v, want %v %v", d, ok, tt.deviation, tt.devOK)
			}
		})
	}
}
