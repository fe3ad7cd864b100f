package prep

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Screen is Budget preparation: the year's "two ups, two downs"
// cycle by department, the budget office's consolidation, and after
// approval the monthly plan and adjustments.
type Screen struct {
	shell   Host
	Root    fyne.CanvasObject
	banner  *widget.Label
	buttons *fyne.Container
	tabs    *container.AppTabs

	depts         *prepDeptList
	proposal      *proposalView
	consolidation *consolidationView
	monthly       *MonthlyTab
	adjustments   *AdjustmentsTab
	prepTab       *container.TabItem
	consTab       *container.TabItem
	status        budgeting.Status
	cancelBtn     *widget.Button // 取消本年度编制, nil when not shown
}

func NewScreen(s Host) *Screen {
	b := &Screen{shell: s, banner: widget.NewLabel(""), buttons: container.NewHBox()}
	b.banner.Wrapping = fyne.TextWrapWord
	b.depts = newPrepDeptList()
	b.proposal = newProposalView(s)
	b.consolidation = newConsolidationView(s)
	b.monthly = newMonthlyTab(s)
	b.adjustments = newAdjustmentsTab(s)
	b.depts.onSelect = func(code string) {
		b.proposal.save(false)
		b.proposal.show(code)
	}
	b.proposal.onChange = b.Refresh
	b.monthly.OnPlanChanged = s.BudgetChanged
	b.adjustments.OnBudgetChanged = func() {
		b.monthly.Refresh()
		s.BudgetChanged()
	}
	b.consolidation.onOpen = func(code string) {
		b.tabs.Select(b.prepTab)
		b.depts.selectCode(code)
	}
	b.consolidation.onIssue = func(code string) {
		b.depts.selectCode(code)
		b.proposal.show(code)
		b.proposal.issueControlDialog()
	}
	split := container.NewHSplit(b.depts.root, b.proposal.root)
	split.Offset = 0.2
	b.prepTab = container.NewTabItem(i18n.T("prep.tab.departments"), split)
	b.consTab = container.NewTabItem(i18n.T("prep.tab.consolidation"), b.consolidation.root)
	b.tabs = container.NewAppTabs(b.prepTab, b.consTab,
		container.NewTabItem(i18n.T("prep.tab.monthly"), b.monthly.root),
		container.NewTabItem(i18n.T("prep.tab.adjustments"), b.adjustments.root))
	b.tabs.OnSelected = func(t *container.TabItem) {
		b.proposal.save(false)
		switch t.Text {
		case i18n.T("prep.tab.consolidation"):
			b.consolidation.Refresh()
		case i18n.T("prep.tab.monthly"):
			b.monthly.Refresh()
		case i18n.T("prep.tab.adjustments"):
			b.adjustments.Refresh()
		}
	}
	top := container.NewBorder(nil, nil, nil, b.buttons, b.banner)
	b.Root = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, b.tabs)
	return b
}

// Refresh reloads the shell's year: the banner, the department list, the
// open proposal and the tab in view.
func (b *Screen) Refresh() {
	s := b.shell
	st, err := s.Services().Budgets.Status(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		s.ShowError(err)
		return
	}
	b.status = st
	b.showBanner()
	b.showConsolidationTab()
	if st.Opened {
		b.depts.set(st.Departments)
		if b.depts.selected == "" && len(st.Departments) > 0 {
			b.depts.selectCode(st.Departments[0].DeptCode)
		} else {
			b.proposal.show(b.depts.selected)
		}
	} else {
		b.depts.set(nil)
		b.depts.selected = ""
		b.proposal.show("")
	}
	switch b.tabs.Selected() {
	case b.consTab:
		b.consolidation.Refresh()
	case b.prepTab:
	default:
		b.monthly.Refresh()
		b.adjustments.Refresh()
	}
}

// showBanner says where the year stands and offers the hospital-level step.
func (b *Screen) showBanner() {
	st, y := b.status, b.shell.Year()
	var buttons []fyne.CanvasObject
	b.cancelBtn = nil
	switch {
	case st.Opened && st.Locked():
		b.banner.SetText(i18n.T("prep.banner.locked", "Year", y, "Date", st.LockedAt.Format("2006-01-02"), "By", i18n.UserName(st.LockedBy)))
		buttons = append(buttons, b.nextYearButton())
	case st.Opened:
		counts := map[domain.PrepState]int{}
		for _, d := range st.Departments {
			counts[d.State]++
		}
		text := i18n.T("prep.banner.open", "Year", y, "Count", len(st.Departments))
		for _, state := range domain.PrepStates {
			if counts[state] > 0 {
				text += fmt.Sprintf("  %s %d", shortState(state), counts[state])
			}
		}
		approve, waits := b.approveButton()
		if waits != "" {
			text += "\n" + waits
		}
		if cancel, why := b.cancelButton(); cancel != nil {
			buttons = append(buttons, cancel)
			if why != "" {
				text += "\n" + why
			}
		}
		b.banner.SetText(text)
		if approve != nil {
			buttons = append(buttons, approve)
		}
	case st.ApprovedBudget:
		b.banner.SetText(i18n.T("prep.banner.imported", "Year", y))
		buttons = append(buttons, b.nextYearButton())
	default:
		b.banner.SetText(i18n.T("prep.banner.none", "Year", y))
		open := widget.NewButton(i18n.T("prep.open_cycle", "Year", y), b.openCycle)
		open.Importance = widget.HighImportance
		buttons = append(buttons, open)
	}
	b.buttons.Objects = append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)
	b.buttons.Refresh()
}

// showConsolidationTab hides 汇总审核 from a role that can take none of
// its steps (a department head), and shows it again to one that can.
func (b *Screen) showConsolidationTab() {
	a := b.shell.Actor()
	can := permission.Check(a, permission.PrepIssueControl, "") == nil || permission.Check(a, permission.PrepApproveDepartment, "") == nil
	shown := slices.Contains(b.tabs.Items, b.consTab)
	switch {
	case can && !shown:
		b.tabs.Items = slices.Insert(b.tabs.Items, 1, b.consTab)
		b.tabs.Refresh()
	case !can && shown:
		if b.tabs.Selected() == b.consTab {
			b.tabs.Select(b.prepTab)
		}
		b.tabs.Remove(b.consTab)
	}
}

// approveButton is 批复全院预算, and while it is disabled what it waits
// for (the role's permission, or departments not yet approved): a line
// of the banner, which wraps, rather than a label that widens the row.
func (b *Screen) approveButton() (*widget.Button, string) {
	st := b.status
	approve := widget.NewButton(i18n.T("prep.approve_hospital"), b.approveHospital)
	approve.Importance = widget.HighImportance
	a := b.shell.Actor()
	if permission.Check(a, permission.PrepApproveHospital, "") != nil {
		if permission.Check(a, permission.PrepApproveDepartment, "") != nil {
			return nil, "" // a department head or auditor takes no part: not shown
		}
		approve.Disable()
		return approve, i18n.T("prep.approve_hospital_by")
	}
	if !st.AllApproved() {
		waiting := 0
		for _, d := range st.Departments {
			if d.State != domain.StateApproved {
				waiting++
			}
		}
		approve.Disable()
		return approve, i18n.T("prep.approve_waits", "Count", waiting)
	}
	return approve, ""
}

func (b *Screen) nextYearButton() fyne.CanvasObject {
	next := b.shell.Year() + 1
	return widget.NewButton(i18n.T("prep.go_next_year", "Year", next), func() { b.shell.SetYear(next) })
}

func (b *Screen) openCycle() {
	s := b.shell
	kit.ConfirmAction(s.Window(), i18n.T("prep.open_cycle", "Year", s.Year()), i18n.T("prep.open_confirm", "Year", s.Year(), "Prior", s.Year()-1), i18n.T("prep.open_cycle", "Year", s.Year()), func() {
		if _, err := s.Services().Budgets.OpenCycle(s.Ctx(), s.Actor(), s.Year()); err != nil {
			s.ShowError(err)
			return
		}
		b.tabs.Select(b.prepTab)
		b.Refresh()
	})
}

func (b *Screen) approveHospital() {
	s := b.shell
	kit.ConfirmAction(s.Window(), i18n.T("prep.approve_hospital"), i18n.T("prep.approve_confirm", "Year", s.Year()), i18n.T("prep.approve_hospital_do"), func() {
		n, err := s.Services().Budgets.ApproveHospital(s.Ctx(), s.Actor(), s.Year())
		if err != nil {
			s.ShowError(err)
			return
		}
		s.Refresh()
		dialog.ShowInformation(i18n.T("prep.approve_hospital"), i18n.T("prep.approved_info", "Year", s.Year(), "Lines", strconv.Itoa(n)), s.Window())
	})
}

// SelectDepartment opens code's proposal, as choosing it in the list does.
func (b *Screen) SelectDepartment(code string) { b.depts.selectCode(code) }

// Departments are the departments listed for the year, as the actor may see them.
func (b *Screen) Departments() []domain.DeptPrep { return b.depts.all }

// ShowProposal opens dept's proposal directly, as a stale selection
// would; the service decides whether the actor may see it.
func (b *Screen) ShowProposal(dept string) { b.proposal.show(dept) }

// ProposalDept is the department whose proposal is open.
func (b *Screen) ProposalDept() string { return b.proposal.p.Dept.DeptCode }

// Flush saves what is typed in the open proposal before the screen goes.
func (b *Screen) Flush() { b.proposal.save(false) }
