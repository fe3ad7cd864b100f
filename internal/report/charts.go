package report

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The charts the reports draw are the screens' chart models, each built
// once by the service that owns its data (execution, evaluation, bonus)
// with i18n.T in the report's language; the reports only lay them out.

// execCharts are the execution report's charts: the hospital's cumulative
// expenditure, the departments' rates, the deviation heat map, and target
// progress.
type execCharts struct{ cumulative, rates, heat, targets chart.Chart }

func executionCharts(meta Meta, data executionData) execCharts {
	ex := data.Ex
	return execCharts{
		cumulative: execution.CumulativeChart(ex.Total.Expenditure, ex.Month, domain.Expenditure, i18n.T("exec.hospital"), i18n.T),
		rates:      execution.DeptRateChart(ex, domain.Expenditure, meta.Lang, i18n.T),
		heat:       execution.HeatChart(ex, domain.Expenditure, meta.Lang, i18n.T),
		targets:    execution.TargetChart(data.Projects, i18n.T),
	}
}

// drawsTargets tells whether the report draws the target chart: when
// there are projects and targets with a value to show.
func drawsTargets(data executionData, c chart.Chart) bool {
	return len(data.Projects) > 0 && len(c.Category) > 0
}

// scorecard is the balanced scorecard of a run, as on the Evaluation
// screen.
func scorecard(meta Meta, r evaluation.Run) chart.Chart {
	return evaluation.ScorecardChart(r, meta.Lang, i18n.T)
}

// sensitivityCharts are the Bonus screen's sensitivity chart for each of
// bonus.ChartGroups the report draws that has departments, each titled
// with its group (the report has no picker to say which it is).
func sensitivityCharts(meta Meta, res bonus.Result) []chart.Chart {
	var out []chart.Chart
	for _, g := range bonus.ChartGroups {
		if !g.InReport {
			continue
		}
		c := bonus.SensitivityChart(res, g, meta.Lang, i18n.T)
		if len(c.Series) == 0 {
			continue
		}
		c.Title += " · " + i18n.T(g.Key)
		out = append(out, c)
	}
	return out
}

// Charts are the chart models the report of req draws, in order, from the
// same load and builders as the PDF, in the language in use: for checks
// that the screens and the reports draw the same charts (issue 18). The
// budget report draws none.
func Charts(ctx context.Context, svc *services.Services, by domain.Actor, req Request) ([]chart.Chart, error) {
	if err := CheckReader(by); err != nil {
		return nil, err
	}
	meta := Meta{Lang: i18n.Current()}
	switch req.Kind {
	case Execution:
		data, err := loadExecution(ctx, svc, by, req.Year, req.Month)
		if err != nil {
			return nil, err
		}
		c := executionCharts(meta, data)
		out := []chart.Chart{c.cumulative, c.rates, c.heat}
		if drawsTargets(data, c.targets) {
			out = append(out, c.targets)
		}
		return out, nil
	case Evaluation:
		data, err := loadEvaluation(ctx, svc, by, req.Year)
		if err != nil {
			return nil, err
		}
		var out []chart.Chart
		for _, r := range data.Runs {
			out = append(out, scorecard(meta, r))
		}
		return out, nil
	case Bonus:
		data, err := loadBonus(ctx, svc, by, req.Year)
		if err != nil {
			return nil, err
		}
		return sensitivityCharts(meta, data.Res), nil
	}
	return nil, nil
}
