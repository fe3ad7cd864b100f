package prep

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// askComment asks for a comment before the step named action (退回…),
// the confirming button named by it; required comments keep it disabled
// until something is typed.
func askComment(s Host, title, prompt, action string, required bool, done func(string)) {
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(3)
	var d *dialog.ConfirmDialog
	body := container.NewVBox(widget.NewLabel(prompt), e)
	d = dialog.NewCustomConfirm(title, action, i18n.T("action.cancel"), body, func(ok bool) {
		if ok {
			done(strings.TrimSpace(e.Text))
		}
	}, s.Window())
	if required {
		d.SetConfirmImportance(widget.DangerImportance)
	}
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	s.Window().Canvas().Focus(e)
}

// showIssueControl asks for a department's expenditure control total.
func showIssueControl(s Host, dept string, proposed, suggest money.Amount, done func(money.Amount, string)) {
	total := widget.NewEntry()
	total.SetText(kit.Yuan(suggest))
	hint := widget.NewLabel("")
	hint.Wrapping = fyne.TextWrapWord
	update := func(string) {
		a, err := kit.ParseAmount(total.Text)
		if err != nil {
			hint.Importance = widget.DangerImportance
			hint.SetText(i18n.T("prep.bad_control", "Text", total.Text))
			return
		}
		hint.Importance = widget.MediumImportance
		hint.SetText(i18n.T("prep.control_hint", "Proposed", kit.Yuan(proposed), "Diff", kit.Yuan(a-proposed), "Growth", growthText(a, proposed)))
	}
	total.OnChanged = update
	update("")
	comment := widget.NewMultiLineEntry()
	comment.SetMinRowsVisible(2)
	consequence := widget.NewLabel(i18n.T("prep.issue_consequence"))
	consequence.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("prep.control_total_label"), total),
		widget.NewFormItem("", hint),
		widget.NewFormItem(i18n.T("prep.comment"), comment),
		widget.NewFormItem("", consequence))
	d := dialog.NewCustomConfirm(i18n.T("prep.issue_title", "Dept", dept), i18n.T("prep.action.issue_control"), i18n.T("action.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		a, err := kit.ParseAmount(total.Text)
		if err != nil {
			s.ShowError(domain.NewProblem("problem.prep.control_amount", "\"{{.Text}}\" is not an amount: type the control figure in yuan, e.g. 1,234,500 or 123.45万.", "Text", total.Text))
			return
		}
		done(a, strings.TrimSpace(comment.Text))
	}, s.Window())
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// pickSubject lets the user search the leaf subjects of the catalogue by
// code or name and choose one.
func pickSubject(s Host, done func(code string)) {
	subjects, err := s.Services().Master.Subjects(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	parents := map[string]bool{}
	for _, sub := range subjects {
		parents[sub.Parent] = true
	}
	var leaves []domain.Subject
	for _, sub := range subjects {
		if !parents[sub.Code] {
			leaves = append(leaves, sub)
		}
	}
	sort.Slice(leaves, func(i, j int) bool { return leaves[i].Code < leaves[j].Code })
	shown := leaves
	search := widget.NewEntry()
	search.SetPlaceHolder(i18n.T("prep.subject_search"))
	chosen := ""
	list := widget.NewList(func() int { return len(shown) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(shown[id].Code + " " + shown[id].DisplayName(i18n.Current()))
		})
	list.OnSelected = func(id widget.ListItemID) { chosen = shown[id].Code }
	search.OnChanged = func(q string) {
		q = strings.ToLower(strings.TrimSpace(q))
		shown = nil
		for _, sub := range leaves {
			if q == "" || strings.Contains(strings.ToLower(sub.Code+" "+sub.Name+" "+sub.NameEn), q) {
				shown = append(shown, sub)
			}
		}
		chosen = ""
		list.UnselectAll()
		list.Refresh()
	}
	body := container.NewBorder(search, nil, nil, nil, list)
	d := dialog.NewCustomConfirm(i18n.T("prep.add_subject"), i18n.T("action.ok"), i18n.T("action.cancel"), body, func(ok bool) {
		if ok && chosen != "" {
			done(chosen)
		}
	}, s.Window())
	d.Resize(fyne.NewSize(520, 520))
	d.Show()
	s.Window().Canvas().Focus(search)
}
