package bonus

import (
	"strconv"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// SensitivityChart draws each department of res whose type is in types
// (all when types is empty) as a line of its bonus in 万元 as the
// public-welfare weight goes through res.Steps; the screen and the bonus
// report show the same chart. lang picks the departments' names.
func SensitivityChart(res Result, types []domain.DeptType, english bool, T Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Lines, Title: T("bonus.chart.title"), XLabel: T("bonus.chart.x"),
		YLabel: T("chart.unit_wan"), Unit: T("chart.unit_wan"), NoData: T("chart.no_data")}
	for _, p := range res.Steps {
		c.Category = append(c.Category, strconv.FormatFloat(p*100, 'f', 0, 64)+"%")
	}
	if len(res.Steps) > 1 && res.Weights != nil {
		// The chosen weight, between the steps it falls in.
		w := res.Weights[scoring.BonusPublicWelfare]
		step := res.Steps[1] - res.Steps[0]
		if step > 0 {
			c.Mark = &chart.Mark{At: (w - res.Steps[0]) / step, Label: T("bonus.chart.mark", "Weight", i18n.Percent(w))}
		}
	}
	want := map[domain.DeptType]bool{}
	for _, t := range types {
		want[t] = true
	}
	for _, d := range res.Departments {
		if len(want) > 0 && !want[d.Type] {
			continue
		}
		name := d.Name
		if english && d.NameEn != "" {
			name = d.NameEn
		}
		s := chart.Series{Name: name}
		for _, a := range res.Sensitivity[d.Code] {
			s.Values = append(s.Values, float64(a.Fen())/1_000_000)
		}
		c.Series = append(c.Series, s)
	}
	return c
}
