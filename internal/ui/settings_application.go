package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// applicationSubjectsPanel edits the expenditure subjects a department's
// evaluation result applies to (the base of its next-year suggestion):
// codes separated by commas, each with the items under it. Saving is
// recorded in the audit trail by the service.
type applicationSubjectsPanel struct {
	shell   *Shell
	root    fyne.CanvasObject
	codes   *widget.Entry
	names   *widget.Label
	saveBtn *widget.Button
}

func newApplicationSubjectsPanel(s *Shell) *applicationSubjectsPanel {
	p := &applicationSubjectsPanel{shell: s, codes: widget.NewEntry(), names: widget.NewLabel("")}
	p.codes.SetPlaceHolder("302, 310")
	p.names.Wrapping = fyne.TextWrapWord
	p.saveBtn = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), p.save)
	p.root = container.NewVBox(container.NewBorder(nil, nil, nil, p.saveBtn, p.codes), p.names)
	return p
}

// Refresh shows the subjects in force.
func (p *applicationSubjectsPanel) Refresh() {
	s := p.shell
	subs, err := s.svc.Evaluation.ApplicationSubjects(s.ctx, s.actor)
	if err != nil {
		s.showError(err)
		return
	}
	p.show(subs)
}

func (p *applicationSubjectsPanel) show(subs []domain.Subject) {
	codes := make([]string, 0, len(subs))
	names := make([]string, 0, len(subs))
	for _, sub := range subs {
		codes = append(codes, sub.Code)
		names = append(names, sub.Code+" "+sub.DisplayName(i18n.Current()))
	}
	p.codes.SetText(strings.Join(codes, ", "))
	p.names.SetText(i18n.T("settings.apply_subjects.now", "Subjects", strings.Join(names, i18n.T("report.list_sep"))))
}

func (p *applicationSubjectsPanel) save() {
	s := p.shell
	if err := s.svc.Evaluation.SetApplicationSubjects(s.ctx, s.actor, []string{p.codes.Text}); err != nil {
		s.showError(err)
		return
	}
	p.Refresh()
}
