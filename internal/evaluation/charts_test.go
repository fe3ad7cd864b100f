package evaluation

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func keyOnly(key string, _ ...any) string { return key }

// A perspective no indicator is tagged with is a gap on the scorecard,
// not a zero; the unit is named in the language asked for.
func TestScorecardChartLeavesUntaggedPerspectivesOut(t *testing.T) {
	p := scoring.Perspectives
	r := Run{Unit: Unit{Name: "儿科", NameEn: "Paediatrics"},
		Result: scoring.Result{Perspectives: map[scoring.Perspective]scoring.PerspectiveScore{p[0]: {Points: 40, Score: 30}}}}
	c := ScorecardChart(r, i18n.English, keyOnly)
	if c.Series[0].Name != "Paediatrics" || len(c.Category) != len(p) {
		t.Fatalf("series %q over %d spokes", c.Series[0].Name, len(c.Category))
	}
	if got := c.Series[0].Values[0]; got != 0.75 {
		t.Errorf("first perspective %v, want 0.75", got)
	}
	for i, v := range c.Series[0].Values[1:] {
		if !math.IsNaN(v) {
			t.Errorf("untagged perspective %d shows %v, want a gap", i+1, v)
		}
	}
	if ScorecardChart(r, i18n.Chinese, keyOnly).Series[0].Name != "儿科" {
		t.Error("the Chinese scorecard does not name the unit in Chinese")
	}
}

// The history runs oldest first whatever the order given, a year not
// scored being a gap.
func TestHistoryChartOldestFirstWithGaps(t *testing.T) {
	scored := func(year int, total float64) Run {
		return Run{Year: year, Result: scoring.Result{Scored: true, Total: total}}
	}
	c := HistoryChart([]Run{scored(2025, 88.456), {Year: 2024}, scored(2023, 80)}, keyOnly)
	if len(c.Category) != 3 || c.Category[0] != "2023" || c.Category[2] != "2025" {
		t.Fatalf("years %v", c.Category)
	}
	v := c.Series[0].Values
	if v[0] != 80 || !math.IsNaN(v[1]) || v[2] != 88.46 {
		t.Errorf("scores %v, want 80, gap, 88.46", v)
	}
}
