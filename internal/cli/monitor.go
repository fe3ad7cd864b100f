package cli

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "monitor", summary: "cli.monitor.summary", run: runMonitor})
}

// measureJSON is one figure at the month-end: expenditure in the contract's
// fields; revenue the same shape under "revenue".
type measureJSON struct {
	BudgetFen     int64   `json:"budget_fen"`
	PlanToDateFen int64   `json:"plan_to_date_fen"`
	ActualFen     int64   `json:"actual_fen"`
	ExecutionRate float64 `json:"execution_rate"`
	DeviationRate float64 `json:"deviation_rate"`
	// Status is the judgement against plan to date (normal, watch,
	// lagging, overspent, shortfall, surplus); Level its colour (green,
	// amber, red, blue); StatusText its word in the interface language.
	Status     string `json:"status"`
	Level      string `json:"level"`
	StatusText string `json:"status_text"`
}

type monitorTotalJSON struct {
	measureJSON
	Pace     string      `json:"pace"`
	PaceText string      `json:"pace_text"`
	Revenue  measureJSON `json:"revenue"`
}

type monitorDeptJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
	measureJSON
	Pace     string      `json:"pace"`
	PaceText string      `json:"pace_text"`
	Revenue  measureJSON `json:"revenue"`
}

type monitorJSON struct {
	Year         int               `json:"year"`
	Month        int               `json:"month"`
	TimeProgress float64           `json:"time_progress"`
	Total        monitorTotalJSON  `json:"total"`
	Scope        []string          `json:"departments_only,omitempty"`
	Departments  []monitorDeptJSON `json:"departments"`
	Alerts       []alertJSON       `json:"alerts"`
}

type alertJSON struct {
	Kind     string `json:"kind"`
	KindText string `json:"kind_text"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Subject  string `json:"subject_code,omitempty"`
	Text     string `json:"text"`
}

func measureOf(f pace.Figures) measureJSON {
	dev, _ := f.Deviation()
	return measureJSON{BudgetFen: f.Budget.Fen(), PlanToDateFen: f.PlanToDate.Fen(), ActualFen: f.Actual.Fen(),
		ExecutionRate: rate4(f.ExecutionRate()), DeviationRate: rate4(dev),
		Status: string(f.Status), Level: string(f.Status.Level()), StatusText: i18n.T(f.Status.Key())}
}

func runMonitor(env *Env, args []string) error {
	svc, year, month, asJSON, unit, err := amountReport(env, "monitor", "cli.monitor.about", "cli.flag.month_end", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Execution.RequireData(env.ctx, env.Actor, year); err != nil {
		return err
	}
	ex, err := svc.Execution.Execution(env.ctx, env.Actor, year, month)
	if err != nil {
		return err
	}
	out := monitorJSON{Year: ex.Year, Month: ex.Month, TimeProgress: rate4(ex.TimeProgress),
		Total: monitorTotalJSON{measureJSON: measureOf(ex.Total.Expenditure), Revenue: measureOf(ex.Total.Revenue),
			Pace: string(ex.Total.Expenditure.Pace), PaceText: i18n.T(ex.Total.Expenditure.Pace.Key())},
		Scope: ex.Scope, Departments: []monitorDeptJSON{}, Alerts: []alertJSON{}}
	for _, d := range ex.Departments {
		out.Departments = append(out.Departments, monitorDeptJSON{Code: d.Code, Name: d.Name, measureJSON: measureOf(d.Expenditure),
			Pace: string(d.Expenditure.Pace), PaceText: i18n.T(d.Expenditure.Pace.Key()), Revenue: measureOf(d.Revenue)})
	}
	for _, a := range ex.Alerts {
		out.Alerts = append(out.Alerts, alertJSON{Kind: string(a.Kind), KindText: i18n.T(a.Kind.Key()), Severity: string(a.Severity), Code: a.DeptCode, Subject: a.Subject, Text: i18n.Message(a.Text)})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	return writeMonitorText(env, ex, unit)
}

// writeMonitorText prints the month-end as a table (expenditure, with the
// pace and status in the screens' words) and then the alerts, as the
// 预警 tab lists them: kind · what is wrong.
func writeMonitorText(env *Env, ex pace.Execution, u moneyUnit) error {
	header := []string{i18n.T("col.code"), i18n.T("col.department"), u.header("col.budget_in"), u.header("col.plan_in"),
		u.header("col.actual_in"), i18n.T("col.rate"), i18n.T("col.deviation"), i18n.T("col.pace"), i18n.T("col.status")}
	row := func(code, name string, f pace.Figures) []string {
		dev := i18n.NoData
		if d, ok := f.Deviation(); ok {
			dev = i18n.SignedPercent(d)
		}
		return []string{code, name, u.format(f.Budget), u.format(f.PlanToDate), u.format(f.Actual),
			i18n.Percent(f.ExecutionRate()), dev, i18n.T(f.Pace.Key()), i18n.T(f.Status.Key())}
	}
	total := i18n.T("exec.hospital_total")
	if ex.Scope != nil {
		total = i18n.T("exec.own_total")
	}
	rows := [][]string{row("", total, ex.Total.Expenditure)}
	for _, d := range ex.Departments {
		rows = append(rows, row(d.Code, pick(d.Name, d.NameEn), d.Expenditure))
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.monitor.heading_in", "Year", ex.Year, "Month", ex.Month, "Progress", i18n.Percent(ex.TimeProgress), "Unit", u.name()))
	if err := table(env.Stdout, header, rows); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout)
	if len(ex.Alerts) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T("cli.monitor.no_alerts"))
		return nil
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.monitor.alerts", "Count", len(ex.Alerts)))
	for _, a := range ex.Alerts {
		fmt.Fprintf(env.Stdout, "[%s] %s · %s\n", i18n.T(a.Severity.Key()), i18n.T(a.Kind.Key()), i18n.Message(a.Text))
	}
	return nil
}
