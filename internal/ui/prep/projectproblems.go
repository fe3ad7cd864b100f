package prep

// The project editor's problems: each shown under the field it concerns,
// or in the list below the target table.

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// fieldOf is where a problem is shown: the message under a field, or nil
// for the list below the target table.
func (e *projectEditor) fieldOf(key string) *widget.Label {
	switch key {
	case "problem.project.name", "problem.project.name_long":
		return e.nameMsg
	case "problem.project.type":
		return e.typMsg
	case "problem.project.subject", "problem.project.unknown_subject", "problem.project.not_expenditure":
		return e.subjectMsg
	case "problem.project.amount_negative", "problem.project.amount_text", "problem.project.amount_missing":
		return e.amountMsg
	case "problem.project.years", "problem.project.years_text":
		return e.yearsMsg
	case "problem.project.code_long", "problem.project.code_taken":
		return e.codeMsg
	case "problem.project.attribute":
		return e.attributeMsg
	case "problem.project.funding", "problem.project.funding_sum", "problem.project.funding_negative", "problem.project.funding_text":
		return e.funding.msg
	case "problem.project.annual_goal", "problem.project.text_long":
		return e.goalsMsg
	}
	return nil
}

func (e *projectEditor) showProblems(ps domain.Problems) {
	for _, l := range []*widget.Label{e.nameMsg, e.typMsg, e.subjectMsg, e.yearsMsg, e.problems,
		e.codeMsg, e.attributeMsg, e.goalsMsg, e.funding.msg} {
		e.message(l, "", widget.DangerImportance)
	}
	e.showAmount()
	e.funding.showTotal()
	e.showSubject()
	e.targets.clearMarks()
	at := map[*widget.Label][]string{}
	for _, p := range ps {
		l := e.fieldOf(p.Key)
		if l == nil {
			l = e.problems
		}
		at[l] = append(at[l], i18n.Message(p))
		if row, ok := p.Args["Row"].(int); ok {
			e.targets.markRow(row)
		}
	}
	for l, lines := range at {
		e.message(l, strings.Join(lines, "\n"), widget.DangerImportance)
	}
}

// message sets a field's message, laying the dialog out again when the
// message appears or goes, since a container does not notice by itself.
func (e *projectEditor) message(l *widget.Label, text string, imp widget.Importance) {
	was := l.Visible()
	showFieldMessage(l, text, imp)
	if was != l.Visible() && e.root != nil {
		e.root.Refresh()
	}
}

// tryClose asks before throwing away changes.

// newFieldMessage is the line under a field for hints and problems; hidden
// while empty so that the form stays compact.
func newFieldMessage() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

func showFieldMessage(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
