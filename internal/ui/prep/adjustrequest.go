package prep

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// adjustmentRequestDialog is the form of a new adjustment request: rows of
// department, subject, current amount and new amount, and the reason.
type adjustmentRequestDialog struct {
	tab      *AdjustmentsTab
	rows     []*adjRequestRow
	rowsBox  *fyne.Container
	category *widget.Select
	reason   *widget.Entry
	problem  *widget.Label
	addRow   *widget.Button
	submit   *widget.Button
	dialog   *dialog.CustomDialog

	deptLabels, subjectLabels []string
	deptCode, subjectCode     map[string]string // label → code
	current                   map[[2]string]money.Amount
}

// adjRequestRow is one line of the request.
type adjRequestRow struct {
	dept, subject *widget.Select
	current       *widget.Label
	amount        *kit.AmountEntry
	remove        *widget.Button
	box           *fyne.Container
	prefilled     string // the current amount put into amount, until the user types
}

var adjRowWidths = []float32{170, 250, 130, 140, 44}

func (a *AdjustmentsTab) openRequest() *adjustmentRequestDialog {
	s := a.shell
	d := &adjustmentRequestDialog{tab: a, deptCode: map[string]string{}, subjectCode: map[string]string{}, current: map[[2]string]money.Amount{}}
	if err := d.loadChoices(); err != nil {
		s.ShowError(err)
		return nil
	}
	categories := make([]string, len(domain.ReasonCategories))
	for i, c := range domain.ReasonCategories {
		categories[i] = reasonLabel(c)
	}
	d.category = kit.NewSelect(categories, nil)
	d.category.PlaceHolder = i18n.T("adjust.choose_category")
	d.reason = widget.NewMultiLineEntry()
	d.reason.SetMinRowsVisible(2)
	d.reason.SetPlaceHolder(i18n.T("adjust.reason_placeholder"))
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.rowsBox = container.NewVBox()
	d.addRow = widget.NewButtonWithIcon(i18n.T("adjust.add_row"), theme.ContentAddIcon(), func() { d.add() })
	d.add()

	header := kit.NewColumns(adjRowWidths,
		widget.NewLabelWithStyle(i18n.T("col.department"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(i18n.T("col.subject"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(i18n.T("adjust.col.current"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(i18n.T("adjust.col.new"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""))
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("adjust.col.category"), d.category),
		widget.NewFormItem(i18n.T("adjust.col.reason"), d.reason))
	d.submit = widget.NewButtonWithIcon(i18n.T("adjust.submit"), theme.MailSendIcon(), d.send)
	d.submit.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("action.cancel"), func() { d.dialog.Hide() })
	rows := container.NewVScroll(d.rowsBox)
	rows.SetMinSize(fyne.NewSize(0, 180))
	content := container.NewVBox(header, rows, container.NewHBox(d.addRow), form, d.problem,
		container.NewHBox(layout.NewSpacer(), cancel, d.submit))
	d.dialog = dialog.NewCustomWithoutButtons(i18n.T("adjust.new_title", "Year", s.Year()), content, s.Window())
	d.dialog.Resize(fyne.NewSize(800, 0))
	d.dialog.Show()
	a.request = d
	return d
}

// loadChoices reads the departments, the leaf subjects (a parent is a
// subtotal and is never budgeted itself) and the current amounts.
func (d *adjustmentRequestDialog) loadChoices() error {
	s := d.tab.shell
	depts, err := s.Services().Master.Departments(s.Ctx(), s.Actor())
	if err != nil {
		return err
	}
	for _, dep := range depts {
		label := dep.Code + " " + kit.PickName(dep.Name, dep.NameEn)
		d.deptLabels = append(d.deptLabels, label)
		d.deptCode[label] = dep.Code
	}
	subjects, err := s.Services().Master.Subjects(s.Ctx(), s.Actor())
	if err != nil {
		return err
	}
	parent := map[string]bool{}
	for _, sub := range subjects {
		parent[sub.Parent] = true
	}
	for _, sub := range subjects {
		if parent[sub.Code] {
			continue
		}
		label := sub.Code + " " + sub.DisplayName(i18n.Current())
		d.subjectLabels = append(d.subjectLabels, label)
		d.subjectCode[label] = sub.Code
	}
	sort.Strings(d.subjectLabels)
	plan, err := s.Services().Budgets.MonthlyPlan(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		return err
	}
	for _, l := range plan.Lines {
		d.current[[2]string{l.DeptCode, l.SubjectCode}] = l.Annual
	}
	return nil
}

// setProblem shows why the request was not submitted and lets the dialog
// grow to fit it.
func (d *adjustmentRequestDialog) setProblem(text string) {
	d.problem.SetText(text)
	d.dialog.Resize(fyne.NewSize(800, 0))
}

// add appends an empty row.
func (d *adjustmentRequestDialog) add() *adjRequestRow {
	r := &adjRequestRow{current: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{}), amount: kit.NewAmountEntry()}
	r.dept = kit.NewSelect(d.deptLabels, func(string) { d.showCurrent(r) })
	r.dept.PlaceHolder = i18n.T("adjust.choose_dept")
	r.subject = kit.NewSelect(d.subjectLabels, func(string) { d.showCurrent(r) })
	r.subject.PlaceHolder = i18n.T("adjust.choose_subject")
	r.amount.SetPlaceHolder("0.00")
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.removeRow(r) })
	r.box = kit.NewColumns(adjRowWidths, r.dept, r.subject, r.current, r.amount, r.remove)
	d.rows = append(d.rows, r)
	d.rowsBox.Add(r.box)
	return r
}

func (d *adjustmentRequestDialog) removeRow(r *adjRequestRow) {
	for i, x := range d.rows {
		if x == r {
			d.rows = append(d.rows[:i], d.rows[i+1:]...)
			d.rowsBox.Remove(r.box)
			break
		}
	}
	if len(d.rows) == 0 {
		d.add()
	}
}

// showCurrent shows the line's approved amount, or that the line is new.
func (d *adjustmentRequestDialog) showCurrent(r *adjRequestRow) {
	dept, subject := d.deptCode[r.dept.Selected], d.subjectCode[r.subject.Selected]
	if dept == "" || subject == "" {
		r.current.SetText("")
		return
	}
	untouched := strings.TrimSpace(r.amount.Text) == "" || r.amount.Text == r.prefilled
	a, ok := d.current[[2]string{dept, subject}]
	if ok {
		r.current.SetText(money.FormatPlain(a))
	} else {
		r.current.SetText(i18n.T("adjust.new_line"))
	}
	// Start from the current amount so that only the change is typed.
	if untouched {
		r.prefilled = ""
		if ok {
			r.prefilled = money.FormatPlain(a)
		}
		r.amount.SetText(r.prefilled)
	}
}

// send checks what the form itself can (amounts are amounts) and leaves
// every other rule to the service, whose refusals appear in the dialog.
func (d *adjustmentRequestDialog) send() {
	s := d.tab.shell
	var lines []domain.AdjustmentLine
	var problems []string
	for i, r := range d.rows {
		dept, subject := d.deptCode[r.dept.Selected], d.subjectCode[r.subject.Selected]
		text := strings.TrimSpace(r.amount.Text)
		if dept == "" && subject == "" && text == "" {
			continue // an untouched row
		}
		if text == "" {
			problems = append(problems, i18n.T("adjust.row_no_amount", "Row", i+1))
			continue
		}
		amount, err := kit.ParseAmount(text)
		if err != nil {
			problems = append(problems, i18n.T("adjust.row_bad_amount", "Row", i+1, "Text", text))
			continue
		}
		lines = append(lines, domain.AdjustmentLine{DeptCode: dept, SubjectCode: subject, New: amount})
	}
	if len(problems) > 0 {
		d.setProblem(strings.Join(problems, "\n"))
		return
	}
	category := ""
	for i, c := range domain.ReasonCategories {
		if d.category.Selected == reasonLabel(c) {
			category = string(domain.ReasonCategories[i])
		}
	}
	adj, err := s.Services().Budgets.RequestAdjustment(s.Ctx(), s.Actor(), s.Year(), category, d.reason.Text, lines)
	if err != nil {
		if domain.AsProblems(err) == nil {
			s.ShowError(err)
			return
		}
		d.setProblem(i18n.T("adjust.not_submitted") + "\n" + i18n.Message(err))
		return
	}
	d.dialog.Hide()
	d.tab.request = nil
	d.tab.Refresh()
	for i, x := range d.tab.history.Adjustments {
		if x.ID == adj.ID {
			d.tab.list.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
}
