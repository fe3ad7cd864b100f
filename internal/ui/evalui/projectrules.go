package evalui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// projectRulesTab edits the rules a project is judged by against its own
// targets (项目自评规则, 财预〔2020〕10号): the points of budget execution,
// output, benefit and satisfaction, the factor beyond which a target
// counts as set too low and the share of points that costs. The service
// checks them; its refusal is shown in words under the form.
type projectRulesTab struct {
	shell Host
	root  fyne.CanvasObject

	execution, output, benefit, satisfaction *widget.Entry
	factor, deduct                           *widget.Entry
	save, defaults                           *widget.Button
	status                                   *widget.Label // the rule's verdict while typing, saved, or the refusal
	roleNote                                 *widget.Label // why the form is read-only
}

// projectRuleFields name the entries in the order of ruleEntries.
var projectRuleFields = []string{"projrules.execution", "projrules.output", "projrules.benefit", "projrules.satisfaction",
	"projrules.factor", "projrules.deduct"}

func newProjectRulesTab(s Host) *projectRulesTab {
	r := &projectRulesTab{shell: s}
	for _, e := range []**widget.Entry{&r.execution, &r.output, &r.benefit, &r.satisfaction, &r.factor, &r.deduct} {
		*e = widget.NewEntry()
		(*e).OnChanged = func(string) { r.showCheck() }
	}
	suffix := func(e *widget.Entry, unit string) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(unit), e)
	}
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("projrules.execution"), suffix(r.execution, i18n.T("projrules.points"))),
		widget.NewFormItem(i18n.T("projrules.output"), suffix(r.output, i18n.T("projrules.points"))),
		widget.NewFormItem(i18n.T("projrules.benefit"), suffix(r.benefit, i18n.T("projrules.points"))),
		widget.NewFormItem(i18n.T("projrules.satisfaction"), suffix(r.satisfaction, i18n.T("projrules.points"))),
		widget.NewFormItem(i18n.T("projrules.factor"), suffix(r.factor, i18n.T("projrules.times"))),
		widget.NewFormItem(i18n.T("projrules.deduct"), suffix(r.deduct, "%")),
	)
	r.save = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), r.saveRules)
	r.save.Importance = widget.HighImportance
	r.defaults = widget.NewButtonWithIcon(i18n.T("projrules.defaults"), theme.ContentUndoIcon(), func() { r.show(scoring.DefaultProjectRules) })
	title := widget.NewLabelWithStyle(i18n.T("projrules.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(i18n.T("projrules.intro"))
	intro.Wrapping = fyne.TextWrapWord
	r.status, r.roleNote = wrapLabel(), wrapLabel()
	r.roleNote.Importance = widget.WarningImportance
	r.root = container.NewVBox(title, intro, r.roleNote,
		container.NewGridWrap(fyne.NewSize(460, form.MinSize().Height), form),
		container.NewHBox(r.defaults, r.save), r.status)
	return r
}

func wrapLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func setNote(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// Refresh shows the rules in force and whether the signed-in user may
// change them: a role without IndicatorsEdit sees them read-only, with
// the service's own refusal as the reason.
func (r *projectRulesTab) Refresh() {
	s := r.shell
	rules, err := s.Services().Evaluation.ProjectRules(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	r.show(rules)
	if err := permission.Check(s.Actor(), permission.IndicatorsEdit, ""); err != nil {
		for _, e := range r.entries() {
			e.Disable()
		}
		r.save.Disable()
		r.defaults.Disable()
		setNote(r.roleNote, i18n.T("projrules.read_only", "Reason", i18n.Message(err)), widget.WarningImportance)
		return
	}
	for _, e := range r.entries() {
		e.Enable()
	}
	r.save.Enable()
	r.defaults.Enable()
	setNote(r.roleNote, "", widget.MediumImportance)
}

func (r *projectRulesTab) entries() []*widget.Entry {
	return []*widget.Entry{r.execution, r.output, r.benefit, r.satisfaction, r.factor, r.deduct}
}

// show puts rules in the entries; the deduction is shown in percent.
func (r *projectRulesTab) show(rules scoring.ProjectRules) {
	vals := []float64{rules.Execution, rules.Output, rules.Benefit, rules.Satisfaction, rules.OverFactor, rules.OverDeduct * 100}
	for i, e := range r.entries() {
		e.SetText(i18n.Number(vals[i]))
	}
	r.showCheck()
}

// read is the rules typed; ok is false with the message for an entry that
// holds no number.
func (r *projectRulesTab) read() (scoring.ProjectRules, string, bool) {
	var v [6]float64
	for i, e := range r.entries() {
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(e.Text), "%"))
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return scoring.ProjectRules{}, i18n.T("projrules.not_a_number", "Field", i18n.T(projectRuleFields[i]), "Text", e.Text), false
		}
		v[i] = f
	}
	return scoring.ProjectRules{Execution: v[0], Output: v[1], Benefit: v[2], Satisfaction: v[3], OverFactor: v[4], OverDeduct: v[5] / 100}, "", true
}

// showCheck says while typing what the rule (ProjectRules.Validate) will
// refuse, so the sum of the points is right before saving; the line under
// the buttons then reports the save.
func (r *projectRulesTab) showCheck() {
	rules, msg, ok := r.read()
	switch {
	case !ok:
		setNote(r.status, msg, widget.DangerImportance)
	case len(rules.Validate()) > 0:
		setNote(r.status, i18n.Message(rules.Validate()), widget.DangerImportance)
	default:
		setNote(r.status, "", widget.MediumImportance)
	}
	if r.root != nil {
		r.root.Refresh()
	}
}

func (r *projectRulesTab) saveRules() {
	s := r.shell
	rules, msg, ok := r.read()
	if !ok {
		setNote(r.status, msg, widget.DangerImportance)
		return
	}
	if err := s.Services().Evaluation.SetProjectRules(s.Ctx(), s.Actor(), rules); err != nil {
		setNote(r.status, i18n.Message(err), widget.DangerImportance)
		return
	}
	setNote(r.status, i18n.T("projrules.saved", "Execution", i18n.Number(rules.Execution), "Output", i18n.Number(rules.Output),
		"Benefit", i18n.Number(rules.Benefit), "Satisfaction", i18n.Number(rules.Satisfaction),
		"Factor", i18n.Number(rules.OverFactor), "Deduct", i18n.WeightPercent(rules.OverDeduct)), widget.SuccessImportance)
}
