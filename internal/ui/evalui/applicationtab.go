package evalui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// applicationTab edits the result-application table (结果应用): what each
// grade does to the unit's next-year budget. Budget preparation shows the
// suggestions it makes.
type applicationTab struct {
	shell   Host
	root    fyne.CanvasObject
	changes map[scoring.Grade]*widget.Entry
	status  *widget.Label
	// base names the subjects a department's suggestion applies to;
	// suggestions lists next year's suggestions, each with its base.
	base        *widget.Label
	suggestions *fyne.Container
}

func newApplicationTab(s Host) *applicationTab {
	a := &applicationTab{shell: s, changes: map[scoring.Grade]*widget.Entry{}, status: widget.NewLabel(""),
		base: widget.NewLabel(""), suggestions: container.NewVBox()}
	a.status.Wrapping = fyne.TextWrapWord
	a.base.Wrapping = fyne.TextWrapWord
	form := widget.NewForm()
	for _, g := range scoring.Grades {
		e := widget.NewEntry()
		a.changes[g] = e
		form.Append(i18n.T("apply.change_for", "Grade", kit.GradeName(g)), e)
	}
	save := widget.NewButton(i18n.T("action.save"), a.save)
	save.Importance = widget.HighImportance
	intro := widget.NewLabel(i18n.T("apply.intro"))
	intro.Wrapping = fyne.TextWrapWord
	a.root = container.NewVScroll(container.NewVBox(intro, container.NewGridWrap(fyne.NewSize(420, form.MinSize().Height), form),
		container.NewHBox(save), a.status, widget.NewSeparator(), a.base, a.suggestions))
	return a
}

// Refresh shows the table in force.
func (a *applicationTab) Refresh() {
	s := a.shell
	t, err := s.Services().Evaluation.ApplicationTable(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	for _, row := range t {
		if e := a.changes[row.Grade]; e != nil {
			e.SetText(strconv.FormatFloat(row.ChangePct, 'f', -1, 64))
		}
	}
	a.status.SetText("")
	a.showSuggestions()
}

// showSuggestions lists the changes suggested for the year after the one
// shown, each with its base: the subjects a department's base sums (set
// in Settings) and the amount, or a project's amount.
func (a *applicationTab) showSuggestions() {
	s := a.shell
	subs, err := s.Services().Evaluation.ApplicationSubjects(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	a.base.SetText(i18n.T("apply.base", "Subjects", subjectNames(subs)))
	a.suggestions.RemoveAll()
	sugg, err := s.Services().Evaluation.Suggestions(s.Ctx(), s.Actor(), s.Year()+1)
	if err != nil {
		a.suggestions.Add(widget.NewLabel(i18n.Message(err)))
		return
	}
	if len(sugg) == 0 {
		a.suggestions.Add(widget.NewLabel(i18n.T("apply.no_suggestions", "Year", s.Year()+1)))
	}
	for _, g := range sugg {
		base := i18n.T("suggest.base_project")
		if len(g.BaseSubjects) > 0 {
			base = subjectNames(g.BaseSubjects)
		}
		l := widget.NewLabel(i18n.T("apply.suggestion", "Unit", kit.PickName(g.Unit.Name, g.Unit.NameEn), "Grade", kit.GradeName(g.Grade),
			"Subjects", base, "Base", kit.Yuan(g.Base), "Change", i18n.SignedPercent(g.Application.ChangePct/100),
			"Suggested", kit.Yuan(g.Suggested), "State", i18n.T("suggest.state."+g.State)))
		l.Wrapping = fyne.TextWrapWord
		a.suggestions.Add(l)
	}
}

// subjectNames lists subjects as code and name.
func subjectNames(subs []domain.Subject) string {
	names := make([]string, 0, len(subs))
	for _, sub := range subs {
		names = append(names, sub.Code+" "+sub.DisplayName(i18n.Current()))
	}
	return strings.Join(names, i18n.T("report.list_sep"))
}

func (a *applicationTab) save() {
	s := a.shell
	t, err := s.Services().Evaluation.ApplicationTable(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	for i, row := range t {
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(a.changes[row.Grade].Text), "%"))
		pct, err := strconv.ParseFloat(text, 64)
		if err != nil {
			a.status.Importance = widget.DangerImportance
			a.status.SetText(i18n.T("apply.not_a_rate", "Grade", kit.GradeName(row.Grade), "Text", a.changes[row.Grade].Text))
			return
		}
		t[i].ChangePct = pct
	}
	if err := s.Services().Evaluation.SetApplicationTable(s.Ctx(), s.Actor(), t); err != nil {
		s.ShowError(err)
		return
	}
	a.status.Importance = widget.SuccessImportance
	var parts []string
	for _, row := range t {
		parts = append(parts, fmt.Sprintf("%s %+g%%", kit.GradeName(row.Grade), row.ChangePct))
	}
	a.status.SetText(i18n.T("apply.saved", "Table", strings.Join(parts, "，")))
	a.showSuggestions()
}
