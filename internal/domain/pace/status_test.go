package pace

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// The deviation against plan, with its direction, for both kinds: one
// table of the rule every surface shows.
func TestJudgeBothDirections(t *testing.T) {
	th := DefaultThresholds
	plan := yuan(1000)
	tests := []struct {
		name   string
		kind   domain.SubjectKind
		actual int64
		want   Status
		level  Level
		alert  bool
	}{
		{"spending on plan", domain.Expenditure, 1000, StatusNormal, Green, false},
		{"spending 5% under", domain.Expenditure, 950, StatusNormal, Green, false},
		{"spending 8% over", domain.Expenditure, 1080, StatusWatch, Amber, false},
		{"spending 8% under", domain.Expenditure, 920, StatusWatch, Amber, false},
		{"spending 10% over is still a warning", domain.Expenditure, 1100, StatusWatch, Amber, false},
		{"spending 12% over is overspending", domain.Expenditure, 1120, StatusOverspent, Red, true},
		{"spending 15% over is overspending", domain.Expenditure, 1150, StatusOverspent, Red, true},
		{"spending 11% under is lagging", domain.Expenditure, 890, StatusLagging, Red, true},
		{"revenue on plan", domain.Revenue, 1000, StatusNormal, Green, false},
		{"revenue 8% short", domain.Revenue, 920, StatusWatch, Amber, false},
		{"revenue 12% short", domain.Revenue, 880, StatusShortfall, Red, true},
		{"revenue 8% above", domain.Revenue, 1080, StatusNormal, Green, false},
		{"revenue 12% above is informational", domain.Revenue, 1120, StatusSurplus, Blue, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := th.Judge(tt.kind, Measure{Budget: yuan(1200), PlanToDate: plan, Actual: yuan(tt.actual)})
			if got != tt.want || got.Level() != tt.level || got.Alert() != tt.alert {
				t.Errorf("%s (%s, alert %v), want %s (%s, alert %v)", got, got.Level(), got.Alert(), tt.want, tt.level, tt.alert)
			}
		})
	}
	if got := th.Judge(domain.Revenue, Measure{Actual: yuan(5)}); got != StatusSurplus {
		t.Errorf("revenue without a plan: %s", got)
	}
}

// The bands are settings: a hospital that tolerates 20% sees 15% over
// plan as a warning, not an alert.
func TestJudgeFollowsTheThresholds(t *testing.T) {
	th := Thresholds{GreenWithin: 0.1, AmberWithin: 0.2, BehindBelow: 0.8, AheadAbove: 1.2}
	if got := th.Judge(domain.Expenditure, Measure{PlanToDate: yuan(1000), Actual: yuan(1150)}); got != StatusWatch {
		t.Errorf("15%% over with a 20%% band: %s", got)
	}
	if got := th.Pace(0.85); got != OnTrack {
		t.Errorf("ratio 0.85 with behind below 0.8: %s", got)
	}
}

// Overspending beyond the band is an alert like lagging; revenue short is
// an alert and revenue above plan is not.
func TestAlertsForBothDirections(t *testing.T) {
	depts := []domain.Department{{Code: "101", Name: "产科"}, {Code: "102", Name: "儿科"}, {Code: "103", Name: "药剂科"}}
	subjects := []domain.Subject{{Code: "30218", Name: "专用材料费", Kind: domain.Expenditure}, {Code: "4001", Name: "医疗收入", Kind: domain.Revenue}}
	cells := []Cell{
		{DeptCode: "101", SubjectCode: "30218", Budget: yuan(1200), Plan: even(1200), Actual: months(113, 113, 113)}, // 13% over
		{DeptCode: "102", SubjectCode: "4001", Budget: yuan(1200), Plan: even(1200), Actual: months(85, 85, 85)},     // revenue 15% short
		{DeptCode: "103", SubjectCode: "4001", Budget: yuan(1200), Plan: even(1200), Actual: months(120, 120, 120)},  // revenue 20% above
	}
	ex := Compute(2026, 3, DefaultThresholds, depts, subjects, cells)
	got := map[string]AlertKind{}
	for _, a := range ex.Alerts {
		got[a.DeptCode] = a.Kind
		if a.Severity != Red {
			t.Errorf("%+v is not red", a)
		}
	}
	if got["101"] != AlertDeptOverspent || got["102"] != AlertDeptShortfall || len(got) != 2 {
		t.Errorf("alerts %v", got)
	}
	if d, _ := ex.Department("103"); d.Revenue.Status != StatusSurplus {
		t.Errorf("药剂科 revenue %s", d.Revenue.Status)
	}
	if AlertDeptOverspent.Key() != StatusOverspent.Key() || AlertDeptBehind.Key() != Behind.Key() {
		t.Error("an alert of a status does not use the status's word")
	}
}
