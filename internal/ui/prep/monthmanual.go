package prep

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// manualSplitDialog edits one line's twelve months by hand. It shows the
// difference to the annual amount as the user types and refuses to save
// until the months add up exactly.
type manualSplitDialog struct {
	tab     *MonthlyTab
	line    budgeting.MonthlyLine
	entries [12]*kit.AmountEntry
	diff    *widget.Label
	problem *widget.Label
	balance *widget.Button
	save    *widget.Button
	cancel  *widget.Button
	dialog  *dialog.CustomDialog
}

func (m *MonthlyTab) openManual(l budgeting.MonthlyLine) *manualSplitDialog {
	s := m.shell
	d := &manualSplitDialog{tab: m, line: l, diff: widget.NewLabel(""), problem: widget.NewLabel("")}
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	grid := container.NewGridWithColumns(4)
	for i := range d.entries {
		e := kit.NewAmountEntry()
		e.SetText(money.FormatPlain(l.Months[i]))
		e.OnChanged = func(text string) { d.changed(i, text) }
		e.OnPaste = func(text string) bool { d.spread(i, text); return true }
		d.entries[i] = e
	}
	// January–June on the left, July–December on the right, as on paper.
	for i := 0; i < 6; i++ {
		grid.Add(widget.NewLabelWithStyle(kit.MonthName(i+1), fyne.TextAlignTrailing, fyne.TextStyle{}))
		grid.Add(d.entries[i])
		grid.Add(widget.NewLabelWithStyle(kit.MonthName(i+7), fyne.TextAlignTrailing, fyne.TextStyle{}))
		grid.Add(d.entries[i+6])
	}
	info := widget.NewLabel(i18n.T("monthly.manual_line", "Dept", l.DeptCode+" "+kit.PickName(l.DeptName, l.DeptNameEn),
		"Subject", l.SubjectCode+" "+kit.PickName(l.SubjectName, l.SubjectNameEn), "Annual", money.FormatPlain(l.Annual)))
	info.Wrapping = fyne.TextWrapWord
	d.balance = widget.NewButton(i18n.T("monthly.balance_december"), d.balanceDecember)
	d.cancel = widget.NewButton(i18n.T("action.cancel"), func() { d.dialog.Hide() })
	d.save = widget.NewButton(i18n.T("action.save"), d.saveMonths)
	d.save.Importance = widget.HighImportance
	d.wireKeys()
	buttons := container.NewHBox(d.balance, layout.NewSpacer(), d.cancel, d.save)
	content := container.NewVBox(info, widget.NewLabel(i18n.T("monthly.manual_unit")), grid, d.diff, d.problem, buttons)
	d.dialog = dialog.NewCustomWithoutButtons(i18n.T("monthly.manual_title"), content, s.Window())
	d.update()
	m.editor = d
	d.dialog.Resize(fyne.NewSize(640, 0))
	d.dialog.Show()
	s.Window().Canvas().Focus(d.entries[0])
	return d
}

// setProblem shows text under the months and lets the dialog grow to
// fit it, so a long refusal never hides the buttons.
func (d *manualSplitDialog) setProblem(text string) {
	if d.problem.Text == text && d.dialog != nil {
		return
	}
	d.problem.SetText(text)
	if d.dialog != nil {
		d.dialog.Resize(fyne.NewSize(640, 0))
	}
}

// changed reacts to typing; a row copied from Excel arrives as one text
// with tabs and is spread over this month and the following ones.
func (d *manualSplitDialog) changed(i int, text string) {
	if strings.ContainsAny(text, "\t\n") {
		d.spread(i, text)
		return
	}
	d.update()
}

// spread fills the month from and the following ones with cells copied
// from Excel: a row of months, a column, or a block read row by row. An
// empty cell is zero. A cell that is not an amount, or more cells than
// months left, refuses the paste and writes nothing.
func (d *manualSplitDialog) spread(from int, text string) {
	values, no := kit.ParsePasted(kit.PastedCells(text), len(d.entries)-from)
	switch {
	case no != nil && no.Index < 0:
		d.setProblem(i18n.T("monthly.paste_too_many", "Count", no.Count, "Months", no.Room, "Month", kit.MonthName(from+1)))
		return
	case no != nil:
		d.setProblem(i18n.T("monthly.paste_bad", "Month", kit.MonthName(from+no.Index+1), "Text", no.Text))
		return
	}
	for k, v := range values {
		d.entries[from+k].SetText(money.FormatPlain(v))
	}
	d.update()
}

// wireKeys moves through the months in their order with Enter, the arrows
// and Tab (January–June down the left, on to July at the top right);
// after December Enter and Tab go to Save.
func (d *manualSplitDialog) wireKeys() {
	rows := make([][]fyne.Focusable, len(d.entries))
	for i, e := range d.entries {
		rows[i] = []fyne.Focusable{e}
	}
	kit.NewCellNav(rows).PastEnd = d.save
}

// months parses the entries; problems name each month that is no amount.
func (d *manualSplitDialog) months() (domain.Months, []string) {
	var out domain.Months
	var problems []string
	for i, e := range d.entries {
		a, err := kit.ParseAmount(e.Text)
		if err != nil {
			problems = append(problems, i18n.T("monthly.bad_month", "Month", kit.MonthName(i+1), "Text", e.Text))
			continue
		}
		out[i] = a
	}
	return out, problems
}

// update shows the live difference between the months and the annual amount.
func (d *manualSplitDialog) update() {
	months, problems := d.months()
	d.setProblem(strings.Join(problems, "\n"))
	if len(problems) > 0 {
		d.diff.Importance = widget.DangerImportance
		d.diff.SetText(i18n.T("monthly.diff_unknown"))
		return
	}
	diff, ok := domain.ManualDifference(d.line.Annual, months)
	switch {
	case !ok:
		d.diff.Importance = widget.DangerImportance
		d.diff.SetText(i18n.Message(domain.CheckManual(d.line.Annual, months)))
	case diff == 0:
		d.diff.Importance = widget.SuccessImportance
		d.diff.SetText(i18n.T("monthly.diff_zero"))
	default:
		sign := ""
		if diff > 0 {
			sign = "+"
		}
		d.diff.Importance = widget.DangerImportance
		d.diff.SetText(i18n.T("monthly.diff", "Diff", sign+money.FormatPlain(diff)))
	}
	d.diff.Refresh()
}

// balanceDecember puts whatever January–November leave into December.
func (d *manualSplitDialog) balanceDecember() {
	months, problems := d.months()
	if len(problems) > 0 {
		d.setProblem(strings.Join(problems, "\n"))
		return
	}
	if b, ok := domain.BalanceIntoDecember(d.line.Annual, months); ok {
		d.entries[11].SetText(money.FormatPlain(b[11]))
	}
	d.update()
}

// saveMonths asks the service to save; a refusal (the months do not add
// up) stays in the dialog with what was typed.
func (d *manualSplitDialog) saveMonths() {
	s := d.tab.shell
	months, problems := d.months()
	if len(problems) > 0 {
		d.setProblem(strings.Join(problems, "\n"))
		return
	}
	if err := s.Services().Budgets.SetSplit(s.Ctx(), s.Actor(), s.Year(), d.line.DeptCode, d.line.SubjectCode, domain.SplitMethodManual, &months); err != nil {
		if domain.AsProblems(err) == nil {
			s.ShowError(err)
			return
		}
		d.setProblem(i18n.T("monthly.not_saved") + "\n" + i18n.Message(err))
		return
	}
	d.dialog.Hide()
	d.tab.Refresh()
	d.tab.planChanged()
	d.tab.status.SetText(i18n.T("monthly.manual_saved", "Dept", d.line.DeptCode, "Subject", d.line.SubjectCode))
}
