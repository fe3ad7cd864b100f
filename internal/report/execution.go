package report

import (
	"context"
	"io"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// executionData is the month-end picture the Execution screen shows: the
// same execution.Execution that `monitor --json` prints, and the projects'
// target progress.
type executionData struct {
	Ex       pace.Execution
	Projects []execution.ProjectProgress
}

func loadExecution(ctx context.Context, svc *services.Services, by domain.Actor, year, month int) (executionData, error) {
	latest, err := svc.Execution.LatestMonth(ctx, by, year)
	if err != nil {
		return executionData{}, err
	}
	ex, err := svc.Execution.Execution(ctx, by, year, month)
	if err != nil {
		return executionData{}, err
	}
	// A month-end report of a year without actuals would show every
	// department at 0%: refuse it, whatever month was asked for.
	if latest == 0 || ex.Month == 0 {
		return executionData{}, domain.NewProblem("problem.report.no_actuals", "There are no actuals for {{.Year}} yet, so there is no month-end to report on. Import actuals first (budgetperf import actuals --year {{.Year}} FILE).", "Year", year)
	}
	if ex.Total.Expenditure.Budget == 0 && ex.Total.Revenue.Budget == 0 {
		return executionData{}, domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}. Import one (budgetperf import budget --year {{.Year}} FILE) or load the demo hospital.", "Year", year)
	}
	projects, err := svc.Execution.ProjectProgress(ctx, by, year, ex.Month)
	if err != nil {
		return executionData{}, err
	}
	return executionData{Ex: ex, Projects: projects}, nil
}

func writeExecution(ctx context.Context, meta Meta, data executionData, w io.Writer, progress func(done, total int)) error {
	ex := data.Ex
	month := i18n.T("month." + itoa(ex.Month))
	meta.Title = i18n.T("report.exec.title", "Year", ex.Year, "Month", month)
	meta.Period = i18n.T("report.period.month", "Year", ex.Year, "Month", month)
	d, err := newDoc(ctx, meta, 8, progress)
	if err != nil {
		return err
	}
	charts := executionCharts(meta, data)
	// The sections in order, each followed by a progress step.
	sections := []func() error{
		func() error { execSummary(d, data); return nil },
		func() error { return execChartPages(d, charts) },
		func() error { execDepartments(d, ex, month); return nil },
		func() error { execAlerts(d, ex); return nil },
		func() error { return execTargets(d, data, month, charts.targets) },
	}
	for _, section := range sections {
		if err := section(); err != nil {
			return err
		}
		if err := d.step(); err != nil {
			return err
		}
	}
	return d.write(w)
}

// deviationText is a figure's deviation from plan, signed.
func deviationText(f pace.Figures) string {
	if r, ok := f.Deviation(); ok {
		return i18n.SignedPercent(r)
	}
	return i18n.NoData
}

// execSummary is the summary in words, then the figures.
func execSummary(d *doc, data executionData) {
	ex := data.Ex
	exp, rev := ex.Total.Expenditure, ex.Total.Revenue
	d.cover(i18n.T("report.exec.subtitle", "Progress", i18n.Percent(ex.TimeProgress)))
	d.h1(i18n.T("report.exec.summary"), 30)
	d.para(executionSummary(d, data), 10)
	d.facts([][2]string{
		{i18n.T("report.exec.time_progress"), i18n.Percent(ex.TimeProgress)},
		{i18n.T("report.exec.alerts"), itoa(len(ex.Alerts))},
		{i18n.T("report.exec.exp_budget"), d.amtUnit(exp.Budget)},
		{i18n.T("report.exec.rev_budget"), d.amtUnit(rev.Budget)},
		{i18n.T("report.exec.exp_plan"), d.amtUnit(exp.PlanToDate)},
		{i18n.T("report.exec.rev_plan"), d.amtUnit(rev.PlanToDate)},
		{i18n.T("report.exec.exp_actual"), d.amtUnit(exp.Actual)},
		{i18n.T("report.exec.rev_actual"), d.amtUnit(rev.Actual)},
		{i18n.T("report.exec.exp_rate"), i18n.Percent(exp.ExecutionRate()) + " / " + deviationText(exp)},
		{i18n.T("report.exec.rev_rate"), i18n.Percent(rev.ExecutionRate()) + " / " + deviationText(rev)},
	})
}

// execChartPages draws the Execution screen's charts.
func execChartPages(d *doc, c execCharts) error {
	d.h1(i18n.T("report.exec.charts"), 75)
	if err := d.drawChart(c.cumulative, 72); err != nil {
		return err
	}
	if err := d.step(); err != nil {
		return err
	}
	if err := d.drawChart(c.rates, 88); err != nil {
		return err
	}
	if err := d.step(); err != nil {
		return err
	}
	// 4.3 mm a department keeps the rate chart and the heat map of a
	// hospital of 30 departments on one page.
	return d.drawChart(c.heat, min(26+4.3*float64(len(c.heat.Rows)), bottom-marginT-4))
}

// execDepartments is Tables 1 and 2: each department's expenditure, then
// its revenue, against plan, with pace and status.
func execDepartments(d *doc, ex pace.Execution, month string) {
	d.h1(i18n.T("report.exec.by_dept"), 30)
	cols := []column{
		{i18n.T("col.code"), 7, "L"}, {i18n.T("col.department"), 19, "L"},
		{i18n.T("report.col.budget"), 15, "R"}, {i18n.T("report.col.plan"), 15, "R"},
		{i18n.T("report.col.actual"), 15, "R"}, {i18n.T("col.rate"), 9, "R"},
		{i18n.T("col.deviation"), 9, "R"}, {i18n.T("report.col.pace"), 9, "C"}, {i18n.T("report.col.status"), 8, "C"},
	}
	fig := func(code, name string, f pace.Figures, total bool) row {
		r := row{total: total, cells: []string{code, name, d.amt(f.Budget), d.amt(f.PlanToDate), d.amt(f.Actual),
			i18n.Percent(f.ExecutionRate()), deviationText(f), paceWord(f), statusWord(f)}}
		r.inks = statusInks(len(r.cells)-1, f)
		return r
	}
	side := func(of func(pace.DeptRow) pace.Figures, total pace.Figures) []row {
		var rows []row
		for _, dep := range ex.Departments {
			if f := of(dep); f.Budget != 0 || f.Actual != 0 {
				rows = append(rows, fig(dep.Code, d.pick(dep.Name, dep.NameEn), f, false))
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return append(rows, fig("", i18n.T("col.total"), total, true))
	}
	exp := side(func(r pace.DeptRow) pace.Figures { return r.Expenditure }, ex.Total.Expenditure)
	if exp == nil {
		exp = []row{fig("", i18n.T("col.total"), ex.Total.Expenditure, true)}
	}
	deptTable(d, i18n.T("report.exec.table_dept", "Month", month), cols).rows(exp)
	if rev := side(func(r pace.DeptRow) pace.Figures { return r.Revenue }, ex.Total.Revenue); rev != nil {
		deptTable(d, i18n.T("report.exec.table_rev", "Month", month), cols).rows(rev)
	}
}

// execAlerts is Table 3: what is flagged.
func execAlerts(d *doc, ex pace.Execution) {
	d.h1(i18n.T("report.exec.flagged"), 30)
	if len(ex.Alerts) == 0 {
		d.para(i18n.T("report.exec.no_alerts"), 10)
		return
	}
	acols := []column{{i18n.T("report.col.severity"), 9, "C"}, {i18n.T("report.col.alert_kind"), 17, "L"}, {i18n.T("report.col.detail"), 74, "L"}}
	var ar []row
	for _, a := range ex.Alerts {
		ar = append(ar, row{cells: []string{i18n.T(a.Severity.Key()), i18n.T(a.Kind.Key()), i18n.Message(a.Text)}})
	}
	d.newTable(i18n.T("report.exec.table_alerts"), acols).rows(ar)
}

// execTargets is target progress ("double monitoring"): the chart, then
// Table 4.
func execTargets(d *doc, data executionData, month string, tc chart.Chart) error {
	tch := min(24+5*float64(len(tc.Category)), bottom-marginT-16)
	d.h1(i18n.T("report.exec.targets"), tch)
	if len(data.Projects) == 0 {
		d.para(i18n.T("report.budget.no_projects"), 10)
		return nil
	}
	if drawsTargets(data, tc) {
		if err := d.drawChart(tc, tch); err != nil {
			return err
		}
	}
	targetTable(d, month, data.Projects)
	return nil
}

// targetTable is Table 4: each project target's progress.
func targetTable(d *doc, month string, projects []execution.ProjectProgress) {
	tcols := []column{{i18n.T("report.col.project"), 24, "L"}, {i18n.T("report.col.indicator"), 24, "L"},
		{i18n.T("report.col.target"), 12, "R"}, {i18n.T("report.col.expected"), 12, "R"}, {i18n.T("report.col.actual_value"), 12, "R"},
		{i18n.T("report.col.completion"), 10, "R"}, {i18n.T("report.col.level"), 10, "C"}}
	var tr []row
	var targets []string
	for _, p := range projects {
		for _, t := range p.Targets {
			a := t.Assessment
			expected, completion := "—", "—"
			if a.Prorated || a.Expected != 0 {
				expected = i18n.Number(a.Expected)
			}
			if a.HasRatio {
				completion = i18n.Percent(a.Completion)
			}
			actual := t.Actual
			if actual == "" {
				actual = "—"
			}
			targets = append(targets, i18n.TargetText(t.Target))
			tr = append(tr, row{cells: []string{p.Name, t.Target.Indicator, targets[len(targets)-1], expected, actual, completion,
				i18n.T("progress.level." + string(a.Level))}})
		}
	}
	// A target reads whole: "≤ 12（1/10万）" on one line.
	d.newTable(i18n.T("report.exec.table_targets", "Month", month), tcols).fit(2, targets...).rows(tr)
}

// deptTable is a table of departments' execution, its pace and status
// columns wide enough for every pace and status word on a line.
func deptTable(d *doc, caption string, cols []column) *table {
	var paces, statuses []string
	for _, p := range pace.Paces {
		paces = append(paces, i18n.T(p.Key()))
	}
	for _, s := range pace.Statuses {
		statuses = append(statuses, i18n.T(s.Key()))
	}
	return d.newTable(caption, cols).inUnit().fit(len(cols)-2, paces...).fit(len(cols)-1, statuses...)
}

// executionSummary says in words where the hospital stands: spending
// against time progress, how many departments are behind and which lags
// most, the alerts and the projects.
func executionSummary(d *doc, data executionData) string {
	ex := data.Ex
	exp := ex.Total.Expenditure
	dev, _ := exp.Deviation()
	s := i18n.T("report.exec.words.total", "Month", i18n.T("month."+itoa(ex.Month)), "Progress", i18n.Percent(ex.TimeProgress),
		"Budget", d.amtUnit(exp.Budget), "Actual", d.amtUnit(exp.Actual), "Rate", i18n.Percent(exp.ExecutionRate()),
		"Deviation", i18n.SignedPercent(dev))
	behind := 0
	for _, dep := range ex.Departments {
		if dep.Expenditure.Pace == pace.Behind {
			behind++
		}
	}
	if behind == 0 {
		s += i18n.T("report.exec.words.none_behind")
	} else {
		worst := ex.FurthestBehind(1)
		if len(worst) > 0 {
			w := worst[0]
			rate := w.Expenditure.ExecutionRate()
			s += i18n.T("report.exec.words.behind", "Count", behind, "Dept", d.pick(w.Name, w.NameEn),
				"Rate", i18n.Percent(rate), "Gap", strconv.FormatFloat((ex.TimeProgress-rate)*100, 'f', 1, 64))
		}
	}
	counts := ex.Counts()
	red := 0
	for _, a := range ex.Alerts {
		if a.Severity == pace.Red {
			red++
		}
	}
	s += i18n.T("report.exec.words.alerts", "Count", len(ex.Alerts), "Red", red, "Over", counts[pace.AlertOverBudget],
		"Unbudgeted", counts[pace.AlertUnbudgeted])
	lagging := 0
	for _, p := range data.Projects {
		if p.Lagging {
			lagging++
		}
	}
	if len(data.Projects) > 0 {
		s += i18n.T("report.exec.words.projects", "Count", len(data.Projects), "Lagging", lagging)
	}
	return s
}
