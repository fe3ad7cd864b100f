package report

import (
	"math"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// scorecard is the balanced scorecard of a run: each perspective's score
// as a share of its points. A perspective no indicator is tagged with is
// a gap, not a zero (as on the Evaluation screen).
func scorecard(d *doc, r evaluation.Run) chart.Chart {
	c := chart.Chart{Kind: chart.Radar, Title: i18n.T("evalui.radar"), Percent: true, NoData: i18n.T("evalui.no_data")}
	s := chart.Series{Name: d.pick(r.Unit.Name, r.Unit.NameEn)}
	for _, p := range scoring.Perspectives {
		c.Category = append(c.Category, i18n.T("evalui.perspective."+string(p)))
		ps, ok := r.Result.Perspectives[p]
		if !ok || ps.Points <= 0 {
			s.Values = append(s.Values, math.NaN())
			continue
		}
		s.Values = append(s.Values, ps.Score/ps.Points)
	}
	c.Series = []chart.Series{s}
	return c
}

// sensitivityGroups are the department groups the bonus report draws a
// sensitivity chart for: the public-health departments the weight is for,
// and the clinical ones whose share pays for it. The table lists all.
var sensitivityGroups = []struct {
	key   string
	types []domain.DeptType
}{
	{"bonus.chart.public_health", []domain.DeptType{domain.PublicHealth}},
	{"bonus.chart.clinical", []domain.DeptType{domain.Clinical}},
}

// sensitivityCharts are the Bonus screen's sensitivity chart (one
// definition, in package bonus) for each of sensitivityGroups that has
// departments.
func sensitivityCharts(d *doc, res bonus.Result) []chart.Chart {
	var out []chart.Chart
	for _, g := range sensitivityGroups {
		c := bonus.SensitivityChart(res, g.types, d.meta.Lang == i18n.English, i18n.T)
		if len(c.Series) == 0 {
			continue
		}
		c.Title += " · " + i18n.T(g.key)
		out = append(out, c)
	}
	return out
}
