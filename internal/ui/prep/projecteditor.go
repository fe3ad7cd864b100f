package prep

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// projectEditor is the dialog that creates or changes a project budget
// with its performance target table. It stays open until the project is
// saved or the user gives it up, so nothing typed is lost to a problem.
type projectEditor struct {
	panel    *ProjectsPanel
	orig     domain.Project
	readOnly bool
	dirty    bool

	name, amount, start, end, desc     *widget.Entry
	code, responsible                  *widget.Entry
	longGoal, annualGoal               *widget.Entry
	typ, attribute                     *widget.Select
	subject                            *widget.SelectEntry
	nameMsg, typMsg, subjectMsg        *widget.Label
	amountMsg, yearsMsg, problems      *widget.Label
	codeMsg, attributeMsg, goalsMsg    *widget.Label
	funding                            *fundingFields
	targets                            *targetTable
	addTarget, templates, save, cancel *widget.Button
	subjects                           subjectChoices
	root                               fyne.CanvasObject
	dialog                             *dialog.CustomDialog
}

// newProjectEditor builds the editor for p; readOnly shows it without
// letting anything change (the department has submitted).
func newProjectEditor(panel *ProjectsPanel, p domain.Project, readOnly bool) *projectEditor {
	s := panel.shell
	e := &projectEditor{panel: panel, orig: p, readOnly: readOnly}
	subjects, err := s.Services().Master.Subjects(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
	}
	e.subjects = newSubjectChoices(subjects)

	e.name = widget.NewEntry()
	e.name.SetText(p.Name)
	e.name.SetPlaceHolder(i18n.T("projects.name_hint"))
	e.typ = kit.NewSelect(projectTypeLabels(), nil)
	e.typ.PlaceHolder = i18n.T("projects.choose")
	for i, t := range domain.ProjectTypes {
		if t == p.Type {
			e.typ.SetSelectedIndex(i)
		}
	}
	e.subject = widget.NewSelectEntry(e.subjects.labels)
	e.subject.SetText(e.subjects.labelOf(p.SubjectCode))
	e.subject.SetPlaceHolder(i18n.T("projects.subject_hint"))
	e.amount = widget.NewEntry()
	if p.ID != 0 {
		e.amount.SetText(money.FormatPlain(p.Amount))
	}
	e.amount.SetPlaceHolder("1,234.5 / 12.3万")
	e.start, e.end = widget.NewEntry(), widget.NewEntry()
	e.start.SetText(projectYearText(p.StartYear, p.Year))
	e.end.SetText(projectYearText(p.EndYear, p.Year))
	e.desc = widget.NewMultiLineEntry()
	e.desc.SetText(p.Description)
	e.desc.SetMinRowsVisible(3)
	e.desc.Wrapping = fyne.TextWrapWord
	e.desc.SetPlaceHolder(i18n.T("projects.description_hint"))
	e.formFields(p)
	e.nameMsg, e.typMsg, e.subjectMsg = newFieldMessage(), newFieldMessage(), newFieldMessage()
	e.amountMsg, e.yearsMsg = newFieldMessage(), newFieldMessage()
	e.codeMsg, e.attributeMsg, e.goalsMsg = newFieldMessage(), newFieldMessage(), newFieldMessage()
	e.problems = newFieldMessage()
	e.problems.SizeName = theme.SizeNameText

	e.targets = newTargetTable(e.changed)
	e.targets.readOnly = readOnly
	for _, t := range p.Targets {
		e.targets.add(t)
	}
	e.addTarget = widget.NewButtonWithIcon(i18n.T("projects.add_target"), theme.ContentAddIcon(), func() {
		e.targets.add(domain.Target{Category: e.targets.nextCategory(), Direction: domain.DirHigher})
		e.changed()
	})
	e.templates = widget.NewButtonWithIcon(i18n.T("projects.templates"), theme.MenuDropDownIcon(), e.showTemplates)
	e.save = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), e.trySave)
	e.save.Importance = widget.HighImportance
	e.cancel = widget.NewButton(i18n.T("action.cancel"), e.tryClose)
	e.showAmount()
	e.funding.showTotal()
	e.wire()
	if readOnly {
		e.disable()
	}

	title := i18n.T("projects.add")
	switch {
	case readOnly:
		title = i18n.T("projects.view_title", "Name", p.Name)
	case p.ID != 0:
		title = i18n.T("projects.edit_title", "Name", p.Name)
	}
	e.root = e.content()
	e.dialog = dialog.NewCustomWithoutButtons(title, e.root, s.Window())
	e.dialog.SetButtons([]fyne.CanvasObject{e.cancel, e.save})
	// Sized for 1366×768 office screens, leaving the window edges visible;
	// the fields scroll above the target table.
	e.dialog.Resize(fyne.NewSize(1100, 736))
	return e
}

// wire attaches the change callbacks once the initial values are in, so
// that filling the form does not count as an edit.
func (e *projectEditor) wire() {
	changed := func(string) { e.changed() }
	e.name.OnChanged, e.typ.OnChanged, e.start.OnChanged, e.end.OnChanged, e.desc.OnChanged = changed, changed, changed, changed, changed
	e.code.OnChanged, e.attribute.OnChanged, e.responsible.OnChanged = changed, changed, changed
	e.longGoal.OnChanged, e.annualGoal.OnChanged = changed, changed
	e.amount.OnChanged = func(string) { e.changed(); e.showAmount(); e.funding.showTotal() }
	e.funding.onChanged(func() { e.changed(); e.funding.showTotal() })
	e.subject.OnChanged = func(text string) {
		e.changed()
		// Typing narrows the drop-down to the matching subjects, which
		// makes a 60-entry catalogue searchable by code or name.
		e.subject.SetOptions(e.subjects.filter(text))
		e.showSubject()
	}
}

func (e *projectEditor) changed() { e.dirty = true }

func (e *projectEditor) disable() {
	for _, w := range []fyne.Disableable{e.name, e.typ, e.subject, e.amount, e.start, e.end, e.desc,
		e.code, e.attribute, e.responsible, e.longGoal, e.annualGoal} {
		w.Disable()
	}
	e.funding.disable()
	e.addTarget.Hide()
	e.templates.Hide()
	e.save.Hide()
	e.cancel.SetText(i18n.T("action.close"))
}

// content lays the dialog out: the project fields on top in two columns
// (what the project is on the left; its money, with the funding split, on
// the right), the description and the overall targets side by side under
// them, scrolling when the window is small; the target table below, the
// two parts split so that either can be given more room; the problems at
// the bottom.
func (e *projectEditor) content() fyne.CanvasObject {
	yearBox := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(90, e.MinSize().Height), e)
	}
	years := container.NewHBox(yearBox(e.start), widget.NewLabel(i18n.T("projects.years_to")), yearBox(e.end))
	left := widget.NewForm(
		widget.NewFormItem(i18n.T("projects.name"), container.NewVBox(e.name, e.nameMsg)),
		widget.NewFormItem(i18n.T("projects.code"), container.NewVBox(e.code, e.codeMsg)),
		widget.NewFormItem(i18n.T("projects.type"), container.NewVBox(e.typ, e.typMsg)),
		widget.NewFormItem(i18n.T("projects.attribute"), container.NewVBox(e.attribute, e.attributeMsg)),
		widget.NewFormItem(i18n.T("projects.subject"), container.NewVBox(e.subject, e.subjectMsg)),
		widget.NewFormItem(i18n.T("projects.years"), container.NewVBox(years, e.yearsMsg)),
		widget.NewFormItem(i18n.T("projects.responsible"), e.responsible),
	)
	right := widget.NewForm(widget.NewFormItem(i18n.T("projects.amount"), container.NewVBox(e.amount, e.amountMsg)))
	for _, it := range e.funding.formItems() {
		right.AppendItem(it)
	}
	text := func(key string, entry *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, entry)
	}
	texts := container.NewGridWithColumns(3, text("projects.description", e.desc),
		text("projects.long_goal", e.longGoal), text("projects.annual_goal", e.annualGoal))
	fields := container.NewVBox(container.NewGridWithColumns(2, left, right), texts, e.goalsMsg)

	rule := widget.NewLabelWithStyle(i18n.T("projects.target_rule"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	rule.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(i18n.T("projects.targets_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, container.NewHBox(e.templates, e.addTarget), rule)
	table := container.NewBorder(e.targets.header(), nil, nil, nil, container.NewVScroll(e.targets.box))
	targets := container.NewBorder(container.NewVBox(widget.NewSeparator(), bar), nil, nil, nil, table)
	split := container.NewVSplit(container.NewVScroll(fields), targets)
	split.Offset = 0.64
	return container.NewBorder(nil, e.problems, nil, nil, split)
}

// formFields makes the fields the bureau's forms print: the code, the
// attribute, the person responsible, the funding split and the overall
// targets.
func (e *projectEditor) formFields(p domain.Project) {
	e.code = widget.NewEntry()
	e.code.SetText(p.Code)
	e.code.SetPlaceHolder(i18n.T("projects.code_hint", "Year", p.Year))
	e.attribute = kit.NewSelect(projectAttributeLabels(), nil)
	e.attribute.PlaceHolder = i18n.T("projects.attribute_auto")
	for i, a := range domain.ProjectAttributes {
		if a == p.Attribute {
			e.attribute.SetSelectedIndex(i)
		}
	}
	e.responsible = widget.NewEntry()
	e.responsible.SetText(p.Responsible)
	e.responsible.SetPlaceHolder(i18n.T("projects.responsible_hint"))
	goal := func(text, hint string) *widget.Entry {
		g := widget.NewMultiLineEntry()
		g.SetText(text)
		g.SetMinRowsVisible(3)
		g.Wrapping = fyne.TextWrapWord
		g.SetPlaceHolder(i18n.T(hint))
		return g
	}
	e.longGoal = goal(p.LongTermGoal, "projects.long_goal_hint")
	e.annualGoal = goal(p.AnnualGoal, "projects.annual_goal_hint")
	e.funding = newFundingFields(p.Funding, e.amountValue)
	e.funding.message = e.message
}

// amountValue is the project amount typed, ok false while there is none.
func (e *projectEditor) amountValue() (money.Amount, bool) {
	text := strings.TrimSpace(e.amount.Text)
	if text == "" {
		return 0, false
	}
	a, pr := parseProjectAmount(text)
	return a, pr == nil
}

func (e *projectEditor) projectAttribute() domain.ProjectAttribute {
	if i := e.attribute.SelectedIndex(); i >= 0 {
		return domain.ProjectAttributes[i]
	}
	return ""
}

// showTemplates offers the typical indicators of the chosen project type.
func (e *projectEditor) showTemplates() {
	var items []*fyne.MenuItem
	for _, t := range templatesFor(e.projectType()) {
		items = append(items, fyne.NewMenuItem(t.label(), func() { e.addTemplate(t) }))
	}
	c := e.panel.shell.Window().Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.templates).Add(fyne.NewPos(0, e.templates.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// addTemplate fills the first blank row with t, or adds a row.
func (e *projectEditor) addTemplate(t targetTemplate) {
	for i, r := range e.targets.rows {
		if r.blank() {
			e.targets.rows = append(e.targets.rows[:i], e.targets.rows[i+1:]...)
			break
		}
	}
	e.targets.add(t.target())
	e.changed()
}

func (e *projectEditor) projectType() domain.ProjectType {
	if i := e.typ.SelectedIndex(); i >= 0 {
		return domain.ProjectTypes[i]
	}
	return ""
}

// showAmount says under the amount what was understood, so that 12.3万
// is seen to be ¥123,000.00 before saving.
func (e *projectEditor) showAmount() {
	text := strings.TrimSpace(e.amount.Text)
	if text == "" {
		e.message(e.amountMsg, i18n.T("projects.amount_hint"), widget.LowImportance)
		return
	}
	a, pr := parseProjectAmount(text)
	if pr != nil {
		e.message(e.amountMsg, i18n.Message(pr), widget.DangerImportance)
		return
	}
	e.message(e.amountMsg, "= "+money.Format(a), widget.MediumImportance)
}

// showSubject confirms the subject typed or picked, by its name.
func (e *projectEditor) showSubject() {
	code := e.subjects.resolve(e.subject.Text)
	if label, ok := e.subjects.byCode[code]; ok && label != strings.TrimSpace(e.subject.Text) {
		e.message(e.subjectMsg, label, widget.MediumImportance)
	} else {
		e.message(e.subjectMsg, "", widget.LowImportance)
	}
}

// parseProjectAmount reads the amount in yuan; a problem when it is not one.
func parseProjectAmount(text string) (money.Amount, *domain.Problem) {
	r, err := money.Parse(text, money.Yuan)
	if err != nil {
		return 0, domain.NewProblem("problem.project.amount_text", "\"{{.Text}}\" is not an amount: type it in yuan, e.g. 1,234.5 or 12.3万.", "Text", text)
	}
	return r.Amount, nil
}

// collect reads the form into a project, with the problems of text that
// is not a number; the service judges the rest.
func (e *projectEditor) collect() (domain.Project, domain.Problems) {
	p := e.orig
	var ps domain.Problems
	p.Name = e.name.Text
	p.Type = e.projectType()
	p.SubjectCode = e.subjects.resolve(e.subject.Text)
	p.Description = e.desc.Text
	p.Code = strings.TrimSpace(e.code.Text)
	p.Attribute = e.projectAttribute()
	p.Responsible = strings.TrimSpace(e.responsible.Text)
	p.LongTermGoal = strings.TrimSpace(e.longGoal.Text)
	p.AnnualGoal = strings.TrimSpace(e.annualGoal.Text)
	var fps domain.Problems
	p.Funding, fps = e.funding.read()
	ps = append(ps, fps...)
	p.Amount = 0
	if text := strings.TrimSpace(e.amount.Text); text == "" {
		ps = append(ps, domain.NewProblem("problem.project.amount_missing", "Give the project amount in yuan, e.g. 1,234.5 or 12.3万."))
	} else if a, pr := parseProjectAmount(text); pr != nil {
		ps = append(ps, pr)
	} else {
		p.Amount = a
	}
	var yearsOK bool
	p.StartYear, p.EndYear, yearsOK = parseProjectYears(e.start.Text, e.end.Text, p.Year)
	if !yearsOK {
		ps = append(ps, domain.NewProblem("problem.project.years_text", "Give the start and end years as four digits, e.g. {{.Year}}.", "Year", p.Year))
	}
	p.Targets = e.targets.targets()
	return p, ps
}

// parseProjectYears reads the year entries; an empty one is the budget
// year (the service's default too). ok is false for text that is no year.
func parseProjectYears(start, end string, year int) (int, int, bool) {
	read := func(s string) (int, bool) {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "年"))
		if s == "" {
			return year, true
		}
		y, err := strconv.Atoi(s)
		return y, err == nil && domain.ValidYear(y)
	}
	a, okA := read(start)
	b, okB := read(end)
	if !okA || !okB {
		// Keep the others' checks quiet about the years already reported.
		return year, year, false
	}
	return a, b, true
}

// trySave checks and saves; on problems the dialog stays open with each
// problem shown at its field, or below the table.
func (e *projectEditor) trySave() {
	s := e.panel.shell
	p, ps := e.collect()
	if len(ps) > 0 {
		// Show the form's own problems together with the rules the
		// service would apply, so that one round finds them all.
		e.showProblems(append(ps, p.Validate()...))
		return
	}
	id, err := s.Services().Budgets.SaveProject(s.Ctx(), s.Actor(), p)
	if err != nil {
		if ps := domain.AsProblems(err); len(ps) == 1 && ps[0].Key == domain.ChangedKey {
			kit.OfferReload(s.Window(), s.ShowError, err, e.reload)
			return
		}
		if ps := domain.AsProblems(err); ps != nil {
			e.showProblems(ps)
			return
		}
		s.ShowError(err)
		return
	}
	e.dirty = false
	e.dialog.Hide()
	e.panel.Refresh()
	e.panel.selectProject(id)
}

// reload drops what was typed and opens the project as it is saved now
// (someone else saved it from another PC).
func (e *projectEditor) reload() {
	e.dirty = false
	e.dialog.Hide()
	e.panel.Refresh()
	for _, pr := range e.panel.projects {
		if pr.ID == e.orig.ID {
			e.panel.openEditor(pr, e.readOnly)
			return
		}
	}
}

func (e *projectEditor) tryClose() {
	if !e.dirty || e.readOnly {
		e.dialog.Hide()
		return
	}
	d := dialog.NewConfirm(i18n.T("projects.discard_title"), i18n.T("projects.discard"), func(ok bool) {
		if ok {
			e.dialog.Hide()
		}
	}, e.panel.shell.Window())
	d.SetConfirmText(i18n.T("projects.discard_yes"))
	d.SetDismissText(i18n.T("projects.discard_no"))
	d.Show()
}

func projectYearText(y, def int) string {
	if y == 0 {
		y = def
	}
	return strconv.Itoa(y)
}

func projectAttributeLabels() []string {
	out := make([]string, len(domain.ProjectAttributes))
	for i, a := range domain.ProjectAttributes {
		out[i] = i18n.T("project.attribute." + string(a))
	}
	return out
}

func projectTypeLabels() []string {
	out := make([]string, len(domain.ProjectTypes))
	for i, t := range domain.ProjectTypes {
		out[i] = i18n.T("project.type." + string(t))
	}
	return out
}
