package execution

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
)

func keyOnly(key string, args ...any) string { return key + fmt.Sprint(args...) }

func TestChartsFromExecution(t *testing.T) {
	depts := []domain.Department{{Code: "101", Name: "产科", NameEn: "Obstetrics"}, {Code: "102", Name: "儿科"}}
	cells := []pace.Cell{
		{DeptCode: "101", SubjectCode: "30201", Budget: yuan(1200), Plan: even(1200), Actual: months(100, 100, 130)},
		{DeptCode: "102", SubjectCode: "30201", Budget: yuan(2400), Plan: even(2400), Actual: months(100, 200, 200)},
	}
	ex := pace.Compute(2026, 3, pace.DefaultThresholds, depts, nil, cells)
	cum := CumulativeChart(ex.Total.Expenditure, ex.Month, domain.Expenditure, "全院", keyOnly)
	if cum.Kind != chart.Lines || len(cum.Series) != 2 || !cum.Series[0].Dashed {
		t.Fatalf("cumulative chart %+v", cum)
	}
	if cum.Series[0].Values[11] != 0.36 || cum.Series[1].Values[2] != 0.083 || !math.IsNaN(cum.Series[1].Values[3]) {
		t.Errorf("plan %v actual %v (万元)", cum.Series[0].Values, cum.Series[1].Values)
	}
	rate := DeptRateChart(ex, domain.Expenditure, "en", keyOnly)
	if len(rate.Category) != 2 || rate.Category[0] != "Obstetrics" || rate.Ref == nil || rate.Ref.Value != 0.25 || !rate.Percent {
		t.Errorf("rate chart %+v", rate)
	}
	// Each bar takes the colour of its department's status, not its pace:
	// 儿科 spent 500 of 600 planned (lagging, red) is red, 产科 (+10%, watch) amber.
	for i, d := range ex.Departments {
		if want := d.Expenditure.Status.Level().BandLevel(); rate.Levels[i] != want {
			t.Errorf("bar %s level %d, its status %s is %d", d.Code, rate.Levels[i], d.Expenditure.Status, want)
		}
	}
	if len(rate.Levels) != 2 || rate.Levels[0] != 1 || rate.Levels[1] != 2 {
		t.Errorf("bar levels %v, want amber and red", rate.Levels)
	}
	heat := HeatChart(ex, domain.Expenditure, "zh", keyOnly)
	if len(heat.Rows) != 2 || len(heat.Cells[0]) != 12 || !math.IsNaN(heat.Cells[0][3]) {
		t.Fatalf("heat map %+v", heat)
	}
	// 产科 at March: 330 against 300 planned: +10%, amber.
	if d := heat.Cells[0][2]; math.Abs(d-0.1) > 1e-9 || bandLevel(heat.Bands, d) != 1 {
		t.Errorf("产科 March deviation %v in band %d", d, bandLevel(heat.Bands, d))
	}
	for _, v := range []float64{-0.5, -0.07, 0, 0.05, 0.07, 0.2} {
		if bandLevel(heat.Bands, v) < 0 {
			t.Errorf("no band holds %v", v)
		}
	}
	// The legend says which figures take which colour.
	for _, b := range heat.Bands {
		if !strings.Contains(b.Label, bandPercent(pace.DefaultThresholds.GreenWithin)) && !strings.Contains(b.Label, bandPercent(pace.DefaultThresholds.AmberWithin)) {
			t.Errorf("band %q names no threshold", b.Label)
		}
	}
	if got := bandPercent(0.025); got != "2.5%" {
		t.Errorf("bandPercent(0.025) = %q", got)
	}
}

func bandLevel(bands []chart.Band, v float64) int {
	for _, b := range bands {
		if v >= b.Min && v < b.Max {
			return b.Level
		}
	}
	return -1
}

// A rate 0.9% short of its target is amber in the targets table; the
// target chart shows the same level, not the completion's green band
// (issue 16: 99.1% amber in 项目目标填报, green in 目标进度).
func TestTargetChartTakesTheAssessedLevel(t *testing.T) {
	target := domain.Target{Indicator: "随访率", Value: "95", Unit: "%", Direction: domain.DirHigher}
	a := domain.AssessTarget(target, "94.15", 6)
	if a.Level != domain.LevelAmber || !a.HasRatio || a.Completion < 0.99 {
		t.Fatalf("assessment %+v", a)
	}
	c := TargetChart([]ProjectProgress{{Name: "两癌筛查", Targets: []TargetProgress{{Target: target, Actual: "94.15", Assessment: a}}}}, keyOnly)
	if len(c.Levels) != 1 || c.Levels[0] != 1 {
		t.Fatalf("chart levels %v", c.Levels)
	}
	for _, b := range c.Bands {
		if b.Level == 1 && b.Label != "progress.level.amber" {
			t.Errorf("amber band says %q, the targets table says progress.level.amber", b.Label)
		}
	}
}

func yuan(y int64) money.Amount { return money.FromYuan(y) }

func months(v ...int64) domain.Months {
	var m domain.Months
	for i, x := range v {
		m[i] = yuan(x)
	}
	return m
}

func even(annual int64) domain.Months { return domain.SplitEven(yuan(annual)) }
