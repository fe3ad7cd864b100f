package ui

import (
	"context"

	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// importValues enters the indicator values of the workbook at path into
// the year's evaluations: all of them, or — listing every problem with its
// cell — none.
func (e *EvaluationScreen) importValues(path string) {
	s := e.shell
	year := s.year
	run(s, job{title: i18n.T("run.importing"), key: "evaluation.values"}, func(ctx context.Context, _ progressFunc) (int, error) {
		return s.svc.Evaluation.ImportValues(ctx, s.actor, year, path)
	}, func(n int) {
		e.Refresh()
		dialog.ShowInformation(i18n.T("evalui.import_values"), i18n.T("evalui.imported_values", "Count", n, "Year", year), s.win)
	})
}
