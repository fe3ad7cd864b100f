package budgeting

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestDeclarationLayout(t *testing.T) {
	p := domain.Project{Code: "XM2026002", Name: "新生儿筛查", Amount: money.FromYuan(100000), Attribute: domain.ProjectContinuing,
		Funding: domain.Funding{Fiscal: money.FromYuan(70000), Carryover: money.FromYuan(30000)}, StartYear: 2025, EndYear: 2027,
		LongTermGoal: "长期", AnnualGoal: "年度",
		Targets: []domain.Target{
			{Category: domain.TargetSatisfaction, Indicator: "满意度", Value: "90", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetCost, Indicator: "人均成本", Value: "45", Unit: "元/人", Direction: domain.DirLower},
			{Category: domain.TargetQuantity, Indicator: "设备", Value: "4", Unit: "台", Direction: domain.DirEqual},
			{Category: domain.TargetSustainable, Indicator: "长效机制", Value: "建立", Direction: domain.DirQualitative},
		}}
	f := Declaration{Year: 2026, Hospital: "某院", Dept: "新生儿科", Project: p, Total: p.Amount}.Layout()
	texts := map[string]bool{}
	var order []string
	for _, row := range f.Rows {
		for _, c := range row.Cells {
			texts[c.Text] = true
			if c.Col == 4 && c.Span == 2 && !row.Head {
				order = append(order, c.Text)
			}
		}
	}
	for _, want := range []string{"延续项目", "2025年—2027年", "10.00", "7.00", "3.00", "0.00", "长期", "年度", "新生儿科", "XM2026002", "成本指标", "可持续影响指标", "满意度指标"} {
		if !texts[want] {
			t.Errorf("%q not on the form", want)
		}
	}
	want := []string{"= 4 台", "≤ 45 元/人", "建立", "≥ 90%"}
	if len(order) != len(want) {
		t.Fatalf("target values %q", order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Errorf("target %d: %q, want %q", i, order[i], want[i])
		}
	}
}
