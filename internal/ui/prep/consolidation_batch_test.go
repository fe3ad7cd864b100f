package prep

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// tapCounter taps for the test and counts the budget office's taps.
type tapCounter struct {
	t *testing.T
	s *testHost
	n int
}

func (c *tapCounter) button(o fyne.CanvasObject, text string) {
	c.t.Helper()
	c.n++
	tapButton(c.t, o, text)
}

func (c *tapCounter) confirm() {
	c.t.Helper()
	c.n++
	confirmTop(c.t, c.s)
}

// tick taps a checkbox in the middle of its box, where a click toggles it.
func (c *tapCounter) tick(ch *widget.Check) {
	c.n++
	test.TapAt(ch, fyne.NewPos(ch.MinSize().Width/2, ch.Size().Height/2))
}

// submitAll takes every department's step up as the departments do
// (their own screens, not the budget office's taps): a first proposal at
// the prior year's budget, or the revision as issued.
func submitAll(t *testing.T, s *testHost, first bool) {
	t.Helper()
	st, err := s.svc.Budgets.Status(s.ctx, s.actor, 2027)
	must(t, err)
	for _, d := range st.Departments {
		if first {
			pr, err := s.svc.Budgets.Proposal(s.ctx, s.actor, 2027, d.DeptCode)
			must(t, err)
			var edits []budgeting.LineEdit
			for _, l := range pr.Lines {
				edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: l.PriorBudget})
			}
			must(t, s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, d.DeptCode, edits))
		}
		if d.State == domain.StateDraft || d.State == domain.StateReturned || d.State == domain.StateControlIssued {
			must(t, s.svc.Budgets.Transition(s.ctx, s.actor, 2027, d.DeptCode, domain.ActSubmit, ""))
		}
	}
	s.Refresh()
}

// The budget office takes the demo hospital's 2027 cycle from the
// departments' first proposals to the approved hospital budget through the
// consolidation's batch actions, in under 30 taps: control figures to all,
// one department returned and re-issued, approval for all, the hospital
// approved.
func TestBatchCycleUnder30Taps(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	b := s.prep
	tap := &tapCounter{t: t, s: s}
	tap.button(b.Root, "启动2027年预算编制")
	tap.confirm()
	submitAll(t, s, true)
	tap.n++ // the 汇总审核 tab
	b.tabs.Select(b.consTab)
	v, bar := b.consolidation, b.consolidation.batch
	if n := len(v.c.Departments); n != 28 {
		t.Fatalf("%d departments in the consolidation", n)
	}

	// Control figures to all at the proposals (0%).
	tap.tick(bar.all)
	if len(bar.selected()) != 28 || !hasText(bar.root, "已选 28 个科室") {
		t.Fatalf("select all: %d, %q", len(bar.selected()), texts(bar.root))
	}
	tap.button(bar.root, "批量下达控制数")
	if !hasText(s.win.Canvas().Overlays().Top(), "所选 28 个科室") {
		t.Errorf("the confirmation does not name the count: %q", texts(s.win.Canvas().Overlays().Top()))
	}
	tap.confirm()
	for _, d := range v.c.Departments {
		if d.State != domain.StateControlIssued || d.Control == nil || *d.Control != d.ExpProposal {
			t.Fatalf("%s after the batch: %s control %v proposal %s", d.DeptCode, d.State, d.Control, d.ExpProposal)
		}
	}

	// Approving now is refused for each, by name; nothing changes.
	tap.button(bar.root, "批量批复")
	tap.confirm()
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "完成 0 个，未办理 28 个") || !hasText(top, v.c.Departments[0].DeptName) {
		t.Fatalf("refusals not named: %v", top)
	}
	tap.button(top, "确定")

	// Second up; one department (儿科 103) is returned and re-issued.
	submitAll(t, s, false)
	tap.tick(bar.all) // untick all
	row := rowOf(t, v, "103")
	tap.tick(checkAt(t, v, row))
	if got := bar.selected(); len(got) != 1 || got[0].DeptCode != "103" {
		t.Fatalf("ticked %v", got)
	}
	tap.button(bar.root, "批量退回")
	entriesIn(s.win.Canvas().Overlays().Top())[0].SetText("压减办公费。")
	tap.confirm()
	if d := v.c.Departments[row]; d.State != domain.StateReturned {
		t.Fatalf("103 after return: %s", d.State)
	}
	submitAll(t, s, false)

	// The committee approves all; the hospital budget is approved.
	tap.tick(bar.all)
	tap.button(bar.root, "批量批复")
	tap.confirm()
	if !hasText(bar.root, "完成 28 个，未办理 0 个") {
		t.Errorf("result: %q", texts(bar.root))
	}
	tap.button(b.buttons, "批复全院预算（锁定）")
	tap.confirm()
	if _, err := s.svc.Budgets.Show(s.ctx, s.actor, 2027); err != nil {
		t.Fatalf("no approved 2027 budget: %v", err)
	}
	if tap.n >= 30 {
		t.Errorf("the cycle took %d taps, want under 30", tap.n)
	}
	t.Logf("the 2027 cycle took %d taps of the budget office", tap.n)
}

func rowOf(t *testing.T, v *consolidationView, code string) int {
	t.Helper()
	for i, d := range v.c.Departments {
		if d.DeptCode == code {
			return i
		}
	}
	t.Fatalf("no department %s", code)
	return -1
}

// checkAt is row's tick as the table draws it.
func checkAt(t *testing.T, v *consolidationView, row int) *widget.Check {
	t.Helper()
	cell := v.table.CreateCell()
	v.table.UpdateCell(widget.TableCellID{Row: row + 1, Col: ccSel}, cell)
	return cell.(*fyne.Container).Objects[1].(*widget.Check)
}

// The consolidation's greyed buttons say what they wait for: a row to be
// clicked, a department to have submitted, boxes to be ticked; the
// committee is not offered to issue control figures.
func TestConsolidationSaysWhatItsButtonsWaitFor(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	b := s.prep
	b.Refresh()
	b.tabs.Select(b.consTab)
	v := b.consolidation
	v.Refresh()
	if !v.open.Disabled() || !hasText(v.root, "点击表中科室所在行，可打开该科室或下达控制数") || !hasText(v.root, "在首列勾选科室后可批量操作") {
		t.Errorf("nothing says what 打开科室 and the batch steps wait for: %q", texts(v.root))
	}
	v.table.Select(widget.TableCellID{Row: 1, Col: ccDept}) // a draft: not yet submitted
	if v.open.Disabled() || !v.issue.Disabled() || !hasText(v.root, "控制数在科室上报（一上）后下达") {
		t.Errorf("下达控制数 for a draft does not say what it waits for: %q", texts(v.root))
	}

	s.actor = domain.Actor{Login: "chen", Name: "陈委员", Role: domain.RoleCommittee}
	c := newConsolidationView(s)
	c.Refresh()
	if findButton(c.root, "批量下达控制数") != nil || findButton(c.root, "批量批复") == nil {
		t.Errorf("the committee's batch steps: %q", texts(c.root))
	}
}
