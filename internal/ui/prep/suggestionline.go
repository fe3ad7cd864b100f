package prep

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// suggestionLine shows, above a department's proposal, what last year's
// evaluation suggests for its budget (结果应用), with accept and override.
type suggestionLine struct {
	shell Host
	root  *fyne.Container
	text  *widget.Label
	sugg  *evaluation.Suggestion
	// onDecided runs after a decision, so the proposal can use the amount.
	onDecided func()
}

func newSuggestionLine(s Host) *suggestionLine {
	l := &suggestionLine{shell: s, text: widget.NewLabel("")}
	l.text.Wrapping = fyne.TextWrapWord
	l.root = container.NewBorder(nil, nil, nil, container.NewHBox(), l.text)
	l.root.Hide()
	return l
}

// hide shows no suggestion (no department is open).
func (l *suggestionLine) hide() {
	l.sugg = nil
	l.root.Hide()
}

// show finds the suggestion for dept in the shell's year; hidden if none.
func (l *suggestionLine) show(dept string) {
	s := l.shell
	l.sugg = nil
	all, err := s.Services().Evaluation.Suggestions(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		l.root.Hide()
		return
	}
	for i := range all {
		if all[i].Unit.Kind == scoring.DepartmentScheme && all[i].Unit.Code == dept {
			l.sugg = &all[i]
		}
	}
	if l.sugg == nil {
		l.root.Hide()
		return
	}
	g := l.sugg
	text := i18n.T("suggest.line", "Year", g.EvalYear, "Grade", kit.GradeName(g.Grade), "Score", fmt.Sprintf("%.2f", g.Score),
		"Change", i18n.SignedPercent(g.Application.ChangePct/100), "Base", kit.Yuan(g.Base), "Suggested", kit.Yuan(g.Suggested))
	if len(g.BaseSubjects) > 0 {
		names := make([]string, 0, len(g.BaseSubjects))
		for _, sub := range g.BaseSubjects {
			names = append(names, sub.Code+" "+sub.DisplayName(i18n.Current()))
		}
		text += " " + i18n.T("suggest.base_of", "Subjects", strings.Join(names, i18n.T("report.list_sep")))
	}
	if g.Application.NoteKey != "" {
		text += " " + i18n.T(g.Application.NoteKey)
	}
	buttons := l.root.Objects[1].(*fyne.Container)
	buttons.Objects = nil
	switch g.State {
	case "accepted":
		text += " " + i18n.T("suggest.accepted", "Amount", kit.Yuan(*g.Decided))
	case "overridden":
		text += " " + i18n.T("suggest.overridden", "Amount", kit.Yuan(*g.Decided), "Reason", g.Reason)
	default:
		accept := widget.NewButton(i18n.T("suggest.accept"), func() { l.decide(true, g.Suggested, "") })
		accept.Importance = widget.HighImportance
		buttons.Objects = []fyne.CanvasObject{accept, widget.NewButton(i18n.T("suggest.override"), l.override)}
		if permission.Check(l.shell.Actor(), permission.PrepIssueControl, "") != nil {
			// The budget office decides: others are told so instead of
			// buttons that would refuse after the click.
			buttons.Objects = nil
			text += " " + i18n.T("suggest.office_decides")
		}
	}
	l.text.SetText(text)
	l.text.Importance = widget.MediumImportance
	if g.Grade == scoring.Poor || g.Grade == scoring.Fair {
		l.text.Importance = widget.WarningImportance
	}
	buttons.Refresh()
	l.root.Show()
}

func (l *suggestionLine) override() {
	s := l.shell
	amount := widget.NewEntry()
	amount.SetText(kit.Yuan(l.sugg.Suggested))
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	form := widget.NewForm(widget.NewFormItem(i18n.T("suggest.amount"), amount), widget.NewFormItem(i18n.T("suggest.reason"), reason))
	d := dialog.NewCustomConfirm(i18n.T("suggest.override"), i18n.T("action.save"), i18n.T("action.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		a, err := kit.ParseAmount(amount.Text)
		if err != nil {
			s.ShowError(err)
			return
		}
		l.decide(false, a, strings.TrimSpace(reason.Text))
	}, s.Window())
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

func (l *suggestionLine) decide(accept bool, amount money.Amount, reason string) {
	s := l.shell
	if err := s.Services().Evaluation.DecideSuggestion(s.Ctx(), s.Actor(), l.sugg.ID, accept, amount, reason); err != nil {
		s.ShowError(err)
		return
	}
	l.show(l.sugg.Unit.Code)
	if l.onDecided != nil {
		l.onDecided()
	}
}

// decided is the amount the budget office settled on, if any: issuing
// control figures starts from it.
func (l *suggestionLine) decided() (money.Amount, bool) {
	if l.sugg == nil || l.sugg.Decided == nil {
		return 0, false
	}
	return *l.sugg.Decided, true
}
