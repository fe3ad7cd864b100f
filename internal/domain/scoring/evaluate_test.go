package scoring

import (
	"math"
	"testing"
)

// The worked example, computed by hand:
//
//	1 产出指标 50
//	  1.1.1 宫颈癌筛查人数  target 12000, actual 11400 → 11400/12000 × 12 = 11.40 (short)
//	  1.1.2 乳腺癌筛查人数  target 8000, actual 8400 → capped at 1 × 8   =  8.00
//	  1.2.1 阳性病例随访率  band 80→95, actual 92 → (92−80)/15 × 8      =  6.40 (short)
//	  1.2.2 筛查差错        2 occurrences × 1 → 7 − 2                    =  5.00 (short)
//	  1.3.1 按期完成        partly → 70% × 5                             =  3.50 (short)
//	  1.4.1 人均筛查成本    target 180 元, actual 200 → 180/200 × 10     =  9.00 (short)
//	                                                          output      = 43.30
//	2 效益指标 30
//	  2.1.1 早诊率          target 70%, actual 63% → 63/70 × 20          = 18.00 (short)
//	  2.1.2 癌前病变检出率  monitored, 0 points                          =  0.00
//	  2.2.1 信息系统运行    achieved → 100% × 10                          = 10.00
//	                                                          benefit     = 28.00
//	3 满意度指标 10
//	  3.1.1 受检妇女满意度  ≥ 90%, actual 93% → met                      = 10.00
//	4 预算执行率 10
//	  4.1.1 预算执行率      target 100%, actual 86.5% → 0.865 × 10       =  8.65 (short)
//
//	total 43.30 + 28.00 + 10.00 + 8.65 = 89.95 → good (良), just short of 90.
func TestEvaluateScreeningProject(t *testing.T) {
	s := screeningScheme()
	if ps := s.Validate(); len(ps) != 0 {
		t.Fatalf("the example scheme is invalid: %v", ps)
	}
	r := Evaluate(s, screeningValues())
	if got := Round2(r.Total); got != 89.95 {
		t.Errorf("total %v, want 89.95", got)
	}
	if r.Grade != Good {
		t.Errorf("grade %s, want good", r.Grade)
	}

	wantInd := []struct {
		code  string
		score float64
		short bool
	}{
		{"1.1.1", 11.40, true}, {"1.1.2", 8.00, false}, {"1.2.1", 6.40, true}, {"1.2.2", 5.00, true},
		{"1.3.1", 3.50, true}, {"1.4.1", 9.00, true}, {"2.1.1", 18.00, true}, {"2.1.2", 0, false},
		{"2.2.1", 10.00, false}, {"3.1.1", 10.00, false}, {"4.1.1", 8.65, true},
	}
	if len(r.Indicators) != len(wantInd) {
		t.Fatalf("%d indicators, want %d", len(r.Indicators), len(wantInd))
	}
	for i, w := range wantInd {
		got := r.Indicators[i]
		if got.Code != w.code || Round2(got.Score) != w.score || got.Short != w.short {
			t.Errorf("indicator %d = %s %v short %v, want %s %v short %v", i, got.Code, Round2(got.Score), got.Short, w.code, w.score, w.short)
		}
	}
	if ind := r.Indicators[0]; ind.Name != "宫颈癌筛查人数" || ind.Group != "1.1" || ind.Dimension != "1" || ind.Points != 12 || ind.Value.Actual != 11400 {
		t.Errorf("first indicator %+v", ind)
	}

	wantNodes := []struct {
		code   string
		level  int
		parent string
		points float64
		score  float64
	}{
		{"1", 1, "", 50, 43.30}, {"1.1", 2, "1", 20, 19.40}, {"1.2", 2, "1", 15, 11.40}, {"1.3", 2, "1", 5, 3.50}, {"1.4", 2, "1", 10, 9.00},
		{"2", 1, "", 30, 28.00}, {"2.1", 2, "2", 20, 18.00}, {"2.2", 2, "2", 10, 10.00},
		{"3", 1, "", 10, 10.00}, {"3.1", 2, "3", 10, 10.00},
		{"4", 1, "", 10, 8.65}, {"4.1", 2, "4", 10, 8.65},
	}
	if len(r.Dimensions) != len(wantNodes) {
		t.Fatalf("%d dimensions and groups, want %d", len(r.Dimensions), len(wantNodes))
	}
	for i, w := range wantNodes {
		got := r.Dimensions[i]
		if got.Code != w.code || got.Level != w.level || got.Parent != w.parent || got.Points != w.points || Round2(got.Score) != w.score {
			t.Errorf("node %d = %+v, want %+v", i, got, w)
		}
	}

	// Perspectives: internal 11.40+8+6.40+5+3.50 of 12+8+8+7+5; financial
	// 9+8.65 of 20; customer 18+10 of 30; learning 10 of 10.
	wantPersp := map[Perspective]PerspectiveScore{
		Internal: {Points: 40, Score: 34.30}, Financial: {Points: 20, Score: 17.65},
		Customer: {Points: 30, Score: 28.00}, Learning: {Points: 10, Score: 10.00},
	}
	if len(r.Perspectives) != len(wantPersp) {
		t.Errorf("perspectives %v", r.Perspectives)
	}
	for p, w := range wantPersp {
		got := r.Perspectives[p]
		if got.Points != w.Points || Round2(got.Score) != w.Score {
			t.Errorf("%s: %+v, want %+v", p, got, w)
		}
	}
}

func TestEvaluateMissingValues(t *testing.T) {
	r := Evaluate(screeningScheme(), nil)
	if r.Total != 0 || r.Grade != Unscored || r.Scored {
		t.Errorf("no values: total %v grade %s scored %v, want 0 unscored", r.Total, r.Grade, r.Scored)
	}
	for _, ind := range r.Indicators {
		if want := ind.Code != "2.1.2"; ind.Short != want { // the monitored one is never short
			t.Errorf("%s short %v, want %v", ind.Code, ind.Short, want)
		}
	}
}

// A unit is scored once one scored indicator has a value; values of
// monitored indicators, unread judgements or zero occurrences not typed
// do not score it. One value scores the rest: missing ones count 0.
func TestEvaluateScoredOrUnscored(t *testing.T) {
	cases := []struct {
		name   string
		values map[string]Value
		scored bool
		grade  Grade
	}{
		{"nothing", nil, false, Unscored},
		{"empty map", map[string]Value{}, false, Unscored},
		{"values not reported", map[string]Value{"1.1.1": {Actual: 11400}, "3.1.1": {}}, false, Unscored},
		{"monitored indicator only", map[string]Value{"2.1.2": {Actual: 3, Has: true}}, false, Unscored},
		{"unknown indicator only", map[string]Value{"9.9.9": {Actual: 3, Has: true}}, false, Unscored},
		{"one value, far short", map[string]Value{"1.1.1": {Actual: 11400, Has: true}}, true, Poor},
		{"one judgement", map[string]Value{"2.2.1": {Has: true, Achievement: Achieved}}, true, Poor},
		{"zero occurrences typed", map[string]Value{"1.2.2": {Has: true}}, true, Poor},
		{"all values", screeningValues(), true, Good},
	}
	for _, c := range cases {
		r := Evaluate(screeningScheme(), c.values)
		if r.Scored != c.scored || r.Grade != c.grade {
			t.Errorf("%s: scored %v grade %s, want %v %s", c.name, r.Scored, r.Grade, c.scored, c.grade)
		}
	}
}

func TestEvaluateGradesOnHundredScale(t *testing.T) {
	// A 200-point scheme scored 170 is 85 out of 100: good, not excellent.
	ind := Indicator{Code: "a", Name: "a", Rule: Proportional, Direction: Higher, Target: 100}
	s := Scheme{Name: "x", Total: 200, Roots: []Node{{Code: "1", Name: "d", Points: 200, Children: []Node{
		{Code: "1.1", Name: "g", Points: 200, Children: []Node{{Code: "a", Name: "a", Points: 200, Indicator: &ind}}},
	}}}}
	r := Evaluate(s, map[string]Value{"a": {Actual: 85, Has: true}})
	if math.Abs(r.Total-170) > 1e-9 || r.Grade != Good {
		t.Errorf("total %v grade %s, want 170 good", r.Total, r.Grade)
	}
}

func TestGradeOf(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  Grade
	}{
		{100, Excellent}, {90, Excellent}, {89.995, Excellent}, {89.994, Good}, {89.99, Good},
		{80, Good}, {79.99, Fair}, {79.995, Good}, {60, Fair}, {59.99, Poor}, {59.995, Fair},
		{0, Poor}, {-5, Poor}, {math.NaN(), Poor}, {math.Inf(1), Excellent},
	} {
		if got := GradeOf(tt.score); got != tt.want {
			t.Errorf("GradeOf(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
}
