package prep

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// batchBar is the consolidation's batch actions: departments ticked in
// the table's first column (or all at once) get control figures, a return
// or the committee's approval through the same service calls as one
// department's buttons; each refusal is named, the others are done.
type batchBar struct {
	v       *consolidationView
	root    fyne.CanvasObject
	all     *widget.Check
	count   *widget.Label
	result  *kit.ElidedLabel
	buttons []*widget.Button
	picked  map[string]bool // department codes ticked
}

func newBatchBar(v *consolidationView) *batchBar {
	b := &batchBar{v: v, count: widget.NewLabel(""), result: kit.NewElidedLabel(""), picked: map[string]bool{}}
	b.all = widget.NewCheck(i18n.T("prep.batch.all"), b.pickAll)
	issue := widget.NewButton(i18n.T("prep.batch.issue"), b.issue)
	issue.Importance = widget.HighImportance
	ret := widget.NewButton(i18n.T("prep.batch.return"), b.ret)
	ret.Importance = widget.DangerImportance
	approve := widget.NewButton(i18n.T("prep.batch.approve"), b.approve)
	approve.Importance = widget.HighImportance
	b.buttons = []*widget.Button{issue, ret, approve}
	// a role that may not take a step is not offered it (the committee issues no control figures)
	for i, op := range []permission.Op{permission.PrepIssueControl, permission.PrepReturn, permission.PrepApproveDepartment} {
		if !permission.Allowed(v.shell.Actor().Role, op) {
			b.buttons[i].Hide()
		}
	}
	b.root = container.NewBorder(nil, nil, container.NewHBox(b.all, b.count, issue, ret, approve), nil, b.result)
	b.update()
	return b
}

// checkCell shows row's tick (row -1 is the total row: no tick).
func (b *batchBar) checkCell(row int, ch *widget.Check) {
	ch.OnChanged = nil
	if row < 0 || row >= len(b.v.c.Departments) {
		ch.Hide()
		return
	}
	code := b.v.c.Departments[row].DeptCode
	ch.SetChecked(b.picked[code])
	ch.Show()
	ch.OnChanged = func(on bool) {
		b.picked[code] = on
		if !on {
			delete(b.picked, code)
		}
		b.update()
	}
}

func (b *batchBar) pickAll(on bool) {
	b.picked = map[string]bool{}
	if on {
		for _, d := range b.v.c.Departments {
			b.picked[d.DeptCode] = true
		}
	}
	b.v.table.Refresh()
	b.update()
}

// keep drops the ticks of departments no longer listed (after a reload).
func (b *batchBar) keep() {
	listed := map[string]bool{}
	for _, d := range b.v.c.Departments {
		listed[d.DeptCode] = true
	}
	for code := range b.picked {
		if !listed[code] {
			delete(b.picked, code)
		}
	}
	b.update()
}

// update shows the count and enables the buttons when something is ticked.
func (b *batchBar) update() {
	n := len(b.selected())
	b.count.SetText(i18n.T("prep.batch.count", "Count", n))
	if n == 0 { // what the greyed batch buttons wait for
		b.count.SetText(i18n.T("prep.batch.none"))
	}
	on := n > 0 && n == len(b.v.c.Departments)
	if b.all.Checked != on {
		f := b.all.OnChanged
		b.all.OnChanged = nil
		b.all.SetChecked(on)
		b.all.OnChanged = f
	}
	for _, btn := range b.buttons {
		if n == 0 {
			btn.Disable()
		} else {
			btn.Enable()
		}
	}
}

// selected is the ticked departments in the table's order.
func (b *batchBar) selected() []budgeting.ConsolidatedDept {
	var out []budgeting.ConsolidatedDept
	for _, d := range b.v.c.Departments {
		if b.picked[d.DeptCode] {
			out = append(out, d)
		}
	}
	return out
}

// issue issues control figures to the ticked departments: each one's
// submitted expenditure (projects included) × (1 + the rate typed), so
// 0% issues each proposal as its control figure.
func (b *batchBar) issue() {
	s, depts := b.v.shell, b.selected()
	rate := widget.NewEntry()
	rate.SetText("0%")
	comment := widget.NewMultiLineEntry()
	comment.SetMinRowsVisible(2)
	note := widget.NewLabel(i18n.T("prep.batch.issue_confirm", "Count", len(depts)))
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(i18n.T("prep.batch.rate"), rate), widget.NewFormItem(i18n.T("prep.comment"), comment))
	d := dialog.NewCustomConfirm(i18n.T("prep.batch.issue_title", "Count", len(depts)), i18n.T("prep.action.issue_control"), i18n.T("action.cancel"),
		container.NewVBox(note, form), func(ok bool) {
			if !ok {
				return
			}
			g, err := domain.ParseGrowth(rate.Text)
			if err != nil {
				s.ShowError(err)
				return
			}
			c := strings.TrimSpace(comment.Text)
			b.run(i18n.T("prep.action.issue_control"), depts, func(d budgeting.ConsolidatedDept) error {
				control := domain.Baseline(d.ExpFinal, g)
				return s.Services().Budgets.IssueControl(s.Ctx(), s.Actor(), s.Year(), d.DeptCode, &control, c)
			})
		}, s.Window())
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// ret returns the ticked departments' proposals with one comment.
func (b *batchBar) ret() {
	s, depts := b.v.shell, b.selected()
	askComment(s, i18n.T("prep.batch.return_title", "Count", len(depts)), i18n.T("prep.batch.return_prompt", "Count", len(depts)), i18n.T("prep.action.return"), true, func(c string) {
		b.run(i18n.T("prep.action.return"), depts, func(d budgeting.ConsolidatedDept) error {
			return s.Services().Budgets.Transition(s.Ctx(), s.Actor(), s.Year(), d.DeptCode, domain.ActReturn, c)
		})
	})
}

// approve gives the committee's approval to the ticked departments.
func (b *batchBar) approve() {
	s, depts := b.v.shell, b.selected()
	kit.ConfirmAction(s.Window(), i18n.T("prep.batch.approve_title", "Count", len(depts)), i18n.T("prep.batch.approve_confirm", "Count", len(depts)),
		i18n.T("prep.action.approve"), func() {
			b.run(i18n.T("prep.action.approve"), depts, func(d budgeting.ConsolidatedDept) error {
				return s.Services().Budgets.Transition(s.Ctx(), s.Actor(), s.Year(), d.DeptCode, domain.ActApprove, "")
			})
		})
}

// run takes step for each department, reloads the window, says how many
// were done and names each refusal with its reason.
func (b *batchBar) run(step string, depts []budgeting.ConsolidatedDept, do func(budgeting.ConsolidatedDept) error) {
	s := b.v.shell
	var refused []string
	for _, d := range depts {
		if err := do(d); err != nil {
			refused = append(refused, d.DeptCode+" "+kit.PickName(d.DeptName, d.DeptNameEn)+"："+i18n.Message(err))
		}
	}
	done := len(depts) - len(refused)
	b.result.SetText(i18n.T("prep.batch.result", "Step", step, "Done", done, "Refused", len(refused)))
	s.Refresh()
	b.v.Refresh()
	if len(refused) == 0 {
		return
	}
	text := i18n.T("prep.batch.result", "Step", step, "Done", done, "Refused", len(refused)) + "\n\n" + strings.Join(refused, "\n")
	dialog.ShowError(errors.New(text), s.Window())
}
