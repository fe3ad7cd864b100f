package evaluation

import (
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// The chart models of evaluation, built here once and drawn alike by the
// Evaluation screen (internal/ui) and the evaluation report
// (internal/report).

// ScorecardChart is the balanced scorecard of run r: each perspective's
// score as a share of its points, on a radar. A perspective no indicator
// is tagged with is a gap, not a zero. lang picks the unit's name.
func ScorecardChart(r Run, lang string, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Radar, Title: tr("evalui.radar"), Percent: true, NoData: tr("evalui.no_data")}
	s := chart.Series{Name: i18n.PickName(lang, r.Unit.Name, r.Unit.NameEn)}
	for _, p := range scoring.Perspectives {
		c.Category = append(c.Category, tr("evalui.perspective."+string(p)))
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

// HistoryChart is a unit's total score across the years of runs (in any
// order), oldest first; a year not scored is a gap, not a zero.
func HistoryChart(runs []Run, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Lines, Title: tr("evalui.history"), Unit: tr("evalui.points_unit"), NoData: tr("evalui.no_data")}
	byYear := map[int]float64{}
	minY, maxY := 0, 0
	for _, r := range runs {
		if !r.Scored() {
			continue
		}
		byYear[r.Year] = scoring.Round2(r.Result.Total)
		if minY == 0 || r.Year < minY {
			minY = r.Year
		}
		maxY = max(maxY, r.Year)
	}
	s := chart.Series{Name: tr("evalui.col.score")}
	for y := minY; y <= maxY && minY > 0; y++ {
		c.Category = append(c.Category, strconv.Itoa(y))
		if v, ok := byYear[y]; ok {
			s.Values = append(s.Values, v)
		} else {
			s.Values = append(s.Values, math.NaN())
		}
	}
	c.Series = []chart.Series{s}
	return c
}
