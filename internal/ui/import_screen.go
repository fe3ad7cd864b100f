package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// What the Import screen brings in.
const (
	importBudget  = "budget"
	importActuals = "actuals"
)

// ImportScreen brings a budget or actuals workbook in: choose the file, see what was
// found, map unknown departments, confirm, and see the result. Nothing is
// written before the user confirms, and a cancelled import writes nothing.
type ImportScreen struct {
	shell *Shell
	root  fyne.CanvasObject

	kind          *widget.RadioGroup
	path          *widget.Entry
	year          *widget.Entry
	month         *widget.Entry
	createMissing *widget.Check
	replace       *widget.Check
	replaceMonth  *widget.Check // actuals summaries: replace the month's summary
	amountColumn  *widget.Entry
	encoding      *encodingChoice // shown for CSV and HTML exports
	previewBtn    *widget.Button

	summary  *widget.Label
	problems *widget.Label
	totals   *widget.Table
	mapping  *fyne.Container
	confirm  *widget.Button
	result   *widget.Label
	// deptbookResult says what became of each returned department workbook.
	deptbookResult *widget.Label

	preview    *importView
	kindOf     func() string
	monthItem  *fyne.Container
	mapChoices map[string]string // new department name → existing code ("" = create)
	// previewed is the form as it was previewed: 导入 imports only that,
	// never a year or file typed in after the preview.
	previewed string
}

func newImportScreen(s *Shell) *ImportScreen {
	im := &ImportScreen{shell: s, mapChoices: map[string]string{}}
	im.path = widget.NewEntry()
	im.path.SetPlaceHolder(i18n.T("import.file_placeholder"))
	choose := widget.NewButtonWithIcon(i18n.T("import.choose"), theme.FolderOpenIcon(), im.chooseFile)
	im.encoding = newEncodingChoice(func() {
		if strings.TrimSpace(im.path.Text) != "" {
			im.runPreview()
		}
	})
	im.year = widget.NewEntry()
	im.year.SetText(strconv.Itoa(s.year))
	im.month = widget.NewEntry()
	im.month.SetPlaceHolder(i18n.T("import.month_placeholder"))
	im.newKind()
	im.createMissing = widget.NewCheck(i18n.T("import.create_missing"), nil)
	im.createMissing.SetChecked(true)
	im.replace = widget.NewCheck(i18n.T("import.replace"), nil)
	// Ticking it changes what the import would do: preview again.
	im.replaceMonth = widget.NewCheck(i18n.T("import.replace_month"), func(bool) {
		if strings.TrimSpace(im.path.Text) != "" {
			im.runPreview()
		}
	})
	im.amountColumn = widget.NewEntry()
	im.amountColumn.SetPlaceHolder(i18n.T("import.amount_column_placeholder"))
	im.previewBtn = widget.NewButtonWithIcon(i18n.T("import.preview"), theme.SearchIcon(), im.runPreview)
	im.previewBtn.Importance = widget.HighImportance

	im.newPreviewWidgets()
	im.watchForm()

	im.monthItem = container.NewBorder(nil, nil, widget.NewLabel(i18n.T("import.month")), nil, im.month)
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("import.kind"), im.kind),
		widget.NewFormItem(i18n.T("import.file"), container.NewVBox(container.NewBorder(nil, nil, nil, choose, im.path), im.encoding.row)),
		widget.NewFormItem(i18n.T("shell.year"), container.NewGridWithColumns(2, im.year, im.monthItem)),
		widget.NewFormItem(i18n.T("import.amount_column"), im.amountColumn),
		widget.NewFormItem("", container.NewHBox(im.createMissing, im.replace, im.replaceMonth)),
	)
	im.kind.SetSelected(i18n.T("import.kind.budget"))
	step1 := kit.HintCard(i18n.T("import.step.file"), i18n.T("import.step.file.hint"), container.NewVBox(form, container.NewHBox(im.previewBtn)))
	step2 := widget.NewCard(i18n.T("import.step.preview"), "", container.NewVBox(im.summary, im.problems,
		container.NewGridWrap(fyne.NewSize(670, 260), im.totals), im.mapping))
	step3 := widget.NewCard(i18n.T("import.step.confirm"), "", container.NewVBox(container.NewHBox(im.confirm), im.result))
	exportBtn := widget.NewButtonWithIcon(i18n.T("export.button"), theme.DocumentSaveIcon(), im.chooseExport)
	export := kit.HintCard(i18n.T("export.title"), i18n.T("export.hint"), container.NewHBox(exportBtn))
	im.root = container.NewVScroll(container.NewVBox(step1, step2, step3, im.newDeptbookCard(), export))
	if !permission.Allowed(s.actor.Role, permission.BudgetImport) && !permission.Allowed(s.actor.Role, permission.ActualsImport) {
		// a role that may import nothing is told so before choosing a file,
		// not refused after the preview; exporting stays open to it, and a
		// department head still brings back their departments' workbooks
		note := widget.NewLabel(i18n.T("import.read_only"))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		parts := []fyne.CanvasObject{widget.NewCard(i18n.T("nav.import"), "", note)}
		if permission.Allowed(s.actor.Role, permission.PrepEditProposal) {
			parts = append(parts, im.newDeptbookCard())
		}
		im.root = container.NewVScroll(container.NewVBox(append(parts, export)...))
	}
	return im
}

// newPreviewWidgets makes what steps 2 and 3 show: the summary, problems,
// totals and department mapping, and the confirm controls.
func (im *ImportScreen) newPreviewWidgets() {
	im.summary = widget.NewLabel("")
	im.summary.Wrapping = fyne.TextWrapWord
	im.problems = widget.NewLabel("")
	im.problems.Wrapping = fyne.TextWrapWord
	im.problems.Importance = widget.DangerImportance
	im.totals = kit.NewLabelTable([]string{"col.code", "col.department", "col.lines", "col.revenue_yuan", "col.expenditure_yuan"}, []float32{70, 220, 60, 150, 150},
		func() int {
			if im.preview == nil {
				return 0
			}
			return len(im.preview.Totals) + 1
		}, im.totalCell)
	im.mapping = container.NewVBox()
	im.confirm = widget.NewButtonWithIcon(i18n.T("import.confirm"), theme.ConfirmIcon(), im.runImport)
	im.confirm.Importance = widget.HighImportance
	im.confirm.Disable()
	im.result = widget.NewLabel("")
	im.result.Wrapping = fyne.TextWrapWord
}

// newKind makes the budget / actuals choice; each kind shows its own
// options (a budget replaces its year, actuals have a month).
func (im *ImportScreen) newKind() {
	kinds := map[string]string{i18n.T("import.kind.budget"): importBudget, i18n.T("import.kind.actuals"): importActuals}
	im.kind = widget.NewRadioGroup([]string{i18n.T("import.kind.budget"), i18n.T("import.kind.actuals")}, func(v string) {
		if kinds[v] == importActuals {
			im.replace.Hide()
			im.replaceMonth.Show()
			im.monthItem.Show()
		} else {
			im.replace.Show()
			im.replaceMonth.Hide()
			im.monthItem.Hide()
		}
		im.preview = nil
		im.confirm.Disable()
		im.totals.Refresh()
	})
	im.kind.Horizontal = true
	im.kind.Required = true
	im.kindOf = func() string { return kinds[im.kind.Selected] }
}

// chooseExport asks where to save the shell year's approved budget and
// writes it in the background.
func (im *ImportScreen) chooseExport() {
	s := im.shell
	year := s.year
	s.saveFile(i18n.T("export.filename", "Year", year), ".xlsx", func(path string) {
		run(s, kit.Job{Title: i18n.T("run.exporting"), Key: "export"}, func(ctx context.Context, _ kit.Progress) (int, error) {
			return s.svc.Budgets.Export(ctx, s.actor, year, path, i18n.T)
		}, func(lines int) {
			dialog.ShowInformation(i18n.T("export.title"), i18n.T("cli.export_budget.done", "Year", year, "Path", path, "Lines", lines), s.win)
		})
	})
}

func (im *ImportScreen) chooseFile() {
	im.shell.chooseFile([]string{".xlsx", ".xls", ".csv", ".txt", ".htm", ".html"}, func(path string) {
		im.path.SetText(path)
		im.runPreview()
	})
}

// request is the import the screen's fields describe.
func (im *ImportScreen) request() (budgeting.BudgetRequest, execution.ActualsRequest, error) {
	year, err := strconv.Atoi(strings.TrimSpace(im.year.Text))
	if err != nil {
		return budgeting.BudgetRequest{}, execution.ActualsRequest{}, errors.New(i18n.T("import.year_invalid", "Text", im.year.Text))
	}
	month := 0
	if t := strings.TrimSpace(im.month.Text); t != "" && im.kindOf() == importActuals {
		if month, err = strconv.Atoi(t); err != nil || month < 1 || month > 12 {
			return budgeting.BudgetRequest{}, execution.ActualsRequest{}, errors.New(i18n.T("import.month_invalid", "Text", t))
		}
	}
	mapping := map[string]string{}
	for name, code := range im.mapChoices {
		if code != "" {
			mapping[name] = code
		}
	}
	path := strings.TrimSpace(im.path.Text)
	if path == "" {
		return budgeting.BudgetRequest{}, execution.ActualsRequest{}, errors.New(i18n.T("import.no_file"))
	}
	b := budgeting.BudgetRequest{Path: path, Year: year, CreateMissing: im.createMissing.Checked,
		Replace: im.replace.Checked, AmountColumn: strings.TrimSpace(im.amountColumn.Text), MapDepartments: mapping,
		Encoding: im.encoding.value()}
	a := execution.ActualsRequest{Path: path, Year: year, Month: month, CreateMissing: im.createMissing.Checked,
		AmountColumn: b.AmountColumn, MapDepartments: mapping, ReplaceMonth: im.replaceMonth.Checked && im.replaceMonth.Visible(), Encoding: b.Encoding}
	return b, a, nil
}

// watchForm makes every change of the form forget the preview, and the
// choices that change what an import does preview again at once.
func (im *ImportScreen) watchForm() {
	im.path.OnChanged = func(t string) {
		im.encoding.follow(t)
		if im.replaceMonth.Checked { // a choice made for another file
			im.replaceMonth.Checked = false
			im.replaceMonth.Refresh()
		}
		im.mapChoices = map[string]string{} // so are the departments booked to others
		im.stale()
	}
	for _, e := range []*widget.Entry{im.year, im.month, im.amountColumn} {
		e.OnChanged = func(string) { im.stale() }
	}
	im.createMissing.OnChanged = func(bool) { im.stale() }
	im.replace.OnChanged = func(bool) {
		if strings.TrimSpace(im.path.Text) != "" {
			im.runPreview()
		}
	}
}

// formKey is the import the form describes, to compare with the one
// previewed ("" when the form is incomplete).
func (im *ImportScreen) formKey() string {
	b, a, err := im.request()
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%#v|%#v", im.kindOf(), b, a) // maps print sorted
}

// stale forgets a preview the form no longer matches: 导入 waits for the
// next preview, and the old figures leave the screen.
func (im *ImportScreen) stale() {
	if im.preview == nil && im.confirm.Disabled() && im.summary.Text == "" {
		return
	}
	im.preview = nil
	im.previewed = ""
	im.confirm.Disable()
	im.summary.SetText(i18n.T("import.form_changed"))
	im.problems.Hide()
	im.mapping.Objects = nil
	im.mapping.Refresh()
	im.totals.Refresh()
}

// load previews (write false) or imports (write true) the budget b or
// the actuals a, as kind says. It runs off the UI thread: the form was read
// before (request).
func (im *ImportScreen) load(ctx context.Context, kind string, b budgeting.BudgetRequest, a execution.ActualsRequest, write bool) (importView, error) {
	s := im.shell
	if kind == importActuals {
		run := s.svc.Execution.PreviewActuals
		if write {
			run = s.svc.Execution.ImportActuals
		}
		p, err := run(ctx, s.actor, a)
		return actualsView(p), err
	}
	run := s.svc.Budgets.PreviewBudget
	if write {
		run = s.svc.Budgets.ImportBudget
	}
	p, err := run(ctx, s.actor, b)
	return budgetView(p), err
}

// runPreview reads the file and shows what it holds; nothing is written.
// A large ledger takes seconds to read: it runs in the background.
func (im *ImportScreen) runPreview() {
	im.preview = nil
	im.confirm.Disable()
	key := im.formKey()
	im.result.SetText("")
	b, a, err := im.request()
	if err != nil {
		im.showPreview(err)
		return
	}
	kind := im.kindOf()
	im.summary.SetText(i18n.T("import.reading"))
	j := kit.Job{Title: i18n.T("import.reading"), Key: "import", Failed: im.showPreview,
		Cancelled: func() { im.summary.SetText(i18n.T("import.cancelled")) }}
	run(im.shell, j, func(ctx context.Context, _ kit.Progress) (importView, error) {
		return im.load(ctx, kind, b, a, false)
	}, func(v importView) {
		im.preview = &v
		im.previewed = key
		im.showPreview(nil)
	})
}

// runImport writes the previewed import in one transaction, in the
// background; a cancelled import writes nothing.
func (im *ImportScreen) runImport() {
	if im.preview == nil || im.formKey() != im.previewed {
		im.stale()
		return
	}
	b, a, err := im.request()
	if err != nil {
		im.stale()
		return
	}
	kind := im.kindOf()
	im.confirm.Disable()
	im.previewBtn.Disable()
	j := kit.Job{Title: i18n.T("run.importing"), Key: "import",
		Failed:    func(err error) { im.result.SetText(i18n.T("import.failed") + "\n" + i18n.Message(err)) },
		Cancelled: func() { im.result.SetText(i18n.T("import.cancelled")) },
		Always: func(err error) {
			im.previewBtn.Enable()
			if err != nil {
				im.confirm.Enable()
			}
		}}
	run(im.shell, j, func(ctx context.Context, _ kit.Progress) (importView, error) {
		return im.load(ctx, kind, b, a, true)
	}, func(p importView) { im.imported(kind, p) })
}

// imported says what the import wrote and shows its year.
func (im *ImportScreen) imported(kind string, p importView) {
	key := "import.done"
	if kind == importActuals {
		key = "import.done_actuals"
	}
	im.result.SetText(i18n.T(key, "Year", p.Year, "Lines", p.Lines, "Depts", len(p.Totals), "New", len(p.NewDepartments),
		"Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure)))
	im.preview = nil
	im.totals.Refresh()
	im.shell.year = p.Year
	im.shell.refresh()
}
