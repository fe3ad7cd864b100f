package scoring

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestValidateGoodScheme(t *testing.T) {
	if ps := screeningScheme().Validate(); len(ps) != 0 {
		t.Fatalf("good scheme: %v", ps)
	}
}

func TestValidateFindsProblems(t *testing.T) {
	// at returns the node at a path of child indexes.
	at := func(s *Scheme, idx ...int) *Node {
		n := &s.Roots[idx[0]]
		for _, i := range idx[1:] {
			n = &n.Children[i]
		}
		return n
	}
	ind := func(s *Scheme, idx ...int) *Indicator { return at(s, idx...).Indicator }

	tests := []struct {
		name   string
		change func(s *Scheme)
		keys   []string
		says   string // a part of the first message
	}{
		{"no name", func(s *Scheme) { s.Name = " " }, []string{"problem.evaluate.scheme_name"}, "no name"},
		{"total 0", func(s *Scheme) { s.Total = 0 }, []string{"problem.evaluate.scheme_total"}, "totals 0 points"},
		{"total NaN", func(s *Scheme) { s.Total = math.NaN() }, []string{"problem.evaluate.scheme_total"}, "NaN"},
		{"no dimensions", func(s *Scheme) { s.Roots = nil }, []string{"problem.evaluate.no_dimensions"}, "两癌筛查项目绩效自评 has no level-1 dimensions"},
		{"level 1 off total", func(s *Scheme) { s.Total = 90 }, []string{"problem.evaluate.total_sum"}, "add up to 100 points but the system totals 90"},
		{"dimension off its groups", func(s *Scheme) { at(s, 1).Points = 25; s.Total = 95 }, []string{"problem.evaluate.dimension_sum"},
			"Dimension 2 效益指标 has 25 points but its groups add up to 30: make them equal."},
		{"group off its indicators", func(s *Scheme) { at(s, 0, 0).Points = 18; at(s, 0, 1).Points = 17 }, []string{"problem.evaluate.group_sum", "problem.evaluate.group_sum"},
			"Group 1.1 产出指标·数量指标 has 18 points but its indicators add up to 20: make them equal."},
		{"within tolerance", func(s *Scheme) { at(s, 0, 0, 0).Points = 12.0004; at(s, 0, 0, 1).Points = 7.9999 }, nil, ""},
		{"missing code", func(s *Scheme) { at(s, 2).Code = "" }, []string{"problem.evaluate.code_missing"}, "Dimension 满意度指标 has no code"},
		{"duplicate code", func(s *Scheme) { at(s, 3, 0).Code = "3.1" }, []string{"problem.evaluate.code_duplicate"},
			"Code 3.1 is used by both 3.1 满意度指标·服务对象满意度指标 and 3.1 预算执行率·预算执行率"},
		{"duplicate indicator code", func(s *Scheme) { at(s, 0, 0, 1).Code = "1.1.1" }, []string{"problem.evaluate.code_duplicate", "problem.evaluate.code_mismatch"}, "Code 1.1.1"},
		{"missing name", func(s *Scheme) { at(s, 0, 3).Name = "" }, []string{"problem.evaluate.name_missing"}, "Group 1.4 产出指标· has no name"},
		{"indicator name from definition", func(s *Scheme) { at(s, 0, 3, 0).Name = "" }, nil, ""},
		{"negative points", func(s *Scheme) {
			at(s, 0, 2, 0).Points = -5
			at(s, 0, 2).Points = -5
			at(s, 0).Points = 40
			s.Total = 90
		},
			[]string{"problem.evaluate.points_negative", "problem.evaluate.points_negative"}, "Group 1.3 产出指标·时效指标 has -5 points"},
		{"indicator at level 2", func(s *Scheme) { *at(s, 3, 0) = *at(s, 3, 0, 0) }, []string{"problem.evaluate.indicator_level"}, "indicators belong at level 3"},
		{"level 3 not indicator", func(s *Scheme) { at(s, 2, 0, 0).Indicator = nil }, []string{"problem.evaluate.not_indicator"}, "3.1.1 满意度指标·服务对象满意度指标·受检妇女满意度 is at level 3"},
		{"fourth level", func(s *Scheme) { n := at(s, 2, 0, 0); n.Children = []Node{{Code: "x", Name: "x"}} }, []string{"problem.evaluate.too_deep"}, "exactly three levels"},
		{"empty dimension", func(s *Scheme) { at(s, 2).Children = nil }, []string{"problem.evaluate.dimension_empty"}, "Dimension 3 满意度指标 has no groups"},
		{"empty group", func(s *Scheme) { at(s, 2, 0).Children = nil }, []string{"problem.evaluate.group_empty"}, "has no indicators"},
		{"bad rule", func(s *Scheme) { ind(s, 3, 0, 0).Rule = "" }, []string{"problem.evaluate.rule_invalid"}, "no valid scoring rule"},
		{"bad direction", func(s *Scheme) { ind(s, 3, 0, 0).Direction = "up" }, []string{"problem.evaluate.direction_invalid"}, "(up)"},
		{"proportional lower", func(s *Scheme) { ind(s, 3, 0, 0).Direction = Lower }, []string{"problem.evaluate.proportional_direction"}, "but it is lower is better"},
		{"proportional no target", func(s *Scheme) { ind(s, 0, 0, 0).Target = 0 }, []string{"problem.evaluate.target_missing"}, "(it is 0)"},
		{"inverse higher", func(s *Scheme) { ind(s, 0, 3, 0).Direction = Higher }, []string{"problem.evaluate.inverse_direction"}, "rewards lower values"},
		{"inverse no target", func(s *Scheme) { ind(s, 0, 3, 0).Target = -1 }, []string{"problem.evaluate.target_missing"}, "(it is -1)"},
		{"threshold range empty", func(s *Scheme) { i := ind(s, 2, 0, 0); i.Direction, i.Low, i.High = InRange, 95, 90 }, []string{"problem.evaluate.range_empty"}, "95–90"},
		{"threshold range ok", func(s *Scheme) { i := ind(s, 2, 0, 0); i.Direction, i.Low, i.High = InRange, 90, 100 }, nil, ""},
		{"threshold lower target 0 ok", func(s *Scheme) { i := ind(s, 2, 0, 0); i.Direction, i.Target = Lower, 0 }, nil, ""},
		{"threshold target inf", func(s *Scheme) { ind(s, 2, 0, 0).Target = math.Inf(1) }, []string{"problem.evaluate.target_invalid"}, "no usable target"},
		{"band low = high", func(s *Scheme) { ind(s, 0, 1, 0).Low = 95 }, []string{"problem.evaluate.band_empty"}, "must be different"},
		{"band reversed for higher", func(s *Scheme) { i := ind(s, 0, 1, 0); i.Low, i.High = 95, 80 }, []string{"problem.evaluate.band_direction"}, "no points at 95 and full points at 80"},
		{"band reversed for lower ok", func(s *Scheme) { i := ind(s, 0, 1, 0); i.Direction, i.Low, i.High = Lower, 95, 80 }, nil, ""},
		{"band in range", func(s *Scheme) { ind(s, 0, 1, 0).Direction = InRange }, []string{"problem.evaluate.band_range"}, "within a range"},
		{"deduction 0", func(s *Scheme) { ind(s, 0, 1, 1).DeductPer = 0 }, []string{"problem.evaluate.deduct_missing"}, "the deduction is 0"},
		{"monitor with points", func(s *Scheme) { ind(s, 3, 0, 0).Direction = Monitor }, []string{"problem.evaluate.monitor_points"}, "carries 10 points"},
		{"monitor needs no target", func(s *Scheme) { ind(s, 1, 0, 1).Target = 0 }, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := screeningScheme()
			tt.change(&s)
			ps := s.Validate()
			var keys []string
			for _, p := range ps {
				keys = append(keys, p.Key)
			}
			slices.Sort(keys)
			want := slices.Sorted(slices.Values(tt.keys))
			if !slices.Equal(keys, want) {
				t.Fatalf("keys %v, want %v\n%v", keys, want, ps)
			}
			if tt.says != "" && !strings.Contains(ps[0].Error(), tt.says) {
				t.Errorf("message %q does not say %q", ps[0].Error(), tt.says)
			}
		})
	}
}
