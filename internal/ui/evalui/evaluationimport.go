package evalui

import (
	"context"

	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// importValues enters the indicator values of the workbook at path into
// the year's evaluations: all of them, or — listing every problem with its
// cell — none.
func (e *EvaluationScreen) importValues(path string) {
	s := e.shell
	year := s.Year()
	kit.Run(s, kit.Job{Title: i18n.T("run.importing"), Key: "evaluation.values"}, func(ctx context.Context, _ kit.Progress) (int, error) {
		return s.Services().Evaluation.ImportValues(ctx, s.Actor(), year, path)
	}, func(n int) {
		e.Refresh()
		dialog.ShowInformation(i18n.T("evalui.import_values"), i18n.T("evalui.imported_values", "Count", n, "Year", year), s.Window())
	})
}
