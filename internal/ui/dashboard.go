package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Dashboard shows the year at a glance: budget, actual to date, execution
// against time progress, and the departments furthest behind or ahead.
type Dashboard struct {
	shell *Shell
	root  fyne.CanvasObject

	budget, actual, rate, revenue *kit.FigureCard
	alerts                        *kit.FigureCard
	cum, byDept                   *kit.ChartView
	behind, ahead                 *fyne.Container
	empty                         *widget.Label
	balance                       *widget.Label // 收入合计 · 支出合计 · 收支差额, with the deficit warning
	table                         *deptTable
	ex                            pace.Execution
	month                         int // the month-end shown; 0 = the latest with actuals
}

func newDashboard(s *Shell) *Dashboard {
	d := &Dashboard{shell: s,
		budget:  kit.NewFigureCard(i18n.T("dash.card.budget")),
		actual:  kit.NewFigureCard(i18n.T("dash.card.actual")),
		rate:    kit.NewFigureCard(i18n.T("dash.card.rate")),
		revenue: kit.NewFigureCard(i18n.T("dash.card.revenue")),
		alerts:  kit.NewFigureCard(i18n.T("dash.card.alerts")),
		cum:     kit.NewChartView(),
		byDept:  kit.NewChartView(),
		behind:  container.NewVBox(),
		ahead:   container.NewVBox(),
		empty:   widget.NewLabel(""),
		balance: widget.NewLabel(""),
		table:   newDeptTable(),
	}
	d.empty.Wrapping = fyne.TextWrapWord
	d.empty.Importance = widget.WarningImportance
	d.balance.Wrapping = fyne.TextWrapWord
	cards := container.NewGridWithColumns(5, d.budget.Root, d.actual.Root, d.rate.Root, d.revenue.Root, d.alerts.Root)
	d.alerts.Root = container.NewStack(d.alerts.Root, kit.NewTapArea(func() { s.openAlerts() }))
	cards.Objects[4] = d.alerts.Root
	d.byDept.OnTapped = func(p chart.Point) {
		if rows := d.ratedDepartments(); p.Category >= 0 && p.Category < len(rows) {
			s.openExecution(rows[p.Category])
		}
	}
	charts := container.New(&kit.MinHeightLayout{Height: 270}, container.NewGridWithColumns(2, d.cum, d.byDept))
	lists := container.NewGridWithColumns(2,
		widget.NewCard(i18n.T("dash.behind"), i18n.T("dash.behind.hint"), d.behind),
		widget.NewCard(i18n.T("dash.ahead"), i18n.T("dash.ahead.hint"), d.ahead))
	d.table.onOpen = func(code string) { s.openExecution(code) }
	d.table.box = &kit.MinHeightLayout{Height: 420}
	table := container.New(d.table.box, d.table.table)
	body := container.NewVBox(d.empty, cards, d.balance, charts, lists,
		widget.NewLabelWithStyle(i18n.T("dash.table.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), table)
	d.root = container.NewVScroll(body)
	return d
}

// Refresh loads the shell's year from the store.
func (d *Dashboard) Refresh() {
	s := d.shell
	o, err := s.svc.Execution.Execution(s.ctx, s.actor, s.year, d.month)
	if err != nil {
		s.showError(err)
		return
	}
	d.ex = o
	exp, rev := o.Total.Expenditure, o.Total.Revenue
	if exp.Budget == 0 && rev.Budget == 0 {
		d.empty.SetText(i18n.T("dash.empty", "Year", o.Year))
		d.empty.Show()
	} else {
		d.empty.Hide()
	}
	through := i18n.T("dash.no_actuals")
	if o.Month > 0 {
		through = i18n.T("dash.through", "Month", kit.MonthName(o.Month))
	}
	d.budget.Set(kit.Wan(exp.Budget), i18n.T("dash.unit_wan")+" · "+i18n.T("dash.budget.note", "Year", o.Year), nil)
	d.actual.Set(kit.Wan(exp.Actual), i18n.T("dash.unit_wan")+" · "+through, nil)
	d.rate.Set(i18n.Percent(exp.ExecutionRate()), i18n.T("dash.rate.note", "Progress", i18n.Percent(o.TimeProgress), "Ratio", i18n.Ratio(exp.Ratio)), paceColor(exp.Pace, o.Month))
	d.revenue.Set(i18n.Percent(rev.ExecutionRate()), i18n.T("dash.revenue.note", "Actual", kit.Wan(rev.Actual), "Budget", kit.Wan(rev.Budget)), nil)
	var red int
	for _, a := range o.Alerts {
		if a.Severity == pace.Red {
			red++
		}
	}
	alertColor := kit.StatusColor(pace.Green)
	if red > 0 {
		alertColor = kit.StatusColor(pace.Red)
	} else if len(o.Alerts) > 0 {
		alertColor = kit.StatusColor(pace.Amber)
	}
	d.alerts.Set(fmt.Sprint(len(o.Alerts)), i18n.T("dash.alerts.note", "Red", red), alertColor)
	d.showBalance(rev.Budget, exp.Budget, o.Year)
	d.cum.SetChart(execution.CumulativeChart(exp, o.Month, domain.Expenditure, totalName(o), i18n.T))
	d.byDept.SetChart(execution.DeptRateChart(o, domain.Expenditure, i18n.Current(), i18n.T))
	d.behind.Objects = d.deptLinks(o.FurthestBehind(5), i18n.T("dash.none_behind"))
	d.behind.Refresh()
	d.ahead.Objects = d.deptLinks(o.FurthestAhead(5), i18n.T("dash.none_ahead"))
	d.ahead.Refresh()
	d.table.set(o)
	d.root.Refresh() // the table's height follows its rows
}

// showBalance states the year's budgeted revenue, expenditure and their
// balance, never one sum of both, and warns of a deficit as the budget
// rules do (one warning, defined in budgeting).
func (d *Dashboard) showBalance(revenue, expenditure money.Amount, year int) {
	if revenue == 0 && expenditure == 0 {
		d.balance.Hide()
		return
	}
	v := budgeting.View{Year: year, Breakdown: domain.Breakdown{Revenue: revenue, Expenditure: expenditure}}
	text := i18n.T("adjust.balance", "Revenue", money.FormatPlain(revenue), "Expenditure", money.FormatPlain(expenditure),
		"Balance", money.FormatPlain(v.Balance()))
	d.balance.Importance = widget.MediumImportance
	if w := v.DeficitWarning(); w != nil {
		text += "\n" + i18n.Message(w)
		d.balance.Importance = widget.WarningImportance
	}
	d.balance.SetText(text)
	d.balance.Show()
}

// deptLinks lists departments with their rates; each opens its detail.
func (d *Dashboard) deptLinks(ds []pace.DeptRow, none string) []fyne.CanvasObject {
	if len(ds) == 0 {
		return []fyne.CanvasObject{widget.NewLabel(none)}
	}
	out := make([]fyne.CanvasObject, len(ds))
	for i, e := range ds {
		code := e.Code
		text := i18n.T("dash.dept_line", "Name", kit.PickName(e.Name, e.NameEn), "Rate", i18n.Percent(e.Expenditure.ExecutionRate()), "Ratio", i18n.Ratio(e.Expenditure.Ratio))
		if st := e.Expenditure.Status; st != pace.StatusNormal {
			// Fastest is not best: an overspent department says so here
			// as in the table (issue 16).
			text += " · " + i18n.T(st.Key())
		}
		b := widget.NewButton(text, func() { d.shell.openExecution(code) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		out[i] = b
	}
	return out
}

// ratedDepartments are the departments in the order of the rate chart.
func (d *Dashboard) ratedDepartments() []string {
	var out []string
	for _, r := range d.ex.Departments {
		if r.Expenditure.Budget != 0 {
			out = append(out, r.Code)
		}
	}
	return out
}

func paceColor(p pace.Pace, month int) color.Color {
	if month == 0 {
		return nil
	}
	return kit.StatusColor(p.Level())
}
