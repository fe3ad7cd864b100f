package execution

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The form forecasts each target by domain.ForecastTarget and carries the
// reported note as the deviation reason, targets in the forms' order.
func TestBuildMonitoring(t *testing.T) {
	p := domain.Project{ID: 1, Code: "XM2026001", Name: "两癌筛查", Amount: money.FromYuan(859200), StartYear: 2026, EndYear: 2026,
		Targets: []domain.Target{
			{Category: domain.TargetSocial, Indicator: "早诊率", Value: "70", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "20000", Unit: "人", Direction: domain.DirHigher},
		}}
	pp := BuildProjectProgress(2026, 9, []domain.Project{p}, nil,
		nil, nil)[0]
	pp.Targets[0].Actual, pp.Targets[0].Note = "65", "偏差原因：宣传不足；纠偏措施：下季度加强宣教。"
	pp.Targets[1].Actual = "12000"
	m := BuildMonitoring("某院", p, pp)
	if len(m.Lines) != 2 || m.Lines[0].Target.Indicator != "筛查人数" {
		t.Fatalf("lines %+v", m.Lines)
	}
	if q := m.Lines[0]; q.Forecast.Text != "16000" || q.Forecast.Likely || q.Actual != "12000 人" {
		t.Errorf("quantity %+v", q)
	}
	if r := m.Lines[1]; r.Forecast.Text != "65" || r.Forecast.Method != domain.ForecastLast || r.Reason != "宣传不足" || r.Measure != "下季度加强宣教。" {
		t.Errorf("rate %+v", r)
	}
	f := m.Layout()
	found := false
	for _, row := range f.Rows {
		for _, c := range row.Cells {
			if c.Text == "16000 人" && c.Col == 5 {
				found = true
			}
		}
	}
	if !found || f.Notes[0] != "注："+domain.ForecastMethodText {
		t.Errorf("forecast not on the form, or its method not stated: %+v", f.Notes)
	}
}
