package execution

import (
	"math"
	"strings"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// The chart models of execution, built here once and drawn alike by the
// screens (internal/ui) and the execution report (internal/report). Each
// takes the language names are picked in and an i18n.Translate (i18n.T).

// fenPerWan converts fen to 万元 for chart axes.
const fenPerWan = 1_000_000

func wanValue(a money.Amount) float64 { return float64(a) / fenPerWan }

// kindKey names a kind in chart titles.
func kindKey(kind domain.SubjectKind) string {
	if kind == domain.Revenue {
		return "chart.kind.revenue"
	}
	return "chart.kind.expenditure"
}

// monthLabels are 1月 … 12月 (Jan … Dec).
func monthLabels(tr i18n.Translate) []string {
	out := make([]string, 12)
	for m := 1; m <= 12; m++ {
		out[m-1] = tr(monthKeys[m-1])
	}
	return out
}

var monthKeys = [12]string{"month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"}

// CumulativeChart is cumulative plan against cumulative actual by month for
// one unit (the hospital or a department): the plan for the whole year,
// the actual through the month-end.
func CumulativeChart(f pace.Figures, month int, kind domain.SubjectKind, title string, tr i18n.Translate) chart.Chart {
	c := f.Months.Cumulative()
	plan := make([]float64, 12)
	actual := make([]float64, 12)
	for m := 0; m < 12; m++ {
		plan[m] = wanValue(c.Plan[m])
		actual[m] = math.NaN()
		if m < month {
			actual[m] = wanValue(c.Actual[m])
		}
	}
	return chart.Chart{Kind: chart.Lines, Title: tr("chart.cumulative.title", "Unit", title, "Kind", tr(kindKey(kind))), NoData: tr("chart.no_data"),
		Category: monthLabels(tr), YLabel: tr("chart.unit_wan"), Unit: tr("chart.unit_wan"),
		Series: []chart.Series{{Name: tr("chart.series.plan"), Values: plan, Dashed: true}, {Name: tr("chart.series.actual"), Values: actual}}}
}

// rateChart is the execution rate of each department (or of each subject
// of a department) with the time-progress line across. Each bar takes the
// colour of its status's level (levels[i]), as the status cell beside it
// does: red an alert, amber watch, blue information, green normal.
func rateChart(names []string, rates []float64, levels []pace.Level, timeProgress float64, title string, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Bars, Title: title, Category: names, Percent: true, Bands: LevelBands(levels, tr), NoData: tr("chart.no_data"),
		Series: []chart.Series{{Name: tr("chart.series.rate"), Values: rates}},
		Ref:    &chart.RefLine{Value: timeProgress, Label: tr("chart.time_progress", "Progress", i18n.Percent(timeProgress))}}
	for _, l := range levels {
		c.Levels = append(c.Levels, l.BandLevel())
	}
	return c
}

// DeptRateChart is rateChart over the departments of ex, each bar
// coloured by the department's status of kind.
func DeptRateChart(ex pace.Execution, kind domain.SubjectKind, lang string, tr i18n.Translate) chart.Chart {
	var names []string
	var rates []float64
	var levels []pace.Level
	for _, d := range ex.Departments {
		f := d.Of(kind)
		if f.Budget == 0 {
			continue
		}
		names = append(names, i18n.PickName(lang, d.Name, d.NameEn))
		rates = append(rates, f.ExecutionRate())
		levels = append(levels, f.Status.Level())
	}
	return rateChart(names, rates, levels, ex.TimeProgress, tr("chart.rate.title", "Kind", tr(kindKey(kind))), tr)
}

// SubjectRateChart is rateChart over the subjects of kind of department
// d that have a budget, each bar coloured by the subject's status.
func SubjectRateChart(d pace.DeptRow, kind domain.SubjectKind, timeProgress float64, lang string, tr i18n.Translate) chart.Chart {
	var names []string
	var rates []float64
	var levels []pace.Level
	for _, s := range d.Subjects {
		if s.Kind == kind && s.Budget != 0 {
			names = append(names, i18n.PickName(lang, s.Name, s.NameEn))
			rates = append(rates, s.ExecutionRate())
			levels = append(levels, s.Status.Level())
		}
	}
	title := tr("exec.subject_rates", "Dept", i18n.PickName(lang, d.Name, d.NameEn))
	return rateChart(names, rates, levels, timeProgress, title, tr)
}

// LevelBands are the legend of a chart coloured by status level: one band
// per level that occurs in levels, the most urgent first. They hold no
// values (bars are coloured by their Levels, never by their value).
func LevelBands(levels []pace.Level, tr i18n.Translate) []chart.Band {
	var out []chart.Band
	for _, l := range pace.Levels {
		for _, got := range levels {
			if got == l {
				out = append(out, chart.Band{Min: math.NaN(), Max: math.NaN(), Level: l.BandLevel(), Label: tr("chart.level." + string(l))})
				break
			}
		}
	}
	return out
}

// deviationBands colour deviation rates with the hospital's thresholds:
// green inside the accurate band, amber inside the warning band, red beyond.
// Each label gives its range, so that the legend says which figures take
// which colour ("低于计划（-10%～-5%）").
func deviationBands(t pace.Thresholds, tr i18n.Translate) []chart.Band {
	inf := math.Inf(1)
	g, a := bandPercent(t.GreenWithin), bandPercent(t.AmberWithin)
	return []chart.Band{
		{Min: -inf, Max: -t.AmberWithin, Level: 2, Label: tr("chart.band.under_red", "Amber", a)},
		{Min: -t.AmberWithin, Max: -t.GreenWithin, Level: 1, Label: tr("chart.band.under_amber", "Amber", a, "Green", g)},
		{Min: -t.GreenWithin, Max: t.GreenWithin + 1e-12, Level: 0, Label: tr("chart.band.green", "Green", g)},
		{Min: t.GreenWithin + 1e-12, Max: t.AmberWithin + 1e-12, Level: 1, Label: tr("chart.band.over_amber", "Amber", a, "Green", g)},
		{Min: t.AmberWithin + 1e-12, Max: inf, Level: 2, Label: tr("chart.band.over_red", "Amber", a)},
	}
}

// bandPercent is a threshold as a band label shows it: "5%", "2.5%".
func bandPercent(v float64) string {
	return strings.Replace(chart.FormatPercent(v, 1), ".0%", "%", 1)
}

// HeatChart is the department × month cumulative deviation from plan,
// months after the month-end left empty.
func HeatChart(ex pace.Execution, kind domain.SubjectKind, lang string, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.HeatMap, Title: tr("chart.heat.title", "Kind", tr(kindKey(kind))), Category: monthLabels(tr),
		Percent: true, Bands: deviationBands(ex.Thresholds, tr), NoData: tr("chart.no_data")}
	for _, d := range ex.Departments {
		if d.Of(kind).Budget == 0 {
			continue
		}
		rates, ok := d.Deviation(kind, ex.Month)
		row := make([]float64, 12)
		for m := range row {
			row[m] = math.NaN()
			if ok[m] {
				row[m] = rates[m]
			}
		}
		c.Rows = append(c.Rows, i18n.PickName(lang, d.Name, d.NameEn))
		c.Cells = append(c.Cells, row)
	}
	return c
}

// TargetBands are the province's default bands of target completion
// against the value expected by the month: below 60% red, 60–80% amber,
// 80–120% green, 120% and above blue.
func TargetBands(tr i18n.Translate) []chart.Band {
	inf := math.Inf(1)
	return []chart.Band{
		{Min: -inf, Max: domain.TargetRedBelow, Level: 2, Label: tr("progress.level.red")},
		{Min: domain.TargetRedBelow, Max: domain.TargetAmberBelow, Level: 1, Label: tr("progress.level.amber")},
		{Min: domain.TargetAmberBelow, Max: domain.TargetBlueFrom, Level: 0, Label: tr("progress.level.green")},
		{Min: domain.TargetBlueFrom, Max: inf, Level: 3, Label: tr("progress.level.blue")},
	}
}

// targetBandLevel is the chart band level of a target's level: the bar
// takes the colour domain.AssessTarget judged (a rate 1% short of its
// target is amber, whatever its completion), as the targets table does.
func targetBandLevel(l domain.TargetLevel) int {
	switch l {
	case domain.LevelRed:
		return 2
	case domain.LevelAmber:
		return 1
	case domain.LevelGreen:
		return 0
	case domain.LevelBlue:
		return 3
	}
	return -1
}

// TargetChart shows the completion of every quantitative target that has
// a value, against the expected mark (100% of what the month expects).
func TargetChart(projects []ProjectProgress, tr i18n.Translate) chart.Chart {
	c := chart.Chart{Kind: chart.Progress, Title: tr("chart.targets.title"), Percent: true, Bands: TargetBands(tr), NoData: tr("chart.no_targets")}
	var done, mark []float64
	for _, p := range projects {
		for _, t := range p.Targets {
			if !t.Assessment.HasRatio {
				continue
			}
			c.Category = append(c.Category, p.Name+" · "+t.Target.Indicator)
			done = append(done, t.Assessment.Completion)
			mark = append(mark, 1)
			c.Levels = append(c.Levels, targetBandLevel(t.Assessment.Level))
		}
	}
	c.Series = []chart.Series{{Name: tr("chart.series.completion"), Values: done}, {Name: tr("chart.series.expected"), Values: mark}}
	return c
}
