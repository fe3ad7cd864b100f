package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// AlertList shows what needs attention, red first; a tap opens the detail.
type AlertList struct {
	Root   fyne.CanvasObject
	List   *widget.List
	empty  *widget.Label
	items  []pace.Alert
	OnOpen func(pace.Alert)
}

func NewAlertList() *AlertList {
	a := &AlertList{empty: widget.NewLabel(i18n.T("exec.no_alerts"))}
	a.List = widget.NewList(func() int { return len(a.items) },
		func() fyne.CanvasObject {
			sev := widget.NewLabel("")
			sev.TextStyle = fyne.TextStyle{Bold: true}
			text := NewElidedLabel("")
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(70, sev.MinSize().Height), sev), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := a.items[id]
			box := o.(*fyne.Container)
			text := box.Objects[0].(*ElidedLabel)
			sev := box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			sev.SetText(i18n.T(it.Severity.Key()))
			sev.Importance = LevelImportance(it.Severity)
			sev.Refresh()
			text.SetText(AlertLine(it))
		})
	a.List.OnSelected = func(id widget.ListItemID) {
		a.List.UnselectAll()
		if a.OnOpen != nil && id < len(a.items) {
			a.OnOpen(a.items[id])
		}
	}
	a.Root = container.NewBorder(a.empty, nil, nil, nil, a.List)
	return a
}

func (a *AlertList) Set(items []pace.Alert) {
	a.items = items
	a.empty.Hidden = len(items) > 0
	a.empty.Refresh()
	a.List.Refresh()
}

// AlertLine is an alert's text in the list: its kind's word and what is wrong.
func AlertLine(a pace.Alert) string {
	return i18n.T(a.Kind.Key()) + " · " + i18n.Message(a.Text)
}

// Items are the alerts shown, in their order.
func (a *AlertList) Items() []pace.Alert { return a.items }
