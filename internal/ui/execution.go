package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// ExecutionScreen is Execution: money against the monthly plan and time
// progress at a month-end, drilled down hospital → department → subject →
// ledger lines, with the deviation heat map, the alerts and the projects'
// performance targets ("double monitoring").
type ExecutionScreen struct {
	shell *Shell
	root  fyne.CanvasObject

	month   *widget.Select
	through *widget.Label // 实际数已导入至 N月, beside the month choice
	kind    *widget.RadioGroup
	crumbs  *fyne.Container
	summary *widget.Label
	cum     *kit.ChartView
	rate    *kit.ChartView
	heat    *kit.ChartView
	tgt     *kit.ChartView
	table   *execTable
	alerts  *kit.AlertList
	targets *TargetsTab
	tabs    *container.AppTabs
	alertTb *container.TabItem
	mainTab *container.TabItem
	tgtTab  *container.TabItem

	ex            pace.Execution
	monthChosen   int // 0 = the latest month with actuals
	kindShown     domain.SubjectKind
	dept, subject string
}

func newExecutionScreen(s *Shell) *ExecutionScreen {
	e := &ExecutionScreen{shell: s, crumbs: container.NewHBox(), summary: widget.NewLabel(""), kindShown: domain.Expenditure,
		cum: kit.NewChartView(), rate: kit.NewChartView(), heat: kit.NewChartView(), tgt: kit.NewChartView()}
	e.summary.Wrapping = fyne.TextWrapWord
	e.through = widget.NewLabel("")
	e.through.Importance = widget.LowImportance
	e.month = kit.NewSelect(nil, func(string) {
		if m := e.month.SelectedIndex() + 1; m != e.ex.Month {
			e.monthChosen = m
			e.Refresh()
		}
	})
	e.kind = widget.NewRadioGroup([]string{i18n.T("kind.expenditure"), i18n.T("kind.revenue")}, func(v string) {
		k := domain.Expenditure
		if v == i18n.T("kind.revenue") {
			k = domain.Revenue
		}
		if k != e.kindShown {
			e.kindShown = k
			e.show()
		}
	})
	e.kind.Horizontal = true
	e.kind.SetSelected(i18n.T("kind.expenditure"))
	e.table = newExecTable(s)
	e.table.onOpen = e.drill
	e.rate.OnTapped = func(p chart.Point) { e.drillChartBar(p.Category) }
	e.heat.OnTapped = func(p chart.Point) { e.drillHeatRow(p.Series) }
	e.alerts = kit.NewAlertList()
	e.alerts.OnOpen = e.openAlert
	e.targets = newTargetsTab(s)
	thresholds := widget.NewButton(i18n.T("exec.thresholds"), e.editThresholds)
	bar := container.NewHBox(widget.NewLabel(i18n.T("exec.month_end")), e.month, e.through, e.kind, e.crumbs, layout.NewSpacer(),
		widget.NewLabel(i18n.T("exec.unit")), thresholds)
	charts := container.NewGridWithColumns(2, e.cum, e.rate)
	analysis := container.NewBorder(container.NewVBox(e.summary, charts), nil, nil, nil, e.table.table)
	e.mainTab = container.NewTabItem(i18n.T("exec.tab.analysis"), analysis)
	e.alertTb = container.NewTabItem(i18n.T("exec.tab.alerts"), e.alerts.Root)
	e.tgtTab = container.NewTabItem(i18n.T("exec.tab.targets"), e.targets.root)
	e.tabs = container.NewAppTabs(e.mainTab, container.NewTabItem(i18n.T("exec.tab.heat"), e.heat),
		container.NewTabItem(i18n.T("exec.tab.target_chart"), e.tgt), e.alertTb, e.tgtTab)
	e.root = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, e.tabs)
	return e
}

// Refresh reloads the shell's year at the chosen month-end.
func (e *ExecutionScreen) Refresh() {
	s := e.shell
	latest, err := s.svc.Execution.LatestMonth(s.ctx, s.actor, s.year)
	if err != nil {
		s.showError(err)
		return
	}
	e.offerMonths(latest)
	ex, err := s.svc.Execution.Execution(s.ctx, s.actor, s.year, e.monthChosen)
	if err != nil {
		s.showError(err)
		return
	}
	e.ex = ex
	if ex.Month > 0 {
		e.month.SetSelectedIndex(ex.Month - 1)
	} else {
		e.month.ClearSelected()
	}
	if _, ok := ex.Department(e.dept); !ok {
		e.dept, e.subject = "", ""
	}
	e.alerts.Set(ex.Alerts)
	e.alertTb.Text = i18n.T("exec.tab.alerts_n", "Count", len(ex.Alerts))
	e.tabs.Refresh()
	e.targets.SetMonth(ex.Month)
	e.targets.Refresh()
	if projects, err := s.svc.Execution.ProjectProgress(s.ctx, s.actor, s.year, ex.Month); err == nil {
		e.tgt.SetChart(execution.TargetChart(projects, i18n.T))
	}
	e.show()
}

// offerMonths offers the month-ends 1 … latest, the months with actuals,
// and says so beside the choice: a later month-end has no results to
// show (the monitor service refuses it). A month chosen in another year
// that this one has no actuals for falls back to the latest.
func (e *ExecutionScreen) offerMonths(latest int) {
	months := make([]string, 0, latest)
	for m := 1; m <= latest; m++ {
		months = append(months, kit.MonthName(m))
	}
	e.month.Options = months
	e.month.Refresh()
	if e.monthChosen > latest {
		e.monthChosen = 0
	}
	if latest == 0 {
		e.through.SetText(i18n.T("exec.no_actuals"))
		return
	}
	e.through.SetText(i18n.T("exec.actuals_through", "Month", kit.MonthName(latest)))
}

// show draws the current level: the hospital, a department or a subject.
func (e *ExecutionScreen) show() {
	ex, kind := e.ex, e.kindShown
	lang := i18n.Current()
	e.heat.SetChart(execution.HeatChart(ex, kind, lang, i18n.T))
	e.showCrumbs()
	d, inDept := ex.Department(e.dept)
	switch {
	case !inDept:
		f := ex.Total.Of(kind)
		e.summary.SetText(e.summaryText(totalName(ex), f))
		e.cum.SetChart(execution.CumulativeChart(f, ex.Month, kind, totalName(ex), i18n.T))
		e.rate.SetChart(execution.DeptRateChart(ex, kind, lang, i18n.T))
		e.rate.Show()
		e.table.showDepartments(ex, kind)
	case e.subject == "":
		f := d.Of(kind)
		name := kit.PickName(d.Name, d.NameEn)
		e.summary.SetText(e.summaryText(name, f))
		e.cum.SetChart(execution.CumulativeChart(f, ex.Month, kind, name, i18n.T))
		e.rate.SetChart(execution.SubjectRateChart(d, kind, ex.TimeProgress, lang, i18n.T))
		e.rate.Show()
		e.table.showSubjects(ex, d, kind)
	default:
		for _, sr := range d.Subjects {
			if sr.Code == e.subject {
				name := sr.Code + " " + kit.PickName(sr.Name, sr.NameEn)
				e.summary.SetText(e.summaryText(kit.PickName(d.Name, d.NameEn)+" · "+name, sr.Figures))
				e.cum.SetChart(execution.CumulativeChart(sr.Figures, ex.Month, sr.Kind, name, i18n.T))
			}
		}
		e.rate.Hide()
		lines, total, err := e.shell.svc.Execution.Ledger(e.shell.ctx, e.shell.actor, ex.Year, ex.Month, e.dept, e.subject)
		if err != nil {
			e.shell.showError(err)
			return
		}
		e.table.showLedger(lines, total)
	}
}

func (e *ExecutionScreen) summaryText(unit string, f pace.Figures) string {
	if e.ex.Month == 0 {
		return i18n.T("exec.summary_none", "Unit", unit, "Year", e.ex.Year)
	}
	dev := i18n.NoData
	if d, ok := f.Deviation(); ok {
		dev = i18n.SignedPercent(d)
	}
	return i18n.T("exec.summary", "Unit", unit, "Month", kit.MonthName(e.ex.Month), "Budget", kit.Wan(f.Budget), "Plan", kit.Wan(f.PlanToDate), "Actual", kit.Wan(f.Actual), "Rate", i18n.Percent(f.ExecutionRate()), "Progress", i18n.Percent(e.ex.TimeProgress), "Deviation", dev,
		"Status", i18n.T(f.Status.Key()))
}

func (e *ExecutionScreen) showCrumbs() {
	objs := []fyne.CanvasObject{widget.NewLabel("›"), e.crumb(totalName(e.ex), func() { e.goTo("", "") })}
	if d, ok := e.ex.Department(e.dept); ok {
		objs = append(objs, widget.NewLabel("›"), e.crumb(kit.PickName(d.Name, d.NameEn), func() { e.goTo(e.dept, "") }))
		if e.subject != "" {
			objs = append(objs, widget.NewLabel("›"), e.crumb(e.subject, func() {}))
		}
	}
	e.crumbs.Objects = objs
	e.crumbs.Refresh()
}

func (e *ExecutionScreen) crumb(text string, tap func()) *widget.Button {
	b := widget.NewButton(text, tap)
	b.Importance = widget.LowImportance
	return b
}

// goTo shows a level: dept "" is the hospital, subject "" the department.
func (e *ExecutionScreen) goTo(dept, subject string) {
	e.dept, e.subject = dept, subject
	e.tabs.Select(e.mainTab)
	e.show()
}

// drill opens the row the table's user tapped, one level down.
func (e *ExecutionScreen) drill(code string) {
	switch {
	case e.dept == "":
		e.goTo(code, "")
	case e.subject == "":
		e.goTo(e.dept, code)
	}
}

// drillChartBar opens the department (or subject) of the tapped bar.
func (e *ExecutionScreen) drillChartBar(i int) {
	if e.dept == "" {
		var codes []string
		for _, d := range e.ex.Departments {
			if d.Of(e.kindShown).Budget != 0 {
				codes = append(codes, d.Code)
			}
		}
		if i >= 0 && i < len(codes) {
			e.goTo(codes[i], "")
		}
		return
	}
	d, _ := e.ex.Department(e.dept)
	var codes []string
	for _, s := range d.Subjects {
		if s.Kind == e.kindShown && s.Budget != 0 {
			codes = append(codes, s.Code)
		}
	}
	if i >= 0 && i < len(codes) {
		e.goTo(e.dept, codes[i])
	}
}

// drillHeatRow opens the department of a heat-map row.
func (e *ExecutionScreen) drillHeatRow(row int) {
	var codes []string
	for _, d := range e.ex.Departments {
		if d.Of(e.kindShown).Budget != 0 {
			codes = append(codes, d.Code)
		}
	}
	if row >= 0 && row < len(codes) {
		e.goTo(codes[row], "")
	}
}

// openAlert goes where an alert leads.
func (e *ExecutionScreen) openAlert(a pace.Alert) {
	switch a.Kind {
	case pace.AlertProjectLags:
		e.tabs.Select(e.tgtTab)
	case pace.AlertDeptBehind:
		e.kind.SetSelected(i18n.T("kind.expenditure"))
		e.goTo(a.DeptCode, "")
	default:
		e.kind.SetSelected(i18n.T("kind.expenditure"))
		e.goTo(a.DeptCode, a.Subject)
	}
}

// openExecution shows the Execution screen at department code.
func (s *Shell) openExecution(code string) {
	s.nav.Select(indexOf(sections, SectionExecution))
	s.execution.goTo(code, "")
}

// openAlerts shows the Execution screen's alerts.
func (s *Shell) openAlerts() {
	s.nav.Select(indexOf(sections, SectionExecution))
	s.execution.tabs.Select(s.execution.alertTb)
}
