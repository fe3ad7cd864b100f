package prep

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// cancelButton is 取消本年度编制 for the budget office (nil for anyone
// else), disabled with the reason when the year's cycle may not be
// cancelled: the reason is the service's own refusal, so the button and
// the service cannot disagree.
func (b *Screen) cancelButton() (fyne.CanvasObject, string) {
	if !permission.Allowed(b.shell.Actor().Role, permission.PrepCancel) {
		return nil, ""
	}
	btn := widget.NewButton(i18n.T("prep.cancel_cycle"), b.cancelCycle)
	btn.Importance = widget.DangerImportance
	b.cancelBtn = btn
	if err := budgeting.CancelRefusal(b.status); err != nil {
		btn.Disable()
		return btn, i18n.T("prep.cancel_unavailable", "Reason", i18n.Message(err))
	}
	return btn, ""
}

// cancelCycle asks for the reason and a confirmation, naming who is
// signed in and what will be deleted, then cancels the year's cycle.
func (b *Screen) cancelCycle() {
	s := b.shell
	warn := widget.NewLabel(i18n.T("prep.cancel_confirm", "Year", s.Year(), "Count", len(b.status.Departments)))
	warn.Wrapping = fyne.TextWrapWord
	who := widget.NewLabel(i18n.T("account.signed_in", "Name", kit.DisplayName(s.Actor()), "Role", i18n.T("role."+string(s.Actor().Role))))
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder(i18n.T("prep.cancel_reason_hint"))
	body := container.NewVBox(warn, who, widget.NewLabel(i18n.T("prep.cancel_reason")), reason)
	d := dialog.NewCustomWithoutButtons(i18n.T("prep.cancel_title", "Year", s.Year()), body, s.Window())
	confirm := widget.NewButton(i18n.T("prep.cancel_cycle"), func() {
		d.Hide()
		removed, err := s.Services().Budgets.CancelCycle(s.Ctx(), s.Actor(), s.Year(), reason.Text)
		if err != nil {
			s.ShowError(err)
			return
		}
		b.depts.selected = ""
		s.Refresh()
		dialog.ShowInformation(i18n.T("prep.cancel_title", "Year", s.Year()), i18n.T("prep.cancelled_info", "Year", s.Year(),
			"Departments", removed.Departments, "Lines", removed.Lines, "Projects", removed.Projects), s.Window())
	})
	confirm.Importance = widget.DangerImportance
	confirm.Disable()
	reason.OnChanged = func(text string) {
		if strings.TrimSpace(text) == "" {
			confirm.Disable()
		} else {
			confirm.Enable()
		}
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(i18n.T("prep.cancel_keep"), d.Hide), confirm})
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
	s.Window().Canvas().Focus(reason)
}
