package ui

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// importValues enters the indicator values of the workbook at path into
// the year's evaluations: all of them, or — listing every problem with its
// cell — none.
func (e *EvaluationScreen) importValues(path string) {
	s := e.shell
	n, err := s.svc.Evaluation.ImportValues(s.ctx, s.actor, s.year, path)
	if err != nil {
		s.showError(err)
		return
	}
	e.Refresh()
	dialog.ShowInformation(i18n.T("evalui.import_values"), i18n.T("evalui.imported_values", "Count", n, "Year", s.year), s.win)
}
