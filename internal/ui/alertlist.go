package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// alertList shows what needs attention, red first; a tap opens the detail.
type alertList struct {
	root   fyne.CanvasObject
	list   *widget.List
	empty  *widget.Label
	items  []pace.Alert
	onOpen func(pace.Alert)
}

func newAlertList() *alertList {
	a := &alertList{empty: widget.NewLabel(i18n.T("exec.no_alerts"))}
	a.list = widget.NewList(func() int { return len(a.items) },
		func() fyne.CanvasObject {
			sev := widget.NewLabel("")
			sev.TextStyle = fyne.TextStyle{Bold: true}
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(70, sev.MinSize().Height), sev), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := a.items[id]
			box := o.(*fyne.Container)
			text := box.Objects[0].(*widget.Label)
			sev := box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			sev.SetText(i18n.T(it.Severity.Key()))
			sev.Importance = levelImportance(it.Severity)
			sev.Refresh()
			text.SetText(alertLine(it))
		})
	a.list.OnSelected = func(id widget.ListItemID) {
		a.list.UnselectAll()
		if a.onOpen != nil && id < len(a.items) {
			a.onOpen(a.items[id])
		}
	}
	a.root = container.NewBorder(a.empty, nil, nil, nil, a.list)
	return a
}

func (a *alertList) set(items []pace.Alert) {
	a.items = items
	a.empty.Hidden = len(items) > 0
	a.empty.Refresh()
	a.list.Refresh()
}

// alertLine is an alert's text in the list: its kind's word and what is wrong.
func alertLine(a pace.Alert) string {
	return i18n.T(a.Kind.Key()) + " · " + i18n.Message(a.Text)
}
