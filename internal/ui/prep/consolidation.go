package prep

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Consolidation columns.
const (
	ccSel = iota // the batch actions' checkbox
	ccDept
	ccState
	ccPriorBudget
	ccPriorActual
	ccProposal
	ccControl
	ccFinal
	ccGrowth
	ccFlags
	ccCount
)

var consolidationWidths = []float32{36, 140, 80, 122, 122, 122, 122, 122, 76, 150}

// consolidationView is the budget office's view: every department's
// expenditure against its control figure and the prior year, with flags,
// and control figures issued from here.
type consolidationView struct {
	shell   Host
	root    fyne.CanvasObject
	table   *widget.Table
	summary *widget.Label
	flag    *widget.Entry
	issue   *widget.Button
	open    *widget.Button
	waits   *widget.Label // what the disabled 打开科室 / 下达控制数 wait for
	// deptbooks writes the department workbooks; hidden from a role that
	// may not fill in proposals.
	deptbooks *widget.Button
	c         budgeting.Consolidation
	sel       int // selected department index, -1 for none
	onOpen    func(code string)
	onIssue   func(code string)
	batch     *batchBar
}

func newConsolidationView(s Host) *consolidationView {
	v := &consolidationView{shell: s, summary: widget.NewLabel(""), flag: widget.NewEntry(), sel: -1}
	v.summary.Wrapping = fyne.TextWrapWord
	v.table = widget.NewTable(func() (int, int) { return len(v.c.Departments) + 1, ccCount },
		func() fyne.CanvasObject {
			return container.NewStack(kit.NewElidedLabel(""), widget.NewCheck("", nil))
		}, v.cell)
	v.table.ShowHeaderRow = true
	v.table.StickyRowCount = 1
	v.table.CreateHeader = func() fyne.CanvasObject {
		return kit.NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*kit.ElidedLabel).SetText(v.header(id.Col))
	}
	for c, w := range consolidationWidths {
		v.table.SetColumnWidth(c, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.sel = id.Row - 1
		v.updateButtons()
	}
	v.issue = widget.NewButton(i18n.T("prep.action.issue_control"), func() {
		if v.sel >= 0 && v.onIssue != nil {
			v.onIssue(v.c.Departments[v.sel].DeptCode)
		}
	})
	v.issue.Importance = widget.HighImportance
	v.open = widget.NewButton(i18n.T("prep.open_dept"), func() {
		if v.sel >= 0 && v.onOpen != nil {
			v.onOpen(v.c.Departments[v.sel].DeptCode)
		}
	})
	apply := widget.NewButton(i18n.T("prep.apply"), v.setFlag)
	v.deptbooks = newDeptbooksButton(s)
	v.waits = kit.Reason("")
	v.waits.Wrapping = fyne.TextWrapOff
	v.waits.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, container.NewHBox(v.open, v.issue, v.deptbooks), container.NewHBox(widget.NewLabel(i18n.T("prep.unit")), widget.NewLabel(i18n.T("prep.growth_flag")),
		container.NewGridWrap(fyne.NewSize(70, v.flag.MinSize().Height), v.flag), apply), v.waits)
	v.batch = newBatchBar(v)
	v.root = container.NewBorder(container.NewVBox(v.summary, bar, v.batch.root), nil, nil, nil, v.table)
	return v
}

func (v *consolidationView) header(col int) string {
	switch col {
	case ccPriorActual:
		if v.c.PriorMonths > 0 && v.c.PriorMonths < 12 {
			return i18n.T("prep.col.prior_estimate_short")
		}
		return i18n.T("prep.col.prior_actual")
	}
	return i18n.T([]string{"", "col.department", "col.state", "prep.col.prior_budget", "", "prep.col.proposal",
		"prep.col.control", "prep.col.final", "prep.col.growth", "prep.col.flags"}[col])
}

// Refresh reloads the shell's year.
func (v *consolidationView) Refresh() {
	s := v.shell
	c, err := s.Services().Budgets.Consolidation(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		v.c = budgeting.Consolidation{}
		v.summary.SetText(i18n.Message(err))
		v.sel = -1 // nothing to open or issue in a year without a cycle
		v.batch.keep()
		v.table.Refresh()
		v.updateButtons()
		return
	}
	v.c = c
	v.flag.SetText(c.GrowthFlag.String())
	v.summary.SetText(i18n.T("prep.consolidation_summary", "Count", len(c.Departments), "Final", kit.Yuan(c.Total.ExpFinal), "Prior", kit.Yuan(c.Total.ExpPriorBudget), "Growth", growthText(c.Total.ExpFinal, c.Total.ExpPriorBudget), "Flagged", c.FlaggedCount()))
	if c.PriorMonths > 0 && c.PriorMonths < 12 {
		v.summary.SetText(v.summary.Text + " " + i18n.T("prep.estimate_note", "Months", c.PriorMonths))
	}
	if v.sel >= len(c.Departments) {
		v.sel = -1
	}
	v.batch.keep()
	v.table.Refresh()
	v.updateButtons()
}

func (v *consolidationView) updateButtons() {
	// a role that may not issue control figures does not see the button
	if permission.Check(v.shell.Actor(), permission.PrepIssueControl, "") != nil {
		v.issue.Hide()
	} else {
		v.issue.Show()
	}
	if permission.CheckEach(v.shell.Actor(), permission.PrepEditProposal, nil) != nil {
		v.deptbooks.Hide()
	} else {
		v.deptbooks.Show()
	}
	if v.sel < 0 {
		v.issue.Disable()
		v.open.Disable()
		key := "prep.cons.pick_row"
		if !v.issue.Visible() {
			key = "prep.cons.pick_row_open" // a role that issues no control figures
		}
		v.waits.SetText(i18n.T(key))
		return
	}
	v.open.Enable()
	v.waits.SetText("")
	d := v.c.Departments[v.sel]
	if d.ControlEditable() {
		v.issue.Enable()
	} else {
		v.issue.Disable()
		if v.issue.Visible() {
			v.waits.SetText(i18n.T("prep.cons.issue_waits", "Dept", kit.PickName(d.DeptName, d.DeptNameEn), "State", i18n.T("prep.state."+string(d.State))))
		}
	}
}

// cell shows the checkbox in the first column and a label elsewhere.
func (v *consolidationView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l, ch := o.(*fyne.Container).Objects[0].(*kit.ElidedLabel), o.(*fyne.Container).Objects[1].(*widget.Check)
	if id.Col == ccSel {
		l.Hide()
		v.batch.checkCell(id.Row-1, ch)
		return
	}
	ch.Hide()
	l.Show()
	v.labelCell(id, l)
}

func (v *consolidationView) labelCell(id widget.TableCellID, l *kit.ElidedLabel) {
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
	l.Alignment = fyne.TextAlignTrailing
	var d budgeting.ConsolidatedDept
	if id.Row == 0 {
		d = v.c.Total
	} else {
		d = v.c.Departments[id.Row-1]
	}
	text := ""
	switch id.Col {
	case ccDept:
		l.Alignment = fyne.TextAlignLeading
		text = i18n.T("col.total")
		if id.Row > 0 {
			text = d.DeptCode + " " + kit.PickName(d.DeptName, d.DeptNameEn)
		}
	case ccState:
		l.Alignment = fyne.TextAlignLeading
		if id.Row > 0 {
			text = shortState(d.State)
			if d.State == domain.StateReturned {
				l.Importance = widget.DangerImportance
			}
		}
	case ccPriorBudget:
		text = kit.Yuan(d.ExpPriorBudget)
	case ccPriorActual:
		text = kit.Yuan(d.ExpPriorActual)
	case ccProposal:
		text = kit.Yuan(d.ExpProposal)
	case ccControl:
		text = optAmount(d.Control)
	case ccFinal:
		text = kit.Yuan(d.ExpFinal)
		if d.OverControl {
			l.Importance = widget.DangerImportance
		}
	case ccGrowth:
		text = growthText(d.ExpFinal, d.ExpPriorBudget)
		if d.GrowthHigh {
			l.Importance = widget.WarningImportance
		}
	case ccFlags:
		l.Alignment = fyne.TextAlignLeading
		if d.OverControl {
			text = i18n.T("prep.flag.over_control")
			l.Importance = widget.DangerImportance
		}
		if d.GrowthHigh {
			if text != "" {
				text += "、"
			}
			text += i18n.T("prep.flag.growth", "Flag", v.c.GrowthFlag.String())
			if !d.OverControl {
				l.Importance = widget.WarningImportance
			}
		}
	}
	l.SetText(text)
}

func (v *consolidationView) setFlag() {
	s := v.shell
	g, err := domain.ParseGrowth(v.flag.Text)
	if err == nil {
		err = s.Services().Budgets.SetGrowthFlag(s.Ctx(), s.Actor(), g)
	}
	if err != nil {
		s.ShowError(err)
		return
	}
	v.Refresh()
}
