package prep

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// deptbooksResult is what writing the department workbooks gave.
type deptbooksResult struct {
	dir     string
	books   []budgeting.DeptWorkbook
	skipped []domain.DeptPrep
}

// newDeptbooksButton is the consolidation's "Department workbooks…": it
// asks for a folder and writes there the proposal workbook of every
// department that has something to fill in now, for departments that
// fill in their proposal in Excel or WPS and send it back.
func newDeptbooksButton(h Host) *widget.Button {
	return widget.NewButtonWithIcon(i18n.T("prep.deptbooks.write"), theme.DocumentSaveIcon(), func() {
		h.ChooseFolder(func(dir string) { writeDeptbooks(h, dir) })
	})
}

// writeDeptbooks writes the year's department workbooks into dir in the
// background and says what was written.
func writeDeptbooks(h Host, dir string) {
	year := h.Year()
	kit.Run(h, kit.Job{Title: i18n.T("run.exporting"), Key: "deptbooks"}, func(ctx context.Context, _ kit.Progress) (deptbooksResult, error) {
		books, skipped, err := h.Services().Budgets.DeptWorkbooks(ctx, h.Actor(), year, "", dir, i18n.T)
		return deptbooksResult{dir: dir, books: books, skipped: skipped}, err
	}, func(r deptbooksResult) {
		dialog.ShowInformation(i18n.T("prep.deptbooks.title"), deptbooksText(r), h.Window())
	})
}

// deptbooksText says how many workbooks went where, and which departments
// got none because their proposal is at a step with nothing to fill in.
func deptbooksText(r deptbooksResult) string {
	text := i18n.T("prep.deptbooks.done", "Count", len(r.books), "Dir", r.dir)
	if len(r.skipped) > 0 {
		var names []string
		for _, d := range r.skipped {
			names = append(names, d.DeptCode+" "+i18n.PickName(i18n.Current(), d.DeptName, d.DeptNameEn))
		}
		text += "\n\n" + i18n.T("prep.deptbooks.skipped", "Depts", strings.Join(names, i18n.T("list.sep")))
	}
	return text + "\n\n" + i18n.T("prep.deptbooks.next")
}
