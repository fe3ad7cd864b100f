package payout

import (
	"math"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

const (
	wl = scoring.BonusWorkload
	ql = scoring.BonusQuality
	ef = scoring.BonusEfficiency
	pw = scoring.BonusPublicWelfare
	st = scoring.BonusSatisfaction
)

func keys(ps domain.Problems) []string {
	var ks []string
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func TestWeightsValidate(t *testing.T) {
	good := Weights{wl: 0.4, ql: 0.2, ef: 0.1, pw: 0.2, st: 0.1}
	cases := []struct {
		name  string
		w     Weights
		floor float64
		want  []string
	}{
		{"valid", good, 0.15, nil},
		{"valid at the floor", good, 0.2, nil},
		{"below floor", good, 0.25, []string{"problem.bonus.welfare_floor"}},
		{"sum off", Weights{wl: 0.5, pw: 0.2}, 0, []string{"problem.bonus.weight_sum"}},
		{"within tolerance", Weights{wl: 0.8 + 1e-12, pw: 0.2}, 0, nil},
		{"negative", Weights{wl: 1.2, pw: -0.2}, 0, []string{"problem.bonus.weight_range", "problem.bonus.weight_range"}},
		{"NaN", Weights{wl: math.NaN(), pw: 1}, 0, []string{"problem.bonus.weight_range"}},
		{"unknown dimension", Weights{"revenue": 0.5, wl: 0.5, pw: 0.5}, 0, []string{"problem.bonus.weight_dimension"}},
		{"bad floor", good, 1.5, []string{"problem.bonus.floor_range"}},
		{"empty", Weights{}, 0, []string{"problem.bonus.weight_sum"}},
	}
	for _, c := range cases {
		got := keys(c.w.Validate(c.floor))
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
	msg := good.Validate(0.25).Error()
	for _, s := range []string{"20%", "25%", "public-health"} {
		if !strings.Contains(msg, s) {
			t.Errorf("floor message %q lacks %q", msg, s)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestWithPublicWelfare(t *testing.T) {
	cases := []struct {
		name string
		w    Weights
		p    float64
		want Weights
	}{
		{"proportional", Weights{wl: 0.4, ql: 0.2, ef: 0.1, pw: 0.2, st: 0.1}, 0.6,
			Weights{wl: 0.2, ql: 0.1, ef: 0.05, pw: 0.6, st: 0.05}},
		{"to zero", Weights{wl: 0.5, ql: 0.25, pw: 0.25}, 0,
			Weights{wl: 2.0 / 3, ql: 1.0 / 3, ef: 0, pw: 0, st: 0}},
		{"others all zero spread evenly", Weights{pw: 1}, 0.2,
			Weights{wl: 0.2, ql: 0.2, ef: 0.2, pw: 0.2, st: 0.2}},
		{"empty", nil, 0.3, Weights{wl: 0.175, ql: 0.175, ef: 0.175, pw: 0.3, st: 0.175}},
		{"to one", Weights{wl: 0.7, pw: 0.3}, 1, Weights{wl: 0, ql: 0, ef: 0, pw: 1, st: 0}},
	}
	for _, c := range cases {
		got := c.w.WithPublicWelfare(c.p)
		for _, d := range Dimensions {
			if !near(got[d], c.want[d]) {
				t.Errorf("%s: %s = %v, want %v", c.name, d, got[d], c.want[d])
			}
		}
		if ps := got.Validate(0); len(ps) > 0 {
			t.Errorf("%s: result invalid: %v", c.name, ps)
		}
	}
	orig := Weights{wl: 0.8, pw: 0.2}
	_ = orig.WithPublicWelfare(0.5)
	if orig[wl] != 0.8 || orig[pw] != 0.2 {
		t.Errorf("WithPublicWelfare changed its receiver: %v", orig)
	}
	if ps := orig.WithPublicWelfare(1.5).Validate(0); len(ps) == 0 {
		t.Error("a weight of 1.5 should be refused")
	}
}

func TestCheckCompliance(t *testing.T) {
	ind := func(code, name string, linked bool) scoring.Indicator {
		return scoring.Indicator{Code: code, Name: name, RevenueLinked: linked}
	}
	cases := []struct {
		name    string
		drivers []Driver
		want    []string
	}{
		{"clean", []Driver{{wl, ind("W1", "门诊人次", false)}, {pw, ind("P1", "两癌筛查完成率", false)}}, nil},
		{"flagged", []Driver{{wl, ind("R1", "科室创收", true)}}, []string{"problem.bonus.revenue_driver"}},
		{"drug revenue by name", []Driver{{ef, ind("R2", "药品收入", false)}}, []string{"problem.bonus.revenue_driver"}},
		{"consumables", []Driver{{ef, ind("R3", "卫生材料收入增长率", false)}}, []string{"problem.bonus.revenue_driver"}},
		{"examination", []Driver{{wl, ind("R4", "检查收入完成率", false)}}, []string{"problem.bonus.revenue_driver"}},
		{"laboratory", []Driver{{wl, ind("R5", "化验收入", false)}, {wl, ind("R6", "检验收入", false)}},
			[]string{"problem.bonus.revenue_driver", "problem.bonus.revenue_driver"}},
		{"examination without revenue is fine", []Driver{{ql, ind("Q1", "检查结果互认率", false)}}, nil},
		// The rule, not a keyword list: any revenue amount, share, growth,
		// per head, completion or surplus (issue 20).
		{"medical service revenue share", []Driver{{ef, ind("E1", "医疗服务收入占比", false)}}, []string{"problem.bonus.revenue_driver"}},
		{"revenue completion, growth, surplus, per head", []Driver{{wl, ind("E2", "科室医疗收入完成率", false)}, {ef, ind("E3", "门诊收入增长率", false)},
			{ef, ind("E4", "收支结余率", false)}, {wl, ind("E5", "人均医疗收入", false)}, {ef, ind("E6", "医疗盈余率", false)}},
			[]string{"problem.bonus.revenue_driver", "problem.bonus.revenue_driver", "problem.bonus.revenue_driver", "problem.bonus.revenue_driver", "problem.bonus.revenue_driver"}},
		{"unknown dimension", []Driver{{"", ind("X", "门诊人次", false)}}, []string{"problem.bonus.driver_dimension"}},
	}
	for _, c := range cases {
		got := keys(CheckCompliance(c.drivers))
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
		}
	}
	msg := CheckCompliance([]Driver{{wl, ind("R1", "药品收入", false)}}).Error()
	for _, s := range []string{"R1 药品收入", "国办发〔2019〕4号", "廉洁从业九项准则", "pay reform", "must not be linked to revenue"} {
		if !strings.Contains(msg, s) {
			t.Errorf("compliance message %q lacks %q", msg, s)
		}
	}
}

func TestEnteredSourceProblem(t *testing.T) {
	lib := map[string]scoring.Indicator{"医疗收入增幅": {Code: "2.3.1", Name: "医疗收入增幅", RevenueLinked: true}, "甲级病历率": {Code: "1.1.3", Name: "甲级病历率"}}
	lookup := func(k string) (scoring.Indicator, bool) { in, ok := lib[k]; return in, ok }
	for _, c := range []struct{ src, want string }{
		{"", "problem.bonus.entered_score_unsourced"},
		{"医疗收入增幅", "problem.bonus.entered_score_revenue"},
		{"门诊收入增长率", "problem.bonus.entered_score_revenue"},
		{"甲级病历率", ""}, {"RBRVS点数", ""}, {"已删除的指标", ""},
	} {
		got := ""
		if p := EnteredSourceProblem("101", wl, c.src, lookup); p != nil {
			got = p.Key
		}
		if got != c.want {
			t.Errorf("source %q: %q, want %q", c.src, got, c.want)
		}
	}
}
