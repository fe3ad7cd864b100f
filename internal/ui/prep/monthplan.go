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
	"github.com/budgetperf/budgetperf/internal/domain/money"
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

// Columns of the monthly table: the line, then January–December.
const (
	mpColDept = iota
	mpColSubject
	mpColAnnual
	mpColMethod
	mpColJan
	mpColCount = mpColJan + 12
)

// mpTotalRows are the pinned totals rows above the lines.
const mpTotalRows = 2

func newMonthlyTab(s Host) *MonthlyTab {
	m := &MonthlyTab{shell: s, selected: -1}
	m.deptFilter = kit.NewSelect(nil, func(string) { m.filter() })
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder(i18n.T("monthly.search"))
	m.search.OnChanged = func(string) { m.filter() }
	m.status = widget.NewLabel("")
	m.status.Wrapping = fyne.TextWrapWord

	m.table = widget.NewTable(func() (int, int) { return len(m.shown) + mpTotalRows, mpColCount },
		func() fyne.CanvasObject { return widget.NewLabel("") }, m.updateCell)
	m.table.ShowHeaderRow = true
	m.table.StickyRowCount = mpTotalRows
	m.table.StickyColumnCount = 2
	m.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(mpHeader(id.Col))
	}
	m.table.SetColumnWidth(mpColDept, 150)
	m.table.SetColumnWidth(mpColSubject, 210)
	m.table.SetColumnWidth(mpColAnnual, 150)
	m.table.SetColumnWidth(mpColMethod, 110)
	for c := mpColJan; c < mpColCount; c++ {
		m.table.SetColumnWidth(c, mpMonthWidth(c))
	}
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
	filters := container.NewBorder(nil, nil, deptBox, nil, m.search)
	buttons := container.NewHBox(m.evenAll, m.priorAll, m.manual)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, filters), m.status)
	m.root = container.NewBorder(top, nil, nil, nil, m.table)
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
	m.table.Refresh()
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

// mpMonthWidth is as wide as month column col's header or a ten-million
// amount, whichever is wider: Chinese months are narrow, so more of them
// show in a 1366-pixel window.
func mpMonthWidth(col int) float32 {
	size := theme.TextSize()
	head := fyne.MeasureText(mpHeader(col), size, fyne.TextStyle{Bold: true}).Width
	amount := fyne.MeasureText("-00,000,000.00", size, fyne.TextStyle{}).Width
	return max(head, amount) + 2*theme.InnerPadding() + 4
}

func mpHeader(col int) string {
	switch col {
	case mpColDept:
		return i18n.T("col.department")
	case mpColSubject:
		return i18n.T("col.subject")
	case mpColAnnual:
		return i18n.T("monthly.col.annual")
	case mpColMethod:
		return i18n.T("monthly.col.method")
	}
	return i18n.T("monthly.col.month", "Month", kit.MonthName(col-mpColJan+1))
}

// cell is the text of table row r (the totals first) and column c.
func (m *MonthlyTab) cell(r, c int) (string, fyne.TextAlign) {
	if r < mpTotalRows {
		t, label := m.expenditure, i18n.T("monthly.total_expenditure")
		if r == 1 {
			t, label = m.revenue, i18n.T("monthly.total_revenue")
		}
		switch c {
		case mpColDept:
			return label, fyne.TextAlignLeading
		case mpColSubject, mpColMethod:
			return "", fyne.TextAlignLeading
		case mpColAnnual:
			return money.FormatPlain(t.Annual), fyne.TextAlignTrailing
		}
		return money.FormatPlain(t.Months[c-mpColJan]), fyne.TextAlignTrailing
	}
	l := m.shown[r-mpTotalRows]
	switch c {
	case mpColDept:
		return l.DeptCode + " " + kit.PickName(l.DeptName, l.DeptNameEn), fyne.TextAlignLeading
	case mpColSubject:
		return l.SubjectCode + " " + kit.PickName(l.SubjectName, l.SubjectNameEn), fyne.TextAlignLeading
	case mpColAnnual:
		return money.FormatPlain(l.Annual), fyne.TextAlignTrailing
	case mpColMethod:
		return splitMethodLabel(l.Method), fyne.TextAlignLeading
	}
	return money.FormatPlain(l.Months[c-mpColJan]), fyne.TextAlignTrailing
}

func (m *MonthlyTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(m.shown)+mpTotalRows {
		l.SetText("")
		return
	}
	text, align := m.cell(id.Row, id.Col)
	l.Alignment = align
	l.TextStyle = fyne.TextStyle{Bold: id.Row < mpTotalRows}
	l.Truncation = fyne.TextTruncateEllipsis
	l.SetText(text)
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
