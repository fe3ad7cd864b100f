package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// editThresholds lets the finance office set its monitoring rules.
func (e *ExecutionScreen) editThresholds() {
	s := e.shell
	t := e.ex.Thresholds
	green, amber := widget.NewEntry(), widget.NewEntry()
	behind, ahead := widget.NewEntry(), widget.NewEntry()
	green.SetText(trimFloat(t.GreenWithin * 100))
	amber.SetText(trimFloat(t.AmberWithin * 100))
	behind.SetText(trimFloat(t.BehindBelow))
	ahead.SetText(trimFloat(t.AheadAbove))
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("exec.th.green"), green),
		widget.NewFormItem(i18n.T("exec.th.amber"), amber),
		widget.NewFormItem(i18n.T("exec.th.behind"), behind),
		widget.NewFormItem(i18n.T("exec.th.ahead"), ahead))
	d := dialog.NewCustomConfirm(i18n.T("exec.thresholds"), i18n.T("action.save"), i18n.T("action.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		nt := pace.Thresholds{GreenWithin: readFloat(green.Text) / 100, AmberWithin: readFloat(amber.Text) / 100,
			BehindBelow: readFloat(behind.Text), AheadAbove: readFloat(ahead.Text)}
		if err := s.svc.Execution.SetThresholds(s.ctx, s.actor, nt); err != nil {
			s.showError(err)
			return
		}
		e.Refresh()
		s.dashboard.Refresh()
	}, s.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// readFloat reads a typed rate; what is not a number reads as 0, which the
// service then refuses with an explanation.
func readFloat(s string) float64 {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}
