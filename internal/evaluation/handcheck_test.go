package evaluation_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

// byHand scores one indicator the way the policy text reads, written out
// independently of scoring.Score: the demo's results must match it.
func byHand(in scoring.Indicator, points float64, actual string) float64 {
	a, _ := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(actual, ",", ""), "%"), 64)
	switch in.Rule {
	case scoring.Qualitative:
		return map[string]float64{"达成": 1, "部分达成": 0.7, "部分": 0.7, "未达成": 0.3}[actual] * points
	case scoring.Deduction:
		n, _ := strconv.Atoi(actual)
		return math.Max(0, points-float64(n)*in.DeductPer)
	case scoring.Proportional:
		return math.Min(a/in.Target, 1) * points
	case scoring.Inverse:
		if a <= 0 {
			return points
		}
		return math.Min(in.Target/a, 1) * points
	case scoring.Threshold:
		met := a >= in.Target
		if in.Direction == scoring.Lower {
			met = a <= in.Target
		}
		if met {
			return points
		}
		return 0
	case scoring.LinearBand:
		return math.Max(0, math.Min(1, (a-in.Low)/(in.High-in.Low))) * points
	}
	return math.NaN()
}

// Two departments of the demo's finalised 2025 evaluation, a clinical one
// and an administrative one, recomputed indicator by indicator.
func TestDemoDepartmentsByHand(t *testing.T) {
	_, svc := withDemo(t)
	for _, c := range []struct{ code, scheme string }{
		{"103", evaluation.ClinicalSchemeCode},
		{"402", evaluation.AdministrativeSchemeCode},
	} {
		r, err := svc.UnitRun(ctx, me, year-1, c.code)
		if err != nil {
			t.Fatal(err)
		}
		if r.Scheme.Code != c.scheme || !r.Finalised {
			t.Errorf("%s on %s (finalised %v), want %s", c.code, r.Scheme.Code, r.Finalised, c.scheme)
		}
		total := 0.0
		var walk func(ns []scoring.Node)
		walk = func(ns []scoring.Node) {
			for _, n := range ns {
				walk(n.Children)
				if n.Indicator == nil || n.Indicator.Direction == scoring.Monitor {
					continue
				}
				text := r.Texts[n.Code]
				if n.Indicator.Rule == scoring.Deduction {
					text = strconv.Itoa(r.Values[n.Code].Occurrences)
				}
				total += byHand(*n.Indicator, n.Points, text)
			}
		}
		walk(r.Scheme.Roots)
		t.Logf("%s %s: by hand %.4f, evaluation %.4f", c.code, r.Unit.Name, total, r.Result.Total)
		if math.IsNaN(total) || total < 50 || math.Abs(scoring.Round2(total)-scoring.Round2(r.Result.Total)) > 0.01 {
			t.Errorf("%s: by hand %.2f, evaluation %.2f", c.code, total, r.Result.Total)
		}
		if c.code == "402" {
			for _, is := range r.Result.Indicators {
				if strings.Contains(is.Name, "手术") || strings.Contains(is.Name, "抗菌药物") {
					t.Errorf("财务科 is scored on %s", is.Name)
				}
			}
		}
	}
}
