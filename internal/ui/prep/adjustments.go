package prep

import (
	"strconv"
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

// AdjustmentsTab lists the year's budget adjustment requests with their
// lines and the budget's version history, and makes and decides requests.
type AdjustmentsTab struct {
	shell Host
	root  fyne.CanvasObject

	status     *widget.Label
	detail     *widget.Label // the selected request's reason, whole
	list       *widget.Table
	lines      *widget.Table
	versions   *widget.Table
	newRequest *widget.Button
	approve    *widget.Button
	reject     *widget.Button
	limit      *widget.Entry
	saveLimit  *widget.Button

	history  budgeting.AdjustmentHistory
	selected int // index into history.Adjustments; -1 when none
	depts    map[string]domain.Department
	subjects map[string]domain.Subject
	ok       bool                     // the year has an approved budget
	request  *adjustmentRequestDialog // the open request form, if any

	// OnBudgetChanged runs after an approval changed the budget, so that
	// screens showing it (the monthly plan, the budget grid) reload.
	OnBudgetChanged func()
}

var adjListKeys = []string{"adjust.col.number", "adjust.col.date", "adjust.col.category", "adjust.col.state",
	"adjust.col.expenditure_change", "adjust.col.revenue_change", "adjust.col.reason", "adjust.col.requested_by"}

// adjListWidths add up to 1110 px: the whole list in a 1366-px window.
var adjListWidths = []float32{50, 100, 140, 80, 190, 170, 250, 130}

var adjLineKeys = []string{"col.department", "col.subject", "adjust.col.old", "adjust.col.new", "adjust.col.change"}
var adjLineWidths = []float32{120, 180, 130, 130, 130}

var adjVersionKeys = []string{"adjust.col.version", "adjust.col.basis", "adjust.col.date", "adjust.col.decided_by",
	"col.revenue_budget_yuan", "col.expenditure_budget_yuan", "adjust.col.expenditure_change"}
var adjVersionWidths = []float32{70, 140, 100, 140, 150, 160, 150}

func newAdjustmentsTab(s Host) *AdjustmentsTab {
	a := &AdjustmentsTab{shell: s, selected: -1}
	a.status = widget.NewLabel("")
	a.status.Wrapping = fyne.TextWrapWord
	a.detail = widget.NewLabel("")
	a.detail.Wrapping = fyne.TextWrapWord
	a.detail.Hide()
	a.list = kit.NewLabelTable(adjListKeys, adjListWidths, func() int { return len(a.history.Adjustments) }, a.listCell)
	a.list.OnSelected = func(id widget.TableCellID) {
		a.selected = id.Row
		a.showDetail()
		a.lines.Refresh()
		a.updateButtons()
	}
	a.lines = kit.NewLabelTable(adjLineKeys, adjLineWidths, func() int {
		if adj, ok := a.current(); ok {
			return len(adj.Lines)
		}
		return 0
	}, a.lineCell)
	a.versions = kit.NewLabelTable(adjVersionKeys, adjVersionWidths, func() int { return len(a.history.Versions) }, a.versionCell)

	a.newRequest = widget.NewButtonWithIcon(i18n.T("adjust.new"), theme.ContentAddIcon(), func() { a.openRequest() })
	a.newRequest.Importance = widget.HighImportance
	a.approve = widget.NewButtonWithIcon(i18n.T("adjust.approve"), theme.ConfirmIcon(), func() { a.decide(true) })
	a.reject = widget.NewButtonWithIcon(i18n.T("adjust.reject"), theme.CancelIcon(), func() { a.decide(false) })
	a.limit = widget.NewEntry()
	a.limit.SetPlaceHolder("0")
	a.saveLimit = widget.NewButton(i18n.T("action.save"), a.setLimit)
	limitBox := container.NewHBox(widget.NewLabel(i18n.T("adjust.limit")), container.NewGridWrap(fyne.NewSize(70, a.limit.MinSize().Height), a.limit), a.saveLimit)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(a.newRequest, a.approve, a.reject), limitBox)

	title := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	lower := container.NewHSplit(
		container.NewBorder(container.NewVBox(title("adjust.lines_title"), a.detail), nil, nil, nil, a.lines),
		container.NewBorder(title("adjust.versions_title"), nil, nil, nil, a.versions))
	split := container.NewVSplit(container.NewBorder(title("adjust.list_title"), nil, nil, nil, a.list), lower)
	a.root = container.NewBorder(container.NewVBox(toolbar, a.status), nil, nil, nil, split)
	return a
}

// Refresh reloads the shell's year.
func (a *AdjustmentsTab) Refresh() {
	s := a.shell
	a.history, a.ok = budgeting.AdjustmentHistory{Year: s.Year()}, false
	a.selected = -1
	a.detail.Hide()
	h, err := s.Services().Budgets.Adjustments(s.Ctx(), s.Actor(), s.Year())
	switch {
	case err == nil:
		a.history, a.ok = h, true
		a.status.Importance = widget.MediumImportance
		text, deficit := a.summary()
		if deficit {
			a.status.Importance = widget.WarningImportance
		}
		a.status.SetText(text)
	case domain.AsProblems(err) != nil:
		a.status.Importance = widget.WarningImportance
		a.status.SetText(i18n.Message(err))
	default:
		s.ShowError(err)
	}
	if a.ok {
		a.loadNames()
	}
	if n, err := s.Services().Budgets.AdjustmentLimit(s.Ctx(), s.Actor()); err == nil {
		a.limit.SetText(strconv.Itoa(n))
	}
	a.list.UnselectAll()
	a.list.Refresh()
	a.lines.Refresh()
	a.versions.Refresh()
	a.updateButtons()
}

// summary is the status line: how many requests wait, the current version
// and the limit, then the budget's revenue, expenditure and balance as they
// stand, with the warning of a deficit (deficit true).
func (a *AdjustmentsTab) summary() (string, bool) {
	h := a.history
	limit := i18n.T("adjust.no_limit")
	if h.Limit > 0 {
		limit = i18n.T("adjust.limit_of", "Limit", h.Limit)
	}
	text := i18n.T("adjust.summary", "Year", h.Year, "Version", len(h.Versions), "Approved", len(h.Versions)-1, "Pending", h.Pending(), "Limit", limit)
	if len(h.Versions) == 0 {
		return text, false
	}
	last := h.Versions[len(h.Versions)-1]
	v := budgeting.View{Year: h.Year, Breakdown: domain.Breakdown{Revenue: last.Revenue, Expenditure: last.Expenditure}}
	text += "\n" + i18n.T("adjust.balance", "Revenue", money.FormatPlain(v.Revenue), "Expenditure", money.FormatPlain(v.Expenditure),
		"Balance", money.FormatPlain(v.Balance()))
	w := v.DeficitWarning()
	if w != nil {
		text += "\n" + i18n.Message(w)
	}
	return text, w != nil
}

func (a *AdjustmentsTab) loadNames() {
	s := a.shell
	a.depts, a.subjects = map[string]domain.Department{}, map[string]domain.Subject{}
	if depts, err := s.Services().Master.Departments(s.Ctx(), s.Actor()); err == nil {
		for _, d := range depts {
			a.depts[d.Code] = d
		}
	}
	if subs, err := s.Services().Master.Subjects(s.Ctx(), s.Actor()); err == nil {
		for _, sub := range subs {
			a.subjects[sub.Code] = sub
		}
	}
}

func (a *AdjustmentsTab) current() (budgeting.AdjustmentSummary, bool) {
	if a.selected < 0 || a.selected >= len(a.history.Adjustments) {
		return budgeting.AdjustmentSummary{}, false
	}
	return a.history.Adjustments[a.selected], true
}

func (a *AdjustmentsTab) updateButtons() {
	kit.EnableWhen(a.newRequest, a.ok)
	adj, ok := a.current()
	waiting := ok && adj.State == domain.AdjustmentRequested
	kit.EnableWhen(a.approve, waiting)
	kit.EnableWhen(a.reject, waiting)
	// A role that may not decide (a department head) is not offered 批准/驳回.
	if permission.Check(a.shell.Actor(), permission.BudgetAdjustDecide, "") != nil {
		a.approve.Hide()
		a.reject.Hide()
	} else {
		a.approve.Show()
		a.reject.Show()
	}
	// the yearly limit is a setting: read-only for a role that may not change settings
	if permission.Check(a.shell.Actor(), permission.MasterdataEdit, "") != nil {
		a.limit.Disable()
		a.saveLimit.Hide()
	} else {
		a.limit.Enable()
		a.saveLimit.Show()
	}
	if !permission.Allowed(a.shell.Actor().Role, permission.BudgetAdjustRequest) {
		a.newRequest.Hide()
	} else {
		a.newRequest.Show()
	}
}

func (a *AdjustmentsTab) listCell(r, c int) (string, fyne.TextAlign) {
	adj := a.history.Adjustments[r]
	switch c {
	case 0:
		return strconv.Itoa(adj.Number), fyne.TextAlignTrailing
	case 1:
		return adj.RequestedAt.Format("2006-01-02"), fyne.TextAlignLeading
	case 2:
		return reasonLabel(adj.ReasonCategory), fyne.TextAlignLeading
	case 3:
		return adjStateLabel(adj.State), fyne.TextAlignLeading
	case 4:
		return signedPlain(adj.ExpenditureChange), fyne.TextAlignTrailing
	case 5:
		return signedPlain(adj.RevenueChange), fyne.TextAlignTrailing
	case 6:
		return strings.ReplaceAll(adj.Reason, "\n", " "), fyne.TextAlignLeading
	}
	return i18n.UserName(adj.RequestedBy), fyne.TextAlignLeading
}

// showDetail writes the selected request's reason whole above its lines:
// the list's reason column has room for its start only.
func (a *AdjustmentsTab) showDetail() {
	if _, ok := a.current(); !ok {
		a.detail.Hide()
		return
	}
	cell := func(c int) string { s, _ := a.listCell(a.selected, c); return s }
	a.detail.SetText(i18n.T("adjust.detail", "No", cell(0), "Category", cell(2), "By", cell(7), "Reason", a.history.Adjustments[a.selected].Reason))
	a.detail.Show()
}

func (a *AdjustmentsTab) lineCell(r, c int) (string, fyne.TextAlign) {
	adj, _ := a.current()
	l := adj.Lines[r]
	switch c {
	case 0:
		d := a.depts[l.DeptCode]
		return l.DeptCode + " " + kit.PickName(d.Name, d.NameEn), fyne.TextAlignLeading
	case 1:
		return l.SubjectCode + " " + a.subjects[l.SubjectCode].DisplayName(i18n.Current()), fyne.TextAlignLeading
	case 2:
		return money.FormatPlain(l.Old), fyne.TextAlignTrailing
	case 3:
		return money.FormatPlain(l.New), fyne.TextAlignTrailing
	}
	return signedPlain(l.Change()), fyne.TextAlignTrailing
}

func (a *AdjustmentsTab) versionCell(r, c int) (string, fyne.TextAlign) {
	v := a.history.Versions[r]
	switch c {
	case 0:
		return i18n.T("adjust.version_n", "Version", v.Version), fyne.TextAlignLeading
	case 1:
		if v.Adjustment == 0 {
			return i18n.T("adjust.basis_original"), fyne.TextAlignLeading
		}
		return i18n.T("adjust.basis_adjustment", "Number", v.Adjustment), fyne.TextAlignLeading
	case 2:
		return v.At.Format("2006-01-02"), fyne.TextAlignLeading
	case 3:
		return i18n.UserName(v.By), fyne.TextAlignLeading
	case 4:
		return money.FormatPlain(v.Revenue), fyne.TextAlignTrailing
	case 5:
		return money.FormatPlain(v.Expenditure), fyne.TextAlignTrailing
	}
	if v.Version == 1 {
		return "—", fyne.TextAlignTrailing
	}
	return signedPlain(v.ExpenditureChange), fyne.TextAlignTrailing
}

// decide approves or rejects the selected request with a comment; a
// rejection needs one.
func (a *AdjustmentsTab) decide(approve bool) {
	s := a.shell
	adj, ok := a.current()
	if !ok {
		return
	}
	comment := widget.NewMultiLineEntry()
	comment.SetMinRowsVisible(3)
	title, confirm, prompt := i18n.T("adjust.approve_title", "Number", adj.Number), i18n.T("adjust.approve"), i18n.T("adjust.approve_prompt")
	if !approve {
		title, confirm, prompt = i18n.T("adjust.reject_title", "Number", adj.Number), i18n.T("adjust.reject"), i18n.T("adjust.reject_prompt")
	}
	items := []*widget.FormItem{widget.NewFormItem(i18n.T("adjust.comment"), comment)}
	items[0].HintText = prompt
	d := dialog.NewForm(title, confirm, i18n.T("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if _, err := s.Services().Budgets.DecideAdjustment(s.Ctx(), s.Actor(), adj.ID, approve, comment.Text); err != nil {
			s.ShowError(err)
			return
		}
		a.Refresh()
		if approve && a.OnBudgetChanged != nil {
			a.OnBudgetChanged()
		}
	}, s.Window())
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (a *AdjustmentsTab) setLimit() {
	s := a.shell
	n, err := strconv.Atoi(strings.TrimSpace(a.limit.Text))
	if err != nil {
		dialog.ShowInformation(i18n.T("adjust.limit"), i18n.T("adjust.limit_invalid", "Text", a.limit.Text), s.Window())
		return
	}
	if err := s.Services().Budgets.SetAdjustmentLimit(s.Ctx(), s.Actor(), n); err != nil {
		s.ShowError(err)
		return
	}
	a.Refresh()
}

// signedPlain shows a change with its sign: +1,000.00 or -1,000.00.
func signedPlain(a money.Amount) string {
	if a > 0 {
		return "+" + money.FormatPlain(a)
	}
	return money.FormatPlain(a)
}

func reasonLabel(c domain.ReasonCategory) string {
	switch c {
	case domain.ReasonPolicy:
		return i18n.T("adjust.reason.policy")
	case domain.ReasonNewTask:
		return i18n.T("adjust.reason.new_task")
	case domain.ReasonAppropriation:
		return i18n.T("adjust.reason.appropriation")
	case domain.ReasonPrice:
		return i18n.T("adjust.reason.price")
	case domain.ReasonDeviation:
		return i18n.T("adjust.reason.deviation")
	}
	return i18n.T("adjust.reason.other")
}

func adjStateLabel(st domain.AdjustmentState) string {
	switch st {
	case domain.AdjustmentApproved:
		return i18n.T("adjust.state.approved")
	case domain.AdjustmentRejected:
		return i18n.T("adjust.state.rejected")
	}
	return i18n.T("adjust.state.requested")
}
