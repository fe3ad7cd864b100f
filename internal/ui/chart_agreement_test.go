package ui

import (
	"math"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/report"
	"github.com/budgetperf/budgetperf/internal/ui/evalui"
)

// noNaN is c with every NaN (a gap) replaced by one stand-in, so that
// reflect.DeepEqual, for which NaN differs from itself, compares models.
func noNaN(c chart.Chart) chart.Chart {
	const gap = -1.2345e300
	fix := func(xs []float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x
			if math.IsNaN(x) {
				out[i] = gap
			}
		}
		return out
	}
	series := make([]chart.Series, len(c.Series))
	for i, s := range c.Series {
		s.Values = fix(s.Values)
		series[i] = s
	}
	c.Series = series
	cells := make([][]float64, len(c.Cells))
	for i, row := range c.Cells {
		cells[i] = fix(row)
	}
	c.Cells = cells
	bands := make([]chart.Band, len(c.Bands))
	for i, b := range c.Bands {
		mm := fix([]float64{b.Min, b.Max})
		b.Min, b.Max = mm[0], mm[1]
		bands[i] = b
	}
	c.Bands = bands
	return c
}

func sameChart(t *testing.T, what string, screen, pdf chart.Chart) {
	t.Helper()
	if len(screen.Series) == 0 && len(screen.Cells) == 0 {
		t.Errorf("%s: the screen draws an empty chart", what)
	}
	if !reflect.DeepEqual(noNaN(screen), noNaN(pdf)) {
		t.Errorf("%s: the screen and the report draw different models:\nscreen %+v\nreport %+v", what, screen, pdf)
	}
}

func reportCharts(t *testing.T, s *Shell, req report.Request) []chart.Chart {
	t.Helper()
	cs, err := report.Charts(s.ctx, s.svc, s.actor, req)
	if err != nil {
		t.Fatalf("%s report charts: %v", req.Kind, err)
	}
	return cs
}

// Issue 18: every chart the reports draw is the model the screens draw
// for the same data, built once by its service, in both languages.
func TestScreensAndReportsDrawOneChartModel(t *testing.T) {
	path := demoDB(t, 2026)
	for _, lang := range []string{i18n.Chinese, i18n.English} {
		t.Run(lang, func(t *testing.T) {
			s, _ := startApp(t, path, lang)
			t.Run("execution", func(t *testing.T) { executionChartsAgree(t, s) })
			t.Run("evaluation", func(t *testing.T) { evaluationChartsAgree(t, s) })
			t.Run("bonus", func(t *testing.T) { bonusChartsAgree(t, s) })
		})
	}
}

// executionChartsAgree compares the Execution screen at the hospital
// level with the execution report of the same month-end.
func executionChartsAgree(t *testing.T, s *Shell) {
	s.setYear(2026)
	s.Show(SectionExecution)
	e := s.execution
	cs := reportCharts(t, s, report.Request{Kind: report.Execution, Year: 2026, Month: e.ex.Month})
	if len(cs) != 4 {
		t.Fatalf("the execution report draws %d charts, want 4", len(cs))
	}
	// The report names the hospital 全院 where the screen says 全院合计 (or
	// the user's own departments): the unit named in the title is the only
	// difference.
	cum := e.cum.Chart()
	if cum.Title == cs[0].Title {
		t.Errorf("cumulative titles: both %q", cum.Title)
	}
	cum.Title = cs[0].Title
	sameChart(t, "cumulative", cum, cs[0])
	sameChart(t, "department rates", e.rate.Chart(), cs[1])
	sameChart(t, "heat map", e.heat.Chart(), cs[2])
	sameChart(t, "targets", e.tgt.Chart(), cs[3])
}

// evaluationChartsAgree compares the Evaluation screen's scorecard of
// each scored unit with the one on its page of the evaluation report.
func evaluationChartsAgree(t *testing.T, s *Shell) {
	e := openEvaluation(t, s, 2025)
	cs := reportCharts(t, s, report.Request{Kind: report.Evaluation, Year: 2025})
	if len(cs) == 0 {
		t.Fatal("the evaluation report draws no scorecard")
	}
	shown := e.Scorecards()
	if len(shown) != len(cs) {
		t.Errorf("the screen shows %d scored units, the report %d scorecards", len(shown), len(cs))
	}
	for n, sc := range shown {
		if n >= len(cs) {
			t.Fatalf("the screen has more scored units than the report's %d", len(cs))
		}
		sameChart(t, "scorecard of "+sc.Unit, sc.Chart, cs[n])
	}
}

// bonusChartsAgree compares the Bonus screen's sensitivity chart of each
// group the report draws with the report's chart of it, which adds the
// group to the title.
func bonusChartsAgree(t *testing.T, s *Shell) {
	s.setYear(2026)
	s.Show(SectionBonus)
	b := s.bonus
	cs := reportCharts(t, s, report.Request{Kind: report.Bonus, Year: 2026})
	n := 0
	for i, g := range bonus.ChartGroups {
		if !g.InReport {
			continue
		}
		want := b.ChartOf(i)
		want.Title += " · " + i18n.T(g.Key)
		if n >= len(cs) {
			t.Fatalf("the report draws %d sensitivity charts", len(cs))
		}
		sameChart(t, g.Key, want, cs[n])
		n++
	}
	if n != len(cs) || n == 0 {
		t.Errorf("the report draws %d sensitivity charts, the screen's report groups are %d", len(cs), n)
	}
}

// openEvaluation shows the Evaluation screen for year in the window at
// the office monitor size.
func openEvaluation(t *testing.T, s *Shell, year int) *evalui.EvaluationScreen {
	t.Helper()
	s.year = year
	e := evalui.NewEvaluationScreen(s)
	s.body.Objects = []fyne.CanvasObject{e.Root}
	s.body.Refresh()
	s.win.Resize(fyne.NewSize(1366, 768))
	e.Refresh()
	return e
}
