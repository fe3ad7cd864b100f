package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// ConfirmAction asks before a step that cannot be undone: the consequence
// in words, the confirming button named by the action (上报, 定稿…) and
// 取消 beside it. onConfirm runs only when the action button is tapped.
func ConfirmAction(win fyne.Window, title, consequence, action string, onConfirm func()) *dialog.ConfirmDialog {
	text := widget.NewLabel(consequence)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, action, i18n.T("action.cancel"), text, func(ok bool) {
		if ok {
			onConfirm()
		}
	}, win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
	return d
}

// Guarded shows b enabled when why is nil; otherwise b is disabled and a
// line under it says why (the permission's or the rule's own message),
// so that a button never refuses only after it is clicked.
func Guarded(b *widget.Button, why error) fyne.CanvasObject {
	if why == nil {
		b.Enable()
		return b
	}
	b.Disable()
	return container.NewVBox(b, Reason(i18n.Message(why)))
}

// Reason is the line by a disabled button saying what it waits for.
func Reason(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.WarningImportance // read at full contrast, not greyed like the button
	l.Wrapping = fyne.TextWrapWord          // a long reason wraps rather than widening the window
	return l
}
