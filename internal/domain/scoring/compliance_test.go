package scoring

import (
	"strings"
	"testing"
)

func TestRevenueRuleCoversEveryRevenueForm(t *testing.T) {
	for _, name := range []string{"科室医疗收入完成率", "门诊收入增长率", "收支结余率", "人均医疗收入", "医疗收入增幅", "医疗盈余率", "耗材收入", "Revenue per head"} {
		if !ReadsAsRevenueTarget(name) {
			t.Errorf("%s: not read as revenue-linked", name)
		}
		p := RevenueDriverProblem(Indicator{Name: name, Bonus: BonusEfficiency}, name)
		if p == nil {
			t.Errorf("%s: allowed to drive pay", name)
			continue
		}
		if !strings.Contains(p.Error(), "国办发〔2019〕4号") || !strings.Contains(p.Error(), "九项准则") {
			t.Errorf("%s: refusal does not cite the rule: %s", name, p.Error())
		}
	}
	for _, name := range []string{"门急诊人次", "出院人次", "手术台次", "甲级病历率", "平均住院日"} {
		if ReadsAsRevenueTarget(name) {
			t.Errorf("%s: read as revenue-linked", name)
		}
	}
	// The flag alone is enough, whatever the name.
	if RevenueDriverProblem(Indicator{Name: "科室经营指数", Bonus: BonusWorkload, RevenueLinked: true}, "x") == nil {
		t.Error("a flagged indicator may drive pay")
	}
}

func TestUndecidedRevenueRefusedAtSave(t *testing.T) {
	s := Scheme{Code: "x", Name: "x", Kind: DepartmentScheme, Total: 100, Roots: []Node{{Code: "1", Name: "一", Points: 100, Children: []Node{{Code: "1.1", Name: "一一", Points: 100, Children: []Node{
		{Code: "1.1.1", Name: "甲", Points: 100, Indicator: &Indicator{Code: "1.1.1", Name: "甲", Direction: Higher, Rule: Proportional, Target: 100, RevenueUndecided: true}},
	}}}}}}
	ps := s.Validate()
	found := false
	for _, p := range ps {
		if p.Key == "problem.evaluate.revenue_undecided" {
			found = true
		}
	}
	if !found {
		t.Errorf("undecided indicator saved: %v", ps)
	}
}
