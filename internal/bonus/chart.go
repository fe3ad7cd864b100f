package bonus

import (
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// ChartGroup is a choice of departments for the sensitivity chart: those
// of Types (all when Types is empty), named by the text key Key.
type ChartGroup struct {
	Key   string
	Types []domain.DeptType
	// InReport marks the groups the bonus report draws a chart for: the
	// public-health departments the weight is for, and the clinical ones
	// whose share pays for it (the report's table lists every department).
	InReport bool
}

// ChartGroups are the groups of the sensitivity chart, in the order the
// Bonus screen offers them; the bonus report draws those InReport.
var ChartGroups = []ChartGroup{
	{"bonus.chart.public_health", []domain.DeptType{domain.PublicHealth}, true},
	{"bonus.chart.clinical", []domain.DeptType{domain.Clinical}, true},
	{"bonus.chart.medtech", []domain.DeptType{domain.MedicalTechnical}, false},
	{"bonus.chart.admin", []domain.DeptType{domain.Administrative, domain.Logistics}, false},
	{"bonus.chart.all", nil, false},
}

// SensitivityChart draws each department of res in group g as a line of
// its bonus in 万元 as the public-welfare weight goes through res.Steps;
// the screen and the bonus report show the same chart. lang picks the
// departments' names.
func SensitivityChart(res Result, g ChartGroup, lang string, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Lines, Title: tr("bonus.chart.title"), XLabel: tr("bonus.chart.x"),
		YLabel: tr("chart.unit_wan"), Unit: tr("chart.unit_wan"), NoData: tr("chart.no_data")}
	for _, p := range res.Steps {
		c.Category = append(c.Category, i18n.WeightPercent(p))
	}
	if len(res.Steps) > 1 && res.Weights != nil {
		// The chosen weight, between the steps it falls in.
		w := res.Weights[scoring.BonusPublicWelfare]
		step := res.Steps[1] - res.Steps[0]
		if step > 0 {
			c.Mark = &chart.Mark{At: (w - res.Steps[0]) / step, Label: tr("bonus.chart.mark", "Weight", i18n.Percent(w))}
		}
	}
	want := map[domain.DeptType]bool{}
	for _, t := range g.Types {
		want[t] = true
	}
	for _, d := range res.Departments {
		if len(want) > 0 && !want[d.Type] {
			continue
		}
		s := chart.Series{Name: i18n.PickName(lang, d.Name, d.NameEn)}
		for _, a := range res.Sensitivity[d.Code] {
			s.Values = append(s.Values, float64(a.Fen())/1_000_000)
		}
		c.Series = append(c.Series, s)
	}
	return c
}
