package ui

import (
	"context"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/report"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// formsPanel is the Reports screen's part for the finance bureau's forms:
// the form, its project (or all), the month-end of the monitoring form and
// the format, written in the background through the runner.
type formsPanel struct {
	shell *Shell
	root  fyne.CanvasObject

	kind     *widget.RadioGroup
	project  *widget.Select
	month    *widget.Select
	format   *widget.RadioGroup
	path     *widget.Entry
	generate *widget.Button
	open     *widget.Button
	result   *widget.Label

	codes      []string // project codes in the order of project's options after "all"
	written    string
	pathEdited bool
}

func newFormsPanel(s *Shell) *formsPanel {
	p := &formsPanel{shell: s, result: widget.NewLabel("")}
	p.result.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, k := range report.FormKinds {
		labels = append(labels, i18n.T("reports.form."+k))
	}
	p.kind = widget.NewRadioGroup(labels, func(string) { p.kindChanged() })
	p.kind.Required = true
	p.project = kit.NewSelect(nil, func(string) { p.defaultPath() })
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, kit.MonthName(m))
	}
	p.month = kit.NewSelect(months, func(string) { p.defaultPath() })
	p.format = widget.NewRadioGroup([]string{i18n.T("reports.forms.xlsx"), i18n.T("reports.forms.pdf")}, func(string) { p.defaultPath() })
	p.format.Horizontal, p.format.Required = true, true
	p.path = widget.NewEntry()
	p.path.OnChanged = func(string) { p.pathEdited = true }
	browse := widget.NewButtonWithIcon(i18n.T("reports.choose_file"), theme.FolderOpenIcon(), p.chooseFile)
	p.generate = widget.NewButtonWithIcon(i18n.T("reports.forms.generate"), theme.DocumentCreateIcon(), p.run)
	p.open = widget.NewButtonWithIcon(i18n.T("reports.open"), theme.FileIcon(), p.openWritten)
	p.open.Disable()
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("reports.forms.form"), p.kind),
		widget.NewFormItem(i18n.T("reports.forms.project"), p.project),
		widget.NewFormItem(i18n.T("reports.month"), p.month),
		widget.NewFormItem(i18n.T("reports.forms.format"), p.format),
		widget.NewFormItem(i18n.T("reports.file"), container.NewBorder(nil, nil, nil, browse, p.path)),
	)
	title := widget.NewLabelWithStyle(i18n.T("reports.forms.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(i18n.T("reports.forms.intro"))
	intro.Wrapping = fyne.TextWrapWord
	p.root = container.NewVBox(title, intro, form, container.NewHBox(p.generate, p.open), p.result)
	p.format.Selected = i18n.T("reports.forms.xlsx")
	p.kind.SetSelected(labels[0])
	return p
}

// Refresh lists the year's projects the user may see and proposes the
// latest month with actuals.
func (p *formsPanel) Refresh() {
	s := p.shell
	if s.svc == nil {
		return
	}
	options, codes := []string{i18n.T("reports.forms.all_projects")}, []string(nil)
	if ps, err := s.svc.Budgets.Projects(s.ctx, s.actor, s.year, ""); err == nil {
		for _, pr := range ps {
			options = append(options, pr.Code+" "+pr.Name)
			codes = append(codes, pr.Code)
		}
	}
	p.codes = codes
	p.project.Options = options
	p.project.SetSelectedIndex(0)
	if latest, err := s.svc.Execution.LatestMonth(s.ctx, s.actor, s.year); err == nil && latest > 0 {
		p.month.SetSelectedIndex(latest - 1)
	} else {
		p.month.SetSelectedIndex(11)
	}
	p.kindChanged()
}

// request is the form chosen.
func (p *formsPanel) request() report.FormRequest {
	req := report.FormRequest{Kind: report.FormKinds[0], Year: p.shell.year}
	for _, k := range report.FormKinds {
		if p.kind.Selected == i18n.T("reports.form."+k) {
			req.Kind = k
		}
	}
	if i := p.project.SelectedIndex(); i > 0 && i <= len(p.codes) && req.Kind != report.OverallSelfEvaluation {
		req.Project = p.codes[i-1]
	}
	if req.Kind == report.PerformanceMonitoring {
		req.Month = p.month.SelectedIndex() + 1
	}
	return req
}

func (p *formsPanel) ext() string {
	if p.format.Selected == i18n.T("reports.forms.pdf") {
		return ".pdf"
	}
	return ".xlsx"
}

func (p *formsPanel) kindChanged() {
	req := p.request()
	if req.Kind == report.PerformanceMonitoring {
		p.month.Enable()
	} else {
		p.month.Disable()
	}
	if req.Kind == report.OverallSelfEvaluation {
		p.project.Disable()
	} else {
		p.project.Enable()
	}
	p.defaultPath()
}

// defaultPath proposes Documents/<form>-<year>[-<month>][-<project>].<ext>
// until the user picks a file.
func (p *formsPanel) defaultPath() {
	if p.path == nil || p.project == nil || p.format == nil || p.pathEdited {
		return
	}
	p.path.SetText(filepath.Join(documentsDir(), report.FormFileName(p.request(), p.ext())))
	p.pathEdited = false
}

func (p *formsPanel) chooseFile() {
	p.shell.saveFile(report.FormFileName(p.request(), p.ext()), p.ext(), func(path string) {
		p.path.SetText(path)
		p.pathEdited = true
	})
}

// formJob is the key of form writing: one form at a time.
const formJob = "form"

// run writes the chosen form in the background.
func (p *formsPanel) run() {
	s := p.shell
	path := p.path.Text
	if s.svc == nil {
		return
	}
	if path == "" {
		p.result.SetText(i18n.T("reports.no_file"))
		return
	}
	req := p.request()
	p.generate.Disable()
	p.open.Disable()
	p.result.SetText(i18n.T("reports.generating"))
	j := kit.Job{Title: i18n.T("reports.generating"), Key: formJob,
		Failed:    func(err error) { p.result.SetText(i18n.T("reports.failed", "Error", i18n.Message(err))) },
		Cancelled: func() { p.result.SetText(i18n.T("reports.cancelled")) },
		Always:    func(error) { p.generate.Enable() }}
	run(s, j, func(ctx context.Context, progress kit.Progress) (string, error) {
		return path, report.WriteForm(ctx, s.svc, s.actor, req, path, progress)
	}, func(path string) {
		p.written = path
		p.open.Enable()
		p.result.SetText(i18n.T("reports.done", "Path", path))
	})
}

// openWritten opens the form in the system's viewer (the spreadsheet
// program for a workbook).
func (p *formsPanel) openWritten() {
	if p.written == "" {
		return
	}
	u, err := url.Parse(storage.NewFileURI(p.written).String())
	if err != nil {
		p.shell.showError(err)
		return
	}
	if err := p.shell.app.OpenURL(u); err != nil {
		p.shell.showError(err)
	}
}
