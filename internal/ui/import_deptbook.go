package ui

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// newDeptbookCard is the Import screen's Department workbooks card: a
// returned department proposal workbook, or every one in a folder, is
// recorded as its department's submission; each file whole or not at all.
func (im *ImportScreen) newDeptbookCard() fyne.CanvasObject {
	im.deptbookResult = widget.NewLabel("")
	im.deptbookResult.Wrapping = fyne.TextWrapWord
	one := widget.NewButtonWithIcon(i18n.T("import.deptbook.file"), theme.FileIcon(), func() {
		im.shell.chooseFile([]string{".xlsx"}, func(path string) { im.importDeptbooks([]string{path}) })
	})
	all := widget.NewButtonWithIcon(i18n.T("import.deptbook.folder"), theme.FolderOpenIcon(), func() {
		im.shell.chooseFolder(func(dir string) {
			files := workbooksIn(dir)
			if len(files) == 0 {
				im.deptbookResult.SetText(i18n.T("import.deptbook.none", "Dir", dir))
				return
			}
			im.importDeptbooks(files)
		})
	})
	return kit.HintCard(i18n.T("import.deptbook.title"), i18n.T("import.deptbook.hint"),
		container.NewVBox(container.NewHBox(one, all), im.deptbookResult))
}

// workbooksIn lists the .xlsx files of dir, without the lock files Excel
// (~$…) and LibreOffice (.~lock…) leave beside an open workbook.
func workbooksIn(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(n), ".xlsx") && !strings.HasPrefix(n, "~$") && !strings.HasPrefix(n, ".~") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	return out
}

// importDeptbooks imports each file as its department's submission for
// the window's year and shows, per file, what was recorded or why not.
func (im *ImportScreen) importDeptbooks(files []string) {
	s := im.shell
	year := s.year
	run(s, kit.Job{Title: i18n.T("run.importing"), Key: "deptbooks.import"}, func(ctx context.Context, _ kit.Progress) (string, error) {
		var lines []string
		for _, f := range files {
			r, err := s.svc.Budgets.ImportDeptWorkbook(ctx, s.actor, f, year)
			if err != nil {
				if domain.AsProblems(err) == nil {
					return "", err
				}
				lines = append(lines, "✗ "+i18n.T("import.deptbook.refused", "File", filepath.Base(f)))
				for _, l := range i18n.Lines(err) {
					lines = append(lines, "    "+l)
				}
				continue
			}
			lines = append(lines, "✓ "+i18n.T("import.deptbook.done", "File", r.File, "Dept", r.DeptCode, "Name", r.DeptName, "Lines", r.Lines, "Projects", r.Projects,
				"Expenditure", money.FormatPlain(r.Expenditure), "State", r.State.Term()))
		}
		return strings.Join(lines, "\n"), nil
	}, func(text string) {
		im.deptbookResult.SetText(text)
		s.refresh()
	})
}
