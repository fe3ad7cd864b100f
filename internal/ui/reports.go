package ui

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/report"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// ReportsScreen lets the user choose a report and its period, generate the
// PDF in the background (with progress and a cancel button) and open it in
// the system viewer, which is also where it is printed.
type ReportsScreen struct {
	shell *Shell
	root  fyne.CanvasObject

	kind     *widget.RadioGroup
	year     *widget.Label
	month    *widget.Select
	unit     *widget.RadioGroup
	path     *widget.Entry
	generate *widget.Button
	open     *widget.Button
	result   *widget.Label
	// forms writes the finance bureau's forms.
	forms *formsPanel

	kinds []string // report kinds in the order of the radio options
	// written is the last report written, for "open".
	written string
	// pathEdited: the user chose the file, so a new kind or period does
	// not overwrite the choice with the default name.
	pathEdited bool
}

func newReportsScreen(s *Shell) *ReportsScreen {
	r := &ReportsScreen{shell: s, kinds: report.Kinds, year: widget.NewLabel(""), result: widget.NewLabel("")}
	r.result.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, k := range r.kinds {
		labels = append(labels, i18n.T("reports.kind."+k))
	}
	r.kind = widget.NewRadioGroup(labels, func(string) { r.kindChanged() })
	r.kind.Required = true
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, kit.MonthName(m))
	}
	r.month = kit.NewSelect(months, func(string) { r.defaultPath() })
	r.unit = widget.NewRadioGroup([]string{i18n.T("report.unit.wan"), i18n.T("report.unit.yuan")}, func(string) { r.unitChanged() })
	r.unit.Horizontal = true
	r.unit.Required = true
	r.path = widget.NewEntry()
	r.path.OnChanged = func(string) { r.pathEdited = true }
	browse := widget.NewButtonWithIcon(i18n.T("reports.choose_file"), theme.FolderOpenIcon(), r.chooseFile)
	r.generate = widget.NewButtonWithIcon(i18n.T("reports.generate"), theme.DocumentCreateIcon(), r.run)
	r.generate.Importance = widget.HighImportance
	r.open = widget.NewButtonWithIcon(i18n.T("reports.open"), theme.FileIcon(), r.openWritten)
	r.open.Disable()
	hint := widget.NewLabel(i18n.T("reports.print_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance

	form := widget.NewForm(
		widget.NewFormItem(i18n.T("reports.report"), r.kind),
		widget.NewFormItem(i18n.T("reports.year"), r.year),
		widget.NewFormItem(i18n.T("reports.month"), r.month),
		widget.NewFormItem(i18n.T("reports.unit"), r.unit),
		widget.NewFormItem(i18n.T("reports.file"), container.NewBorder(nil, nil, nil, browse, r.path)),
	)
	title := widget.NewLabelWithStyle(i18n.T("reports.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(i18n.T("reports.intro"))
	intro.Wrapping = fyne.TextWrapWord
	r.forms = newFormsPanel(s)
	body := container.NewVBox(title, intro, widget.NewSeparator(), form,
		container.NewHBox(r.generate, r.open), r.result, hint, widget.NewSeparator(), r.forms.root)
	r.root = container.NewVScroll(container.NewPadded(body))
	r.kind.SetSelected(labels[0])
	return r
}

// Refresh follows the shell's year and the stored amount unit.
func (r *ReportsScreen) Refresh() {
	s := r.shell
	r.year.SetText(strconv.Itoa(s.year))
	if s.svc == nil {
		return
	}
	r.checkReader()
	r.forms.Refresh()
	if u, err := report.AmountUnit(s.ctx, s.svc, s.actor); err == nil {
		label := i18n.T("report.unit.wan")
		if u == money.Yuan {
			label = i18n.T("report.unit.yuan")
		}
		if r.unit.Selected != label {
			r.unit.Selected = label
			r.unit.Refresh()
		}
	}
	if latest, err := s.svc.Execution.LatestMonth(s.ctx, s.actor, s.year); err == nil && latest > 0 {
		r.month.SetSelectedIndex(latest - 1)
	} else {
		r.month.SetSelectedIndex(11)
	}
	r.defaultPath()
}

// checkReader says before anything is chosen that the signed-in user may
// not generate reports (a department head: report.CheckReader), and
// offers Generate again to one who may, unless a report is being written.
func (r *ReportsScreen) checkReader() {
	if err := report.CheckReader(r.shell.actor); err != nil {
		r.generate.Disable()
		msg := i18n.Message(err)
		if ps := domain.AsProblems(err); len(ps) == 1 && ps[0].Key == "problem.report.whole_hospital" {
			// The service's message names the CLI commands; here, the screens.
			msg = i18n.T("reports.dept_head", "User", i18n.UserName(r.shell.actor.Login))
		}
		r.result.SetText(msg)
		return
	}
	if !r.shell.runs.busy(reportJob) {
		r.generate.Enable()
	}
}

// selectedKind is the chosen report kind.
func (r *ReportsScreen) selectedKind() string {
	for i, k := range r.kinds {
		if r.kind.Selected == i18n.T("reports.kind."+k) {
			return r.kinds[i]
		}
	}
	return report.Budget
}

func (r *ReportsScreen) selectedMonth() int {
	if r.selectedKind() != report.Execution {
		return 0
	}
	return r.month.SelectedIndex() + 1
}

func (r *ReportsScreen) kindChanged() {
	if r.selectedKind() == report.Execution {
		r.month.Enable()
	} else {
		r.month.Disable()
	}
	r.defaultPath()
}

// unitChanged stores the unit: reports keep it, and the command line uses
// it too unless told otherwise.
func (r *ReportsScreen) unitChanged() {
	s := r.shell
	if s.svc == nil {
		return
	}
	u := money.TenThousand
	if r.unit.Selected == i18n.T("report.unit.yuan") {
		u = money.Yuan
	}
	if err := report.SetAmountUnit(s.ctx, s.svc, s.actor, u); err != nil {
		s.showError(err)
	}
}

// defaultPath proposes Documents/<kind>-<year>.pdf until the user picks a file.
func (r *ReportsScreen) defaultPath() {
	if r.path == nil || r.pathEdited {
		return
	}
	r.path.SetText(filepath.Join(documentsDir(), report.FileName(r.selectedKind(), r.shell.year, r.selectedMonth())))
	r.pathEdited = false
}

// documentsDir is the user's Documents folder, else the home folder.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	docs := filepath.Join(home, "Documents")
	if st, err := os.Stat(docs); err == nil && st.IsDir() {
		return docs
	}
	return home
}

func (r *ReportsScreen) chooseFile() {
	r.shell.saveFile(report.FileName(r.selectedKind(), r.shell.year, r.selectedMonth()), ".pdf", func(path string) {
		r.path.SetText(path)
		r.pathEdited = true
	})
}

// reportJob is the key of report generation: one report at a time.
const reportJob = "report"

// run generates the chosen report in the background.
func (r *ReportsScreen) run() {
	s := r.shell
	path := r.path.Text
	if s.svc == nil {
		return
	}
	if path == "" {
		r.result.SetText(i18n.T("reports.no_file"))
		return
	}
	req := report.Request{Kind: r.selectedKind(), Year: s.year, Month: r.selectedMonth()}
	r.generate.Disable()
	r.open.Disable()
	r.result.SetText(i18n.T("reports.generating"))
	j := kit.Job{Title: i18n.T("reports.generating"), Key: reportJob,
		Failed:    func(err error) { r.result.SetText(i18n.T("reports.failed", "Error", i18n.Message(err))) },
		Cancelled: func() { r.result.SetText(i18n.T("reports.cancelled")) },
		Always:    func(error) { r.generate.Enable() }}
	run(s, j, func(ctx context.Context, progress kit.Progress) (string, error) {
		return path, report.WriteFile(ctx, s.svc, s.actor, req, path, progress)
	}, func(path string) {
		r.written = path
		r.open.Enable()
		r.result.SetText(i18n.T("reports.done", "Path", path))
	})
}

// openWritten opens the report in the system's PDF viewer, where the user
// also prints it.
func (r *ReportsScreen) openWritten() {
	if r.written == "" {
		return
	}
	u, err := url.Parse(storage.NewFileURI(r.written).String())
	if err != nil {
		r.shell.showError(err)
		return
	}
	if err := r.shell.app.OpenURL(u); err != nil {
		r.shell.showError(err)
	}
}
