package budgeting_test

import (
	"testing"

	. "github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

func amountOf(t *testing.T, st *store.Store, dept, subject string) money.Amount {
	t.Helper()
	l, err := st.PlanLine(mctx, 2026, dept, subject)
	if store.IsNotFound(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return l.Amount
}

// showAmount is what `budget show` reports for a line.
func showAmount(t *testing.T, svc *Service, dept, subject string) (money.Amount, bool) {
	t.Helper()
	v, err := svc.Show(mctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range v.Departments {
		for _, l := range d.Lines {
			if d.Code == dept && l.SubjectCode == subject {
				return l.Amount, true
			}
		}
	}
	return 0, false
}

func TestAdjustmentApprovedChangesBudgetAndMonths(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	// 101/30218 is split by hand, 000/31001 by the prior-year pattern.
	old := amountOf(t, st, "101", "30218")
	manual := domain.Months{old - 11*100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00, 100_00}
	if err := svc.SetSplit(mctx, me, 2026, "101", "30218", domain.SplitMethodManual, &manual); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetSplit(mctx, me, 2026, "000", "31001", domain.SplitMethodPrior, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := svc.Show(mctx, me, 2026)
	oldCapital := amountOf(t, st, "000", "31001")

	a, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "新增两癌筛查任务，耗材及设备需求增加", []domain.AdjustmentLine{
		{DeptCode: "101", SubjectCode: "30218", New: old * 2},
		{DeptCode: "000", SubjectCode: "31001", New: oldCapital + 500_000_00},
		{DeptCode: "101", SubjectCode: "31002", New: 36_000_00}, // a line the budget did not have
	})
	if err != nil {
		t.Fatal(err)
	}
	if a.Number != 1 || a.State != domain.AdjustmentRequested || a.ID == 0 {
		t.Fatalf("request %+v", a)
	}
	if a.Lines[0].Old != old || a.Lines[2].Old != 0 {
		t.Errorf("old amounts %+v", a.Lines)
	}
	if amountOf(t, st, "101", "30218") != old {
		t.Error("a request changed the budget before approval")
	}

	a, err = svc.DecideAdjustment(mctx, me, a.ID, true, "同意")
	if err != nil {
		t.Fatal(err)
	}
	if a.State != domain.AdjustmentApproved {
		t.Errorf("state %s", a.State)
	}
	if got, ok := showAmount(t, svc, "101", "30218"); !ok || got != old*2 {
		t.Errorf("budget show reports %v, want %v", got, old*2)
	}
	if got, ok := showAmount(t, svc, "101", "31002"); !ok || got != 36_000_00 {
		t.Errorf("new line shows %v %v", got, ok)
	}
	after, _ := svc.Show(mctx, me, 2026)
	if after.Expenditure-before.Expenditure != old+500_000_00+36_000_00 {
		t.Errorf("expenditure changed by %d", after.Expenditure-before.Expenditure)
	}

	p, _ := svc.MonthlyPlan(mctx, me, 2026)
	mpCheckSums(t, p)
	// Months 1–9 have actuals: they are closed and keep their plan; only
	// October to December take the change, each line by its method.
	closed, _ := st.LatestActualMonth(mctx, 2026)
	if closed != 9 {
		t.Fatalf("the demo's actuals run through month %d", closed)
	}
	var kept money.Amount
	for m := 0; m < closed; m++ {
		kept += manual[m]
	}
	rest := money.AllocateEven(old*2-kept, 3) // the open months were equal: their shape is kept
	if l := mpLine(t, p, "101", "30218"); l.Method != domain.SplitMethodManual || [12]money.Amount(l.Months) != [12]money.Amount{manual[0], 100_00, 100_00, 100_00,
		100_00, 100_00, 100_00, 100_00, 100_00, rest[0], rest[1], rest[2]} {
		t.Errorf("manual line re-split to %v (%s)", l.Months, l.Method)
	}
	pattern, _ := st.MonthlyActualsOf(mctx, 2025, "000", "31001")
	was, _ := domain.SplitByPattern(oldCapital, pattern)
	l := mpLine(t, p, "000", "31001")
	if l.Method != domain.SplitMethodPrior || [9]money.Amount(l.Months[:9]) != [9]money.Amount(was[:9]) {
		t.Errorf("prior line's closed months %v, were %v", l.Months, was)
	}
	weights := []int64{pattern[9].Fen(), pattern[10].Fen(), pattern[11].Fen()}
	kept = 0
	for m := 0; m < closed; m++ {
		kept += was[m]
	}
	if want, _ := money.Allocate(oldCapital+500_000_00-kept, weights); [3]money.Amount(l.Months[9:]) != [3]money.Amount(want) {
		t.Errorf("prior line's open months %v, want %v", l.Months[9:], want)
	}
	if l := mpLine(t, p, "101", "31002"); l.Method != domain.SplitMethodEven || l.Months[0] != 0 || l.Months[9] != 12_000_00 || l.Months[11] != 12_000_00 {
		t.Errorf("new line %+v", l)
	}

	if _, err := svc.DecideAdjustment(mctx, me, a.ID, false, "再议"); mpProblem(err) != "problem.adjust.already_decided" {
		t.Errorf("deciding twice: %v", err)
	}

	h, err := svc.Adjustments(mctx, me, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Adjustments) != 1 || len(h.Versions) != 2 {
		t.Fatalf("history %+v", h)
	}
	v1, v2 := h.Versions[0], h.Versions[1]
	if v1.Version != 1 || v1.Expenditure != before.Expenditure || v1.Revenue != before.Revenue || v1.By == "" {
		t.Errorf("version 1 %+v, before %d/%d", v1, before.Revenue, before.Expenditure)
	}
	if h.Adjustments[0].ExpenditureChange != v2.ExpenditureChange || h.Adjustments[0].RevenueChange != 0 {
		t.Errorf("summary %+v", h.Adjustments[0])
	}
	if v2.Version != 2 || v2.Adjustment != 1 || v2.Expenditure != after.Expenditure || v2.ExpenditureChange != after.Expenditure-before.Expenditure || v2.RevenueChange != 0 {
		t.Errorf("version 2 %+v", v2)
	}
}

func TestAdjustmentRejectedChangesNothing(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	old := amountOf(t, st, "103", "30218")
	a, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonPrice), "耗材集采降价", []domain.AdjustmentLine{{DeptCode: "103", SubjectCode: "30218", New: old - 1}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DecideAdjustment(mctx, me, a.ID, false, ""); mpProblem(err) != "problem.adjust.reject_comment" {
		t.Errorf("reject without comment: %v", err)
	}
	if a, err = svc.DecideAdjustment(mctx, me, a.ID, false, "降价幅度待核实"); err != nil || a.State != domain.AdjustmentRejected {
		t.Fatal(a, err)
	}
	if amountOf(t, st, "103", "30218") != old {
		t.Error("a rejected adjustment changed the budget")
	}
	if _, err := svc.DecideAdjustment(mctx, me, a.ID, true, ""); mpProblem(err) != "problem.adjust.already_decided" {
		t.Errorf("approving a rejected one: %v", err)
	}
	h, _ := svc.Adjustments(mctx, me, 2026)
	if len(h.Versions) != 1 || h.Adjustments[0].DecisionComment != "降价幅度待核实" {
		t.Errorf("history %+v", h)
	}
	if _, err := svc.DecideAdjustment(mctx, me, 9999, true, ""); mpProblem(err) != "problem.adjust.not_found" {
		t.Errorf("unknown id: %v", err)
	}
}

func TestAdjustmentRequestRefusals(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	old := amountOf(t, st, "101", "30218")
	cases := []struct {
		name     string
		year     int
		category string
		reason   string
		lines    []domain.AdjustmentLine
		key      string
	}{
		{"no budget", 2030, "policy", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: 1}}, "problem.budget.none"},
		{"no reason", 2026, "policy", " ", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: 1}}, "problem.adjust.reason_required"},
		{"bad category", 2026, "mood", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: 1}}, "problem.adjust.reason_category"},
		{"no lines", 2026, "policy", "x", nil, "problem.adjust.no_lines"},
		{"unchanged", 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: old}}, "problem.adjust.no_change"},
		{"parent subject", 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "302", New: 1}}, "problem.adjust.parent_subject"},
		{"unknown subject", 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "99999", New: 1}}, "problem.adjust.unknown_subject"},
		{"unknown department", 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: "999", SubjectCode: "30218", New: 1}}, "problem.adjust.unknown_dept"},
		{"duplicate", 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: 1}, {DeptCode: "101", SubjectCode: "30218", New: 2}}, "problem.adjust.duplicate_line"},
	}
	for _, c := range cases {
		_, err := svc.RequestAdjustment(mctx, me, c.year, c.category, c.reason, c.lines)
		if mpProblem(err) != c.key {
			t.Errorf("%s: got %v, want %s", c.name, err, c.key)
		}
	}
	if h, _ := svc.Adjustments(mctx, me, 2026); len(h.Adjustments) != 0 {
		t.Errorf("refused requests were saved: %+v", h.Adjustments)
	}
}

func TestAdjustmentLimit(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	if n, err := svc.AdjustmentLimit(mctx, me); err != nil || n != 0 {
		t.Fatalf("default limit %d %v", n, err)
	}
	if err := svc.SetAdjustmentLimit(mctx, me, -1); mpProblem(err) != "problem.adjust.limit_range" {
		t.Errorf("negative limit: %v", err)
	}
	if err := svc.SetAdjustmentLimit(mctx, me, 1); err != nil {
		t.Fatal(err)
	}
	old := amountOf(t, st, "101", "30218")
	line := func(n money.Amount) []domain.AdjustmentLine {
		return []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: n}}
	}
	first, err := svc.RequestAdjustment(mctx, me, 2026, "policy", "医保支付方式改革", line(old+1))
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.RequestAdjustment(mctx, me, 2026, "policy", "再次调整", line(old+2))
	if mpProblem(err) != "problem.adjust.limit_reached" {
		t.Fatalf("second request within a limit of 1: %v", err)
	}
	if _, err := svc.DecideAdjustment(mctx, me, first.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RequestAdjustment(mctx, me, 2026, "policy", "再次调整", line(old+2)); mpProblem(err) != "problem.adjust.limit_reached" {
		t.Errorf("request after the limit was used: %v", err)
	}
	if err := svc.SetAdjustmentLimit(mctx, me, 0); err != nil {
		t.Fatal(err)
	}
	second, err := svc.RequestAdjustment(mctx, me, 2026, "policy", "再次调整", line(old+2))
	if err != nil {
		t.Fatal(err)
	}
	if second.Number != 2 || second.Lines[0].Old != old+1 {
		t.Errorf("second request %+v", second)
	}
	// Lowering the limit afterwards stops the approval too.
	if err := svc.SetAdjustmentLimit(mctx, me, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DecideAdjustment(mctx, me, second.ID, true, ""); mpProblem(err) != "problem.adjust.limit_approve" {
		t.Errorf("approval beyond the limit: %v", err)
	}
	if amountOf(t, st, "101", "30218") != old+1 {
		t.Error("a refused approval changed the budget")
	}
}

func TestStaleRequestIsRefused(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	old := amountOf(t, st, "102", "30218")
	a1, err := svc.RequestAdjustment(mctx, me, 2026, "deviation", "上半年执行偏快", []domain.AdjustmentLine{{DeptCode: "102", SubjectCode: "30218", New: old + 100}})
	if err != nil {
		t.Fatal(err)
	}
	a2, err := svc.RequestAdjustment(mctx, me, 2026, "deviation", "另一申请", []domain.AdjustmentLine{{DeptCode: "102", SubjectCode: "30218", New: old + 200}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DecideAdjustment(mctx, me, a1.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DecideAdjustment(mctx, me, a2.ID, true, ""); mpProblem(err) != "problem.adjust.stale" {
		t.Errorf("stale approval: %v", err)
	}
	if amountOf(t, st, "102", "30218") != old+100 {
		t.Error("the stale request changed the budget")
	}
	h, _ := svc.Adjustments(mctx, me, 2026)
	if h.Pending() != 1 {
		t.Errorf("pending %d", h.Pending())
	}
}
