package scoring

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

func screeningProject() domain.Project {
	return domain.Project{ID: 7, Code: "XM2026001", Name: "宫颈癌筛查", Targets: []domain.Target{
		{Category: domain.TargetQuantity, Indicator: "宫颈癌筛查人数", Value: "20000", Unit: "人", Direction: domain.DirHigher},
		{Category: domain.TargetQuality, Indicator: "筛查阳性随访率", Value: "95%", Unit: "%", Direction: domain.DirHigher},
		{Category: domain.TargetTimeliness, Indicator: "年底前完成", Value: "按期完成", Direction: domain.DirQualitative},
		{Category: domain.TargetCost, Indicator: "人均筛查成本", Value: "80", Unit: "元", Direction: domain.DirLower},
		{Category: domain.TargetSocial, Indicator: "早诊率提高", Value: "显著提高", Direction: domain.DirQualitative},
		{Category: domain.TargetSatisfaction, Indicator: "受检者满意度", Value: "90", Unit: "%", Direction: domain.DirHigher},
	}}
}

func TestSchemeForProject(t *testing.T) {
	s, ok := SchemeForProject(screeningProject(), DefaultProjectRules)
	if !ok {
		t.Fatal("no scheme")
	}
	if ps := s.Validate(); len(ps) > 0 {
		t.Fatalf("scheme does not validate: %v", ps)
	}
	points := map[string]float64{}
	var walk func(ns []Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			points[n.Code] = n.Points
			walk(n.Children)
		}
	}
	walk(s.Roots)
	want := map[string]float64{
		"1": 50, "1.1.1": 12.5, "1.2.2": 12.5, "1.3.3": 12.5, "1.4.4": 12.5,
		"2": 30, "2.2": 30, "2.2.5": 30, "3": 10, "3.1.6": 10, "4": 10, ExecutionRateCode: 10,
	}
	for code, p := range want {
		if math.Abs(points[code]-p) > 1e-9 {
			t.Errorf("points of %s = %v, want %v", code, points[code], p)
		}
	}
	// Each target is scored by its direction against its own value.
	res := Evaluate(s, map[string]Value{
		"1.1.1":           {Actual: 18000, Has: true},         // 18000 ÷ 20000 of 12.5
		"1.2.2":           {Actual: 96, Has: true},            // met
		"1.3.3":           {Achievement: Partly, Has: true},   // 70%
		"1.4.4":           {Actual: 100, Has: true},           // 80 ÷ 100 of 12.5
		"2.2.5":           {Achievement: Achieved, Has: true}, // full
		"3.1.6":           {Actual: 92, Has: true},            // met
		ExecutionRateCode: {Actual: 85.5, Has: true},          // 8.55
	})
	wantTotal := 11.25 + 12.5 + 8.75 + 10 + 30 + 10 + 8.55
	if math.Abs(res.Total-wantTotal) > 1e-9 {
		t.Errorf("total = %v, want %v", res.Total, wantTotal)
	}
}

func TestSchemeForProjectWithoutSatisfaction(t *testing.T) {
	p := screeningProject()
	p.Targets = p.Targets[:5]
	s, _ := SchemeForProject(p, DefaultProjectRules)
	// 90 points shared 50 : 30 between output and benefit.
	if s.Roots[0].Points != 56.25 || s.Roots[1].Points != 33.75 || len(s.Roots) != 3 {
		t.Errorf("roots = %v %v (%d)", s.Roots[0].Points, s.Roots[1].Points, len(s.Roots))
	}
	p.Targets = []domain.Target{{Category: domain.TargetSatisfaction, Indicator: "满意度", Value: "90", Direction: domain.DirHigher}}
	if _, ok := SchemeForProject(p, DefaultProjectRules); ok {
		t.Error("a project with neither output nor benefit targets got a scheme")
	}
}

func TestSchemeForProjectThirds(t *testing.T) {
	p := screeningProject()
	p.Targets = p.Targets[:3] // three output targets share 50 points
	p.Targets = append(p.Targets, domain.Target{Category: domain.TargetSocial, Indicator: "x", Value: "1", Direction: domain.DirEqual})
	s, ok := SchemeForProject(p, DefaultProjectRules)
	if !ok || len(s.Validate()) > 0 {
		t.Fatalf("scheme: %v %v", ok, s.Validate())
	}
	sum := 0.0
	for _, g := range s.Roots[0].Children {
		for _, l := range g.Children {
			sum += l.Points
		}
	}
	if math.Abs(sum-s.Roots[0].Points) > 1e-9 {
		t.Errorf("output targets add up to %v, dimension has %v", sum, s.Roots[0].Points)
	}
}

func TestProjectRulesValidate(t *testing.T) {
	if ps := DefaultProjectRules.Validate(); len(ps) > 0 {
		t.Errorf("defaults refused: %v", ps)
	}
	bad := DefaultProjectRules
	bad.Output = 60
	bad.OverFactor = 1
	bad.OverDeduct = 2
	if ps := bad.Validate(); len(ps) != 3 {
		t.Errorf("problems = %v, want 3", ps)
	}
}
