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

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/importing"
	"github.com/budgetperf/budgetperf/internal/money"
	"github.com/budgetperf/budgetperf/internal/xlsxexport"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// What the Import screen brings in.
const (
	importBudget  = "budget"
	importActuals = "actuals"
)

// importView is what the screen shows of a budget or an actuals preview.
type importView struct {
	Year   int
	Sheets []xlsximport.SheetReport
	Lines  int
	Totals []importing.DeptTotal
	// Revenue and Expenditure are shown apart, never summed.
	Revenue, Expenditure money.Amount
	NewDepartments       []domain.Department
	Warnings             domain.Problems
	Replaces             bool
	Note                 string // what kind of file it was, in words
	Ledger               bool   // actuals: a ledger, which has no month to replace
	// ReplacesMonth says, one line each, which summaries a summary
	// import replaces (with "Replace the month's summary").
	ReplacesMonth []string
	Encoding      string // the encoding a CSV or HTML export was read in
}

func budgetView(p importing.BudgetPreview) importView {
	return importView{Year: p.Year, Sheets: p.Sheets, Lines: len(p.Lines), Totals: p.Totals, Revenue: p.Revenue, Expenditure: p.Expenditure,
		NewDepartments: p.NewDepartments, Warnings: p.Warnings, Replaces: p.Replaces, Encoding: p.Encoding}
}

func actualsView(p importing.ActualsPreview) importView {
	kind := i18n.T("import.summary_of_year", "Year", p.Year)
	switch {
	case p.Ledger:
		kind = i18n.T("cli.import_actuals.ledger_kind")
	case p.Month > 0:
		kind = i18n.T("import.summary_of_month", "Year", p.Year, "Month", p.Month)
	}
	v := importView{Year: p.Year, Sheets: p.Sheets, Lines: p.Lines, Totals: p.Totals, Revenue: p.Revenue, Expenditure: p.Expenditure,
		NewDepartments: p.NewDepartments, Warnings: p.Warnings, Ledger: p.Ledger, Encoding: p.Encoding,
		Note: i18n.T("import.actuals_note", "Kind", kind, "Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure))}
	for _, r := range p.Replaced {
		v.ReplacesMonth = append(v.ReplacesMonth, i18n.T("import.will_replace_month", "Period", fmt.Sprintf("%d/%d", p.Year, r.LineMonth),
			"File", r.FileName, "Lines", r.Lines, "Amount", money.Format(r.Total)))
	}
	return v
}

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
	cancel   *widget.Button
	progress *widget.ProgressBarInfinite
	result   *widget.Label

	preview    *importView
	kindOf     func() string
	monthItem  *fyne.Container
	mapChoices map[string]string // new department name → existing code ("" = create)
	// previewed is the form as it was previewed: 导入 imports only that,
	// never a year or file typed in after the preview.
	previewed string
	stop      context.CancelFunc
	// sync runs the import on the calling goroutine (tests).
	sync bool
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
	step1 := widget.NewCard(i18n.T("import.step.file"), i18n.T("import.step.file.hint"), container.NewVBox(form, container.NewHBox(im.previewBtn)))
	step2 := widget.NewCard(i18n.T("import.step.preview"), "", container.NewVBox(im.summary, im.problems,
		container.NewGridWrap(fyne.NewSize(670, 260), im.totals), im.mapping))
	step3 := widget.NewCard(i18n.T("import.step.confirm"), "", container.NewVBox(container.NewHBox(im.confirm, im.cancel), im.progress, im.result))
	exportBtn := widget.NewButtonWithIcon(i18n.T("export.button"), theme.DocumentSaveIcon(), im.chooseExport)
	export := widget.NewCard(i18n.T("export.title"), i18n.T("export.hint"), container.NewHBox(exportBtn))
	im.root = container.NewVScroll(container.NewVBox(step1, step2, step3, export))
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
	im.totals = newLabelTable([]string{"col.code", "col.department", "col.lines", "col.revenue_yuan", "col.expenditure_yuan"}, []float32{70, 220, 60, 150, 150},
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
	im.cancel = widget.NewButtonWithIcon(i18n.T("action.cancel"), theme.CancelIcon(), func() {
		if im.stop != nil {
			im.stop()
		}
	})
	im.cancel.Hide()
	im.progress = widget.NewProgressBarInfinite()
	im.progress.Stop()
	im.progress.Hide()
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

// chooseExport asks where to save the shell year's approved budget.
func (im *ImportScreen) chooseExport() {
	s := im.shell
	s.saveFile(i18n.T("export.filename", "Year", s.year), ".xlsx", func(path string) {
		lines, err := im.exportTo(path)
		if err != nil {
			s.showError(err)
			return
		}
		dialog.ShowInformation(i18n.T("export.title"), i18n.T("cli.export_budget.done", "Year", s.year, "Path", path, "Lines", lines), s.win)
	})
}

// exportTo writes the shell year's approved budget to path and says how
// many lines it wrote.
func (im *ImportScreen) exportTo(path string) (int, error) {
	s := im.shell
	v, err := s.svc.Budgets.Show(s.ctx, s.actor, s.year)
	if err != nil {
		return 0, err
	}
	return v.Lines(), xlsxexport.SaveBudget(path, v.Year, v.Breakdown)
}

func (im *ImportScreen) chooseFile() {
	im.shell.chooseFile([]string{".xlsx", ".xls", ".csv", ".txt", ".htm", ".html"}, func(path string) {
		im.path.SetText(path)
		im.runPreview()
	})
}

// request is the import the screen's fields describe.
func (im *ImportScreen) request() (importing.BudgetRequest, importing.ActualsRequest, error) {
	year, err := strconv.Atoi(strings.TrimSpace(im.year.Text))
	if err != nil {
		return importing.BudgetRequest{}, importing.ActualsRequest{}, errors.New(i18n.T("import.year_invalid", "Text", im.year.Text))
	}
	month := 0
	if t := strings.TrimSpace(im.month.Text); t != "" && im.kindOf() == importActuals {
		if month, err = strconv.Atoi(t); err != nil || month < 1 || month > 12 {
			return importing.BudgetRequest{}, importing.ActualsRequest{}, errors.New(i18n.T("import.month_invalid", "Text", t))
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
		return importing.BudgetRequest{}, importing.ActualsRequest{}, errors.New(i18n.T("import.no_file"))
	}
	b := importing.BudgetRequest{Path: path, Year: year, CreateMissing: im.createMissing.Checked,
		Replace: im.replace.Checked, AmountColumn: strings.TrimSpace(im.amountColumn.Text), MapDepartments: mapping,
		Encoding: im.encoding.value()}
	a := importing.ActualsRequest{Path: path, Year: year, Month: month, CreateMissing: im.createMissing.Checked,
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

// load previews (write false) or imports (write true) what the fields describe.
func (im *ImportScreen) load(ctx context.Context, write bool) (importView, error) {
	s := im.shell
	b, a, err := im.request()
	if err != nil {
		return importView{}, err
	}
	if im.kindOf() == importActuals {
		run := s.svc.Import.PreviewActuals
		if write {
			run = s.svc.Import.ImportActuals
		}
		p, err := run(ctx, s.actor, a)
		return actualsView(p), err
	}
	run := s.svc.Import.PreviewBudget
	if write {
		run = s.svc.Import.ImportBudget
	}
	p, err := run(ctx, s.actor, b)
	return budgetView(p), err
}

// runPreview reads the file and shows what it holds; nothing is written.
func (im *ImportScreen) runPreview() {
	im.preview = nil
	im.confirm.Disable()
	key := im.formKey()
	im.result.SetText("")
	im.summary.SetText(i18n.T("import.reading"))
	im.previewBtn.Disable()
	im.progress.Show()
	im.progress.Start()
	// A large ledger takes seconds to read: keep the window responsive.
	im.background(func() {
		v, err := im.load(im.shell.ctx, false)
		im.onUI(func() {
			im.progress.Stop()
			im.progress.Hide()
			im.previewBtn.Enable()
			if err == nil {
				im.preview = &v
				im.previewed = key
			}
			im.showPreview(err)
		})
	})
}

// background runs work off the UI goroutine (on it in tests).
func (im *ImportScreen) background(work func()) {
	if im.sync {
		work()
		return
	}
	go work()
}

// onUI runs f on the UI goroutine.
func (im *ImportScreen) onUI(f func()) {
	if im.sync {
		f()
		return
	}
	fyne.Do(f)
}

func (im *ImportScreen) showPreview(err error) {
	im.totals.Refresh()
	im.showReplaceMonth()
	if err != nil {
		im.summary.SetText(i18n.T("import.refused"))
		im.problems.Importance = widget.DangerImportance
		im.problems.SetText(i18n.Message(err))
		im.problems.Show()
		im.mapping.Objects = nil
		im.mapping.Refresh()
		return
	}
	p := im.preview
	var b strings.Builder
	if line := encodingLine(p.Encoding, im.encoding.value()); line != "" {
		b.WriteString(line + "\n")
	}
	for _, sh := range p.Sheets {
		col := sh.AmountColumn
		if strings.HasPrefix(col, "(") { // no single column: amounts stand under each item
			col = i18n.T("import.amount_across")
		}
		if sh.Used {
			b.WriteString(i18n.T("import.sheet_used", "Sheet", sh.Name, "Row", sh.HeaderRow, "Unit", sh.Unit.String(), "Layout", i18n.T("import.layout."+sh.Layout), "Column", col))
			b.WriteString("\n" + i18n.SheetReconciled(sh.Name, sh.CellTotal, sh.Imported, sh.LeftOut, money.Format))
		} else {
			// why it was skipped is in the warnings below, in the user's language
			b.WriteString(i18n.T("import.preview.sheet_skipped", "Sheet", sh.Name))
		}
		b.WriteString("\n")
	}
	b.WriteString(i18n.T("import.summary", "Lines", p.Lines, "Depts", len(p.Totals), "Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure)))
	if p.Note != "" {
		b.WriteString("\n" + p.Note)
	}
	if p.Replaces {
		b.WriteString("\n" + i18n.T("import.will_replace", "Year", p.Year))
	}
	for _, r := range p.ReplacesMonth {
		b.WriteString("\n" + r)
	}

	im.summary.SetText(b.String())
	if len(p.Warnings) > 0 {
		im.problems.Importance = widget.WarningImportance
		im.problems.SetText(i18n.T("import.warnings") + "\n" + i18n.Message(p.Warnings))
		im.problems.Show()
	} else {
		im.problems.Hide()
	}
	im.showMapping()
	im.confirm.Enable()
}

// showReplaceMonth offers to replace the month's summary for actuals,
// unless the file turned out to be a ledger: a ledger has no month to
// replace, its vouchers are checked instead.
func (im *ImportScreen) showReplaceMonth() {
	if im.kindOf() != importActuals {
		return
	}
	if im.preview != nil && im.preview.Ledger {
		im.replaceMonth.Hide()
		return
	}
	im.replaceMonth.Show()
}

// showMapping offers, for each department the file has and the database
// lacks, to create it or to book its lines to an existing department.
func (im *ImportScreen) showMapping() {
	s := im.shell
	im.mapping.Objects = nil
	if len(im.preview.NewDepartments) > 0 {
		depts, _ := s.svc.Master.Departments(s.ctx, s.actor)
		create := i18n.T("import.map_create")
		options := []string{create}
		codes := map[string]string{create: ""}
		for _, d := range depts {
			label := d.Code + " " + d.Name
			options = append(options, label)
			codes[label] = d.Code
		}
		im.mapping.Add(widget.NewLabelWithStyle(i18n.T("import.map_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, nd := range im.preview.NewDepartments {
			name := nd.Name
			sel := widget.NewSelect(options, func(v string) {
				if im.mapChoices[name] != codes[v] {
					im.mapChoices[name] = codes[v]
					im.runPreview()
				}
			})
			sel.SetSelected(create)
			im.mapping.Add(container.NewBorder(nil, nil, widget.NewLabel(name+" →"), nil, sel))
		}
	}
	im.mapping.Refresh()
}

func (im *ImportScreen) totalCell(r, c int) (string, fyne.TextAlign) {
	p := im.preview
	if r == len(p.Totals) {
		return []string{"", i18n.T("col.total"), strconv.Itoa(p.Lines), money.FormatPlain(p.Revenue), money.FormatPlain(p.Expenditure)}[c],
			[]fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignLeading, fyne.TextAlignTrailing, fyne.TextAlignTrailing, fyne.TextAlignTrailing}[c]
	}
	t := p.Totals[r]
	switch c {
	case 0:
		return t.Code, fyne.TextAlignLeading
	case 1:
		if t.New {
			return t.Name + " " + i18n.T("cli.import.new_mark"), fyne.TextAlignLeading
		}
		return t.Name, fyne.TextAlignLeading
	case 2:
		return strconv.Itoa(t.Lines), fyne.TextAlignTrailing
	case 3:
		return money.FormatPlain(t.Revenue), fyne.TextAlignTrailing
	}
	return money.FormatPlain(t.Expenditure), fyne.TextAlignTrailing
}

// runImport writes the previewed import in one transaction, in the
// background with a progress bar and a cancel button.
func (im *ImportScreen) runImport() {
	s := im.shell
	if im.preview == nil || im.formKey() != im.previewed {
		im.stale()
		return
	}
	ctx, stop := context.WithCancel(s.ctx)
	im.stop = stop
	im.confirm.Disable()
	im.previewBtn.Disable()
	im.cancel.Show()
	im.progress.Show()
	im.progress.Start()
	im.background(func() {
		v, err := im.load(ctx, true)
		im.onUI(func() { im.finish(v, err) })
	})
}

func (im *ImportScreen) finish(p importView, err error) {
	im.stop()
	im.progress.Stop()
	im.progress.Hide()
	im.cancel.Hide()
	im.previewBtn.Enable()
	switch {
	case errors.Is(err, context.Canceled):
		im.result.SetText(i18n.T("import.cancelled"))
	case err != nil:
		im.result.SetText(i18n.T("import.failed") + "\n" + i18n.Message(err))
	default:
		key := "import.done"
		if im.kindOf() == importActuals {
			key = "import.done_actuals"
		}
		im.result.SetText(i18n.T(key, "Year", p.Year, "Lines", p.Lines, "Depts", len(p.Totals), "New", len(p.NewDepartments),
			"Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure)))
		im.preview = nil
		im.totals.Refresh()
		im.shell.year = p.Year
		im.shell.refresh()
		return
	}
	im.confirm.Enable()
}
