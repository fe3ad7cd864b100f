package prep

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// MonthlyTab shows the monthly distribution of the year's approved budget
// and changes it: all lines evenly or by the prior year's pattern, or one
// line by hand.
type MonthlyTab struct {
	shell Host
	root  fyne.CanvasObject

	deptFilter *widget.Select
	view       *widget.Select // the twelve months in 万元, or a half year exact
	search     *widget.Entry
	table      *widget.Table
	status     *widget.Label
	evenAll    *widget.Button
	priorAll   *widget.Button
	manual     *widget.Button

	plan                 budgeting.MonthlyPlan
	shown                []budgeting.MonthlyLine
	revenue, expenditure budgeting.MonthlyTotal
	deptLabels           []string           // filter choices after "all departments"
	selected             int                // index into shown; -1 when none
	editor               *manualSplitDialog // the open manual split, if any
	fitWidth             float32            // the table's width the columns fit
	widths               []float32          // the line's, the annual's and a month's column width
	oneDept              bool               // one department is picked: lines name their subject only

	// OnPlanChanged runs after a split was saved, so that screens showing
	// the plan to date elsewhere (the dashboard, Execution) reload.
	OnPlanChanged func()
}

// planChanged tells OnPlanChanged.
func (m *MonthlyTab) planChanged() {
	if m.OnPlanChanged != nil {
		m.OnPlanChanged()
	}
}

func newMonthlyTab(s Host) *MonthlyTab {
	m := &MonthlyTab{shell: s, selected: -1}
	m.deptFilter = kit.NewSelect(nil, func(string) { m.filter() })
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder(i18n.T("monthly.search"))
	m.search.OnChanged = func(string) { m.filter() }
	m.status = widget.NewLabel("")
	m.status.Wrapping = fyne.TextWrapWord

	m.table = m.newTable()
	m.view = kit.NewSelect(mpViewLabels(), func(string) { m.setView() })
	m.view.SetSelectedIndex(0)
	m.table.OnSelected = func(id widget.TableCellID) {
		m.selected = -1
		if r := id.Row - mpTotalRows; r >= 0 && r < len(m.shown) {
			m.selected = r
		}
		m.updateButtons()
	}

	m.evenAll = widget.NewButton(i18n.T("monthly.even_all"), func() { m.splitAll(domain.SplitMethodEven) })
	m.priorAll = widget.NewButton(i18n.T("monthly.prior_all"), func() { m.splitAll(domain.SplitMethodPrior) })
	m.manual = widget.NewButtonWithIcon(i18n.T("monthly.manual"), theme.DocumentCreateIcon(), func() {
		if l, ok := m.current(); ok {
			m.openManual(l)
		}
	})
	m.manual.Importance = widget.HighImportance
	// A fixed width keeps long department names readable in the filter.
	deptBox := container.NewGridWrap(fyne.NewSize(200, m.deptFilter.MinSize().Height), m.deptFilter)
	viewBox := container.NewGridWrap(fyne.NewSize(kit.SelectWidth(mpViewLabels()), m.view.MinSize().Height), m.view)
	filters := container.NewBorder(nil, nil, container.NewHBox(viewBox, deptBox), nil, m.search)
	buttons := container.NewHBox(m.evenAll, m.priorAll, m.manual)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, filters), m.status)
	m.root = container.NewBorder(top, nil, nil, nil, container.New(&mpFitLayout{m: m}, m.table))
	return m
}

// Refresh reloads the shell's year.
func (m *MonthlyTab) Refresh() {
	s := m.shell
	plan, err := s.Services().Budgets.MonthlyPlan(s.Ctx(), s.Actor(), s.Year())
	m.plan = budgeting.MonthlyPlan{Year: s.Year()}
	if err != nil {
		// No approved budget yet is a normal state during preparation:
		// say so on the tab instead of raising an error dialog.
		m.status.SetText(i18n.Message(err))
		m.status.Importance = widget.WarningImportance
		if domain.AsProblems(err) == nil {
			s.ShowError(err)
		}
	} else {
		m.plan = plan
		m.status.Importance = widget.MediumImportance
		m.status.SetText(i18n.T("monthly.hint"))
	}
	m.status.Refresh()
	m.deptLabels = m.deptLabels[:0]
	seen := map[string]bool{}
	for _, l := range m.plan.Lines {
		if !seen[l.DeptCode] {
			seen[l.DeptCode] = true
			m.deptLabels = append(m.deptLabels, l.DeptCode+" "+kit.PickName(l.DeptName, l.DeptNameEn))
		}
	}
	// Keep the chosen department when it still has lines.
	all := i18n.T("monthly.all_depts")
	keep := all
	for _, d := range m.deptLabels {
		if d == m.deptFilter.Selected {
			keep = d
		}
	}
	m.deptFilter.Options = append([]string{all}, m.deptLabels...)
	m.deptFilter.Selected = keep
	m.deptFilter.Refresh()
	m.filter()
}

// filter shows the lines of the chosen department that match the search.
func (m *MonthlyTab) filter() {
	dept := ""
	if sel := m.deptFilter.Selected; sel != "" && sel != i18n.T("monthly.all_depts") {
		dept, _, _ = strings.Cut(sel, " ")
	}
	m.oneDept = dept != ""
	q := strings.ToLower(strings.TrimSpace(m.search.Text))
	m.shown = m.shown[:0]
	for _, l := range m.plan.Lines {
		if dept != "" && l.DeptCode != dept {
			continue
		}
		text := strings.ToLower(l.DeptCode + " " + l.DeptName + " " + l.DeptNameEn + " " + l.SubjectCode + " " + l.SubjectName + " " + l.SubjectNameEn)
		if q == "" || strings.Contains(text, q) {
			m.shown = append(m.shown, l)
		}
	}
	m.revenue, m.expenditure = budgeting.SumMonthly(m.shown)
	m.selected = -1
	m.table.UnselectAll()
	m.fitColumns()
	m.updateButtons()
}

func (m *MonthlyTab) updateButtons() {
	has := len(m.plan.Lines) > 0
	kit.EnableWhen(m.evenAll, has)
	kit.EnableWhen(m.priorAll, has)
	_, ok := m.current()
	kit.EnableWhen(m.manual, ok)
	// a role that may not split the budget (a department head, an auditor) reads the plan only
	for _, b := range []*widget.Button{m.evenAll, m.priorAll, m.manual} {
		if permission.Check(m.shell.Actor(), permission.BudgetPlan, "") != nil {
			b.Hide()
		} else {
			b.Show()
		}
	}
}

func (m *MonthlyTab) current() (budgeting.MonthlyLine, bool) {
	if m.selected < 0 || m.selected >= len(m.shown) {
		return budgeting.MonthlyLine{}, false
	}
	return m.shown[m.selected], true
}

func splitMethodLabel(m domain.SplitMethod) string {
	switch m {
	case domain.SplitMethodPrior:
		return i18n.T("split.method.prior")
	case domain.SplitMethodManual:
		return i18n.T("split.method.manual")
	}
	return i18n.T("split.method.even")
}

// splitAll re-splits every line after a confirmation, because it replaces
// splits typed by hand.
func (m *MonthlyTab) splitAll(method domain.SplitMethod) {
	s := m.shell
	question := i18n.T("monthly.confirm_even", "Year", s.Year(), "Lines", len(m.plan.Lines))
	if method == domain.SplitMethodPrior {
		question = i18n.T("monthly.confirm_prior", "Year", s.Year(), "Prior", s.Year()-1, "Lines", len(m.plan.Lines))
	}
	msg := widget.NewLabel(question)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.T("monthly.confirm_title"), i18n.T("monthly.apply"), i18n.T("action.cancel"), msg, func(ok bool) {
		if !ok {
			return
		}
		res, err := s.Services().Budgets.SplitAll(s.Ctx(), s.Actor(), s.Year(), method)
		if err != nil {
			s.ShowError(err)
			return
		}
		m.Refresh()
		m.planChanged()
		if method == domain.SplitMethodPrior {
			m.status.SetText(i18n.T("monthly.prior_done", "Lines", res.Lines, "FellBack", res.FellBack, "Prior", s.Year()-1))
		} else {
			m.status.SetText(i18n.T("monthly.even_done", "Lines", res.Lines))
		}
	}, s.Window())
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}
