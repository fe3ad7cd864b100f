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
