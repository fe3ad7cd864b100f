package prep

import (
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A department head sees no step they may not take as if they could:
// 汇总审核, 采纳, 调整… and the budget office's steps are not offered (the
// suggestion says who decides), nor 批复全院预算, the month split or the
// yearly adjustment limit; the budget office sees 批复全院预算 disabled
// saying who approves.
func TestDepartmentHeadSeesStepsTheyMayNotTakeDisabled(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.prep.Refresh()
	if !slices.Contains(s.prep.tabs.Items, s.prep.consTab) {
		t.Fatal("the administrator does not see 汇总审核")
	}
	// The administrator's 批复全院预算 waits for the departments, and says so.
	approve := findButton(s.prep.buttons, "批复全院预算（锁定）")
	if approve == nil || !approve.Disabled() || !hasText(s.prep.banner, "待全部科室批复后可批复全院预算（尚有") {
		t.Errorf("批复全院预算 does not say what it waits for: %q", s.prep.banner.Text)
	}

	s.actor = domain.Actor{Login: "li", Name: "李主任", Role: domain.RoleDeptHead, Departments: []string{"502"}}
	s.prep.Refresh()
	if slices.Contains(s.prep.tabs.Items, s.prep.consTab) {
		t.Error("a department head sees 汇总审核")
	}
	s.prep.depts.selectCode("502")
	line := s.prep.proposal.suggest
	if !line.root.Visible() {
		t.Fatal("no suggestion shown to the head of 设备科")
	}
	if findButton(line.root, "采纳") != nil || findButton(line.root, "调整…") != nil || !hasText(line.root, "由预算办决定") {
		t.Errorf("a department head is offered 采纳/调整… or not told who decides: %q", texts(line.root))
	}
	for _, name := range []string{"下达控制数", "批复", "退回修改"} {
		if findButton(s.prep.proposal.actions, name) != nil {
			t.Errorf("a department head is offered %s", name)
		}
	}
	if b := findButton(s.prep.buttons, "批复全院预算（锁定）"); b != nil {
		t.Errorf("批复全院预算 is shown to a department head: %q", s.prep.banner.Text)
	}
	s.prep.adjustments.Refresh()
	if s.prep.adjustments.approve.Visible() || s.prep.adjustments.reject.Visible() {
		t.Error("a department head is offered to approve or reject adjustments")
	}
	if a := s.prep.adjustments; a.saveLimit.Visible() || !a.limit.Disabled() || !a.newRequest.Visible() {
		t.Error("a department head may change the yearly adjustment limit, or may not request an adjustment")
	}
	s.prep.monthly.Refresh()
	if m := s.prep.monthly; m.evenAll.Visible() || m.priorAll.Visible() || m.manual.Visible() {
		t.Error("a department head is offered to split the budget into months")
	}
	// Their own step, 上报, stays enabled.
	if b := findButton(s.prep.proposal.actions, "上报"); b == nil || b.Disabled() {
		t.Errorf("上报 for the head's own department: %q", texts(s.prep.proposal.actions))
	}

	s.actor = domain.Actor{Login: "zhao", Name: "赵预算", Role: domain.RoleBudgetOffice}
	s.prep.Refresh()
	if b := findButton(s.prep.buttons, "批复全院预算（锁定）"); b == nil || !b.Disabled() || !hasText(s.prep.banner, "全院预算由预算管理委员会或管理员批复") {
		t.Errorf("批复全院预算 for the budget office: %q", s.prep.banner.Text)
	}
}

// An auditor reads a draft proposal: no entry, no 保存, 填充 or 添加科目…,
// no 新建调整申请, no batch step.
func TestAuditorReadsProposalsWithoutEditing(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.actor = domain.Actor{Login: "qian", Name: "钱审计", Role: domain.RoleAuditor}
	s.prep.Refresh()
	s.prep.depts.selectCode("502")
	for _, name := range []string{"保存", "按上年执行填充全部", "填充当前行", "添加科目…", "上报"} {
		if findButton(s.prep.proposal.actions, name) != nil {
			t.Errorf("an auditor is offered %s", name)
		}
	}
	if s.prep.proposal.mode() != modeView {
		t.Error("an auditor may type into the proposal grid")
	}
	s.prep.adjustments.Refresh()
	if s.prep.adjustments.newRequest.Visible() {
		t.Error("an auditor is offered 新建调整申请")
	}
}
