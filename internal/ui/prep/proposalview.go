package prep

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// proposalView is the right side of Budget preparation: the selected
// department's state, the actions its state allows, and its figures,
// projects and history.
type proposalView struct {
	shell    Host
	root     fyne.CanvasObject
	title    *widget.Label
	state    *widget.Label
	control  *widget.Label
	actions  *fyne.Container
	grid     *proposalGrid
	projects *ProjectsPanel
	history  *widget.Label
	growth   *widget.Entry
	tabs     *container.AppTabs
	suggest  *suggestionLine

	dept     string
	p        budgeting.Proposal
	onChange func() // a step was taken: the list and consolidation refresh
}

func newProposalView(s Host) *proposalView {
	v := &proposalView{shell: s,
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		state:   widget.NewLabel(""),
		control: widget.NewLabel(""),
		actions: container.NewHBox(),
		grid:    newProposalGrid(),
		history: widget.NewLabel(""),
		growth:  widget.NewEntry(),
	}
	v.history.Wrapping = fyne.TextWrapWord
	v.growth.SetText("5")
	v.projects = newProjectsPanel(s)
	v.suggest = newSuggestionLine(s)
	v.grid.onDirty = func() {}
	v.grid.onTotals = v.showControl
	v.tabs = container.NewAppTabs(
		container.NewTabItem(i18n.T("prep.tab.lines"), v.grid.root),
		container.NewTabItem(i18n.T("prep.tab.projects"), v.projects.root),
		container.NewTabItem(i18n.T("prep.tab.history"), container.NewVScroll(v.history)))
	head := container.NewHBox(v.title, v.state, layout.NewSpacer(), v.control, widget.NewLabel(i18n.T("prep.unit")))
	v.root = container.NewBorder(container.NewVBox(head, v.suggest.root, v.actions, widget.NewSeparator()), nil, nil, nil, v.tabs)
	return v
}

// show loads dept's proposal; "" clears the view.
func (v *proposalView) show(dept string) {
	v.dept = dept
	if dept == "" {
		// Nothing of the department shown before stays: not its
		// suggestion (whose buttons would decide it in this year), its
		// projects, control total or history.
		v.p = budgeting.Proposal{}
		v.title.SetText(i18n.T("prep.pick_dept"))
		v.state.SetText("")
		v.control.SetText("")
		v.actions.Objects = nil
		v.actions.Refresh()
		v.grid.set(budgeting.Proposal{}, modeView)
		v.suggest.hide()
		v.projects.Show("")
		v.history.SetText("")
		return
	}
	s := v.shell
	p, err := s.Services().Budgets.Proposal(s.Ctx(), s.Actor(), s.Year(), dept)
	if err != nil {
		s.ShowError(err)
		return
	}
	v.p = p
	v.title.SetText(p.Dept.DeptCode + " " + kit.PickName(p.Dept.DeptName, p.Dept.DeptNameEn))
	v.state.SetText(i18n.T("prep.state." + string(p.Dept.State)))
	v.state.Importance = widget.MediumImportance
	if p.Dept.State == domain.StateReturned {
		v.state.Importance = widget.DangerImportance
	}
	v.state.Refresh()
	v.grid.set(p, v.mode())
	v.suggest.show(dept)
	v.projects.Show(dept)
	v.showActions()
	v.showHistory()
}

// showControl states the control total and, while revising, how far the
// typed figures are above or below it.
func (v *proposalView) showControl(expenditure money.Amount) {
	c := v.p.Dept.ControlTotal
	switch {
	case c == nil:
		v.control.SetText("")
	case v.p.Dept.Round == 2 && expenditure > *c:
		v.control.Importance = widget.DangerImportance
		v.control.SetText(i18n.T("prep.control_over", "Amount", kit.Yuan(*c), "Over", kit.Yuan(expenditure-*c)))
	case v.p.Dept.Round == 2:
		v.control.Importance = widget.SuccessImportance
		v.control.SetText(i18n.T("prep.control_within", "Amount", kit.Yuan(*c), "Left", kit.Yuan(*c-expenditure)))
	default:
		v.control.Importance = widget.MediumImportance
		v.control.SetText(i18n.T("prep.control_total", "Amount", kit.Yuan(*c)))
	}
}

// mode is which column the user may edit in the department's state.
// A role that may not take that step (an auditor, the committee, a
// department head for control figures) reads the proposal: no entry, no
// 保存 or 填充 offered only to be refused.
func (v *proposalView) mode() gridMode {
	may := func(op permission.Op) bool { return permission.Check(v.shell.Actor(), op, v.dept) == nil }
	switch {
	case v.p.Locked:
		return modeView
	case v.p.Dept.Editable() && !may(permission.PrepEditProposal):
		return modeView
	case v.p.Dept.Editable() && v.p.Dept.Round == 1:
		return modeProposal
	case v.p.Dept.Editable():
		return modeRevised
	case v.p.Dept.ControlEditable() && may(permission.PrepIssueControl):
		return modeControl
	}
	return modeView
}

func (v *proposalView) showActions() {
	var objs []fyne.CanvasObject
	switch v.mode() {
	case modeProposal, modeRevised:
		save := widget.NewButton(i18n.T("action.save"), func() { v.save(true) })
		save.Importance = widget.HighImportance
		fill := widget.NewButton(i18n.T("prep.fill_all"), func() { v.fill(nil) })
		fillLine := widget.NewButton(i18n.T("prep.fill_line"), func() {
			if f := v.grid.focused; f != nil {
				v.fill(func(gl *gridLine) bool { return gl == f })
			}
		})
		add := widget.NewButton(i18n.T("prep.add_subject"), v.addSubject)
		v.growth.SetPlaceHolder("5")
		objs = append(objs, save, widget.NewLabel(i18n.T("prep.growth")), container.NewGridWrap(fyne.NewSize(70, v.growth.MinSize().Height), v.growth), fill, fillLine, add)
	case modeControl:
		save := widget.NewButton(i18n.T("prep.save_control"), func() { v.save(true) })
		objs = append(objs, save)
	}
	for _, a := range v.p.Dept.Allowed() {
		if v.p.Locked {
			break
		}
		a := a
		b := widget.NewButton(i18n.T("prep.action."+string(a)), func() { v.act(a) })
		if a == domain.ActSubmit || a == domain.ActApprove || a == domain.ActIssueControl {
			b.Importance = widget.HighImportance
		}
		if a == domain.ActReturn {
			b.Importance = widget.DangerImportance
		}
		if permission.Check(v.shell.Actor(), budgeting.ActionOp(a), v.dept) != nil {
			continue // a step the role may not take is not offered (the service refuses it too)
		}
		objs = append(objs, b)
	}
	v.actions.Objects = objs
	v.actions.Refresh()
}

func (v *proposalView) showHistory() {
	s := v.shell
	hist, err := s.Services().Budgets.History(s.Ctx(), s.Actor(), s.Year(), v.dept)
	if err != nil {
		s.ShowError(err)
		return
	}
	text := ""
	for i := len(hist) - 1; i >= 0; i-- {
		h := hist[i]
		line := i18n.T("prep.history_line", "At", i18n.Time(h.At), "By", i18n.UserName(h.By),
			"Action", i18n.T("prep.action."+string(h.Action)), "To", i18n.T("prep.state."+string(h.To)))
		if h.Comment != "" {
			line += i18n.T("prep.history_comment", "Comment", h.Comment)
		}
		text += line + "\n"
	}
	if text == "" {
		text = i18n.T("prep.history_none")
	}
	v.history.SetText(text)
}

// save stores what was typed; report says "saved" when it worked. It
// returns false when a cell holds something that is not an amount.
func (v *proposalView) save(report bool) bool {
	s := v.shell
	if v.dept == "" || !v.grid.dirty() {
		return true
	}
	var err error
	if v.mode() == modeControl {
		edits, ok := v.grid.controlEdits()
		if !ok {
			s.ShowError(errors.New(v.grid.firstError()))
			return false
		}
		err = s.Services().Budgets.SetControlAt(s.Ctx(), s.Actor(), s.Year(), v.dept, v.p.Dept.Version, v.p.Dept.ControlTotal, edits)
	} else {
		edits, ok := v.grid.edits()
		if !ok {
			s.ShowError(errors.New(v.grid.firstError()))
			return false
		}
		err = s.Services().Budgets.SaveProposalAt(s.Ctx(), s.Actor(), s.Year(), v.dept, v.p.Dept.Version, edits)
	}
	if err != nil {
		kit.OfferReload(s.Window(), s.ShowError, err, func() { v.show(v.dept) })
		return false
	}
	v.show(v.dept)
	if report {
		v.grid.status.Importance = widget.SuccessImportance
		v.grid.status.SetText(i18n.T("prep.saved"))
		v.grid.status.Importance = widget.DangerImportance
	}
	return true
}

// fill puts prior-year actual × (1 + growth) into the lines.
func (v *proposalView) fill(pick func(*gridLine) bool) {
	g, err := domain.ParseGrowth(v.growth.Text)
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	v.grid.fillBaseline(g, pick)
}

// act takes a step: saving first, asking for a comment where one is needed.
func (v *proposalView) act(a domain.PrepAction) {
	s := v.shell
	if !v.save(false) {
		return
	}
	switch a {
	case domain.ActReturn:
		askComment(s, i18n.T("prep.return_title"), i18n.T("prep.return_prompt"), i18n.T("prep.action.return"), true, func(c string) { v.step(a, c) })
	case domain.ActIssueControl:
		v.issueControlDialog()
	case domain.ActSubmit, domain.ActApprove:
		name := kit.PickName(v.p.Dept.DeptName, v.p.Dept.DeptNameEn)
		kit.ConfirmAction(s.Window(), i18n.T("prep.confirm_title."+string(a), "Dept", name),
			i18n.T("prep.confirm."+string(a), "Dept", name), i18n.T("prep.action."+string(a)), func() { v.step(a, "") })
	default:
		v.step(a, "")
	}
}

func (v *proposalView) step(a domain.PrepAction, comment string) {
	s := v.shell
	v.stepped(s.Services().Budgets.Transition(s.Ctx(), s.Actor(), s.Year(), v.dept, a, comment))
}

// stepped shows the outcome of a step: the refusal, or the new state
// here and in the list and consolidation.
func (v *proposalView) stepped(err error) {
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	v.show(v.dept)
	if v.onChange != nil {
		v.onChange()
	}
}

// issueControlDialog asks for the expenditure control total, proposed at
// the department's current total (or the per-line figures already set).
func (v *proposalView) issueControlDialog() {
	s := v.shell
	suggest := v.p.ExpenditureFinal()
	if decided, ok := v.suggest.decided(); ok {
		suggest = decided // the budget office's decision on last year's evaluation
	}
	if v.p.Dept.ControlTotal != nil {
		suggest = *v.p.Dept.ControlTotal
	} else if v.p.Expenditure.HasControl {
		suggest = v.p.Expenditure.Control + v.p.Projects
	}
	showIssueControl(s, kit.PickName(v.p.Dept.DeptName, v.p.Dept.DeptNameEn), v.p.ExpenditureFinal(), suggest, func(total money.Amount, comment string) {
		v.stepped(s.Services().Budgets.IssueControl(s.Ctx(), s.Actor(), s.Year(), v.dept, &total, comment))
	})
}

func (v *proposalView) addSubject() {
	s := v.shell
	if !v.save(false) {
		return
	}
	pickSubject(s, func(code string) {
		if err := s.Services().Budgets.AddLines(s.Ctx(), s.Actor(), s.Year(), v.dept, []string{code}); err != nil {
			s.ShowError(err)
			return
		}
		v.show(v.dept)
	})
}
