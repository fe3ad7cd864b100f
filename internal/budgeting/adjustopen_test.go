package budgeting_test

import (
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// A cut below the actuals to date, or below the plan of the closed
// months, is refused with the least amount to ask for; nothing is saved.
func TestAdjustmentCannotCutBelowActualsOrClosedMonths(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	actuals, _ := st.MonthlyActualsOf(mctx, 2026, "101", "30218")
	spent, _ := domain.SumMonths(actuals)
	if spent <= 0 {
		t.Fatal("the demo line has no actuals")
	}
	before, _ := svc.MonthlyPlan(mctx, me, 2026)
	var kept money.Amount // the plan of January–September, the closed months
	months := mpLine(t, before, "101", "30218").Months
	for _, m := range months[:9] {
		kept += m
	}
	for _, c := range []struct {
		amount domain.AdjustmentLine
		key    string
	}{
		{domain.AdjustmentLine{DeptCode: "101", SubjectCode: "30218", New: spent - 1}, "problem.adjust.below_actual"},
		{domain.AdjustmentLine{DeptCode: "101", SubjectCode: "30218", New: max(spent, kept-1)}, "problem.adjust.below_closed"},
	} {
		if c.key == "problem.adjust.below_closed" && kept <= spent {
			continue // this line's closed plan is not above its actuals
		}
		_, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "压减支出", []domain.AdjustmentLine{c.amount})
		if got := mpProblem(err); got != c.key {
			t.Errorf("cut to %v: %v, want %s", c.amount.New, err, c.key)
		}
	}
	if h, _ := svc.Adjustments(mctx, me, 2026); len(h.Adjustments) != 0 {
		t.Error("a refused request was saved")
	}
	if after, _ := svc.MonthlyPlan(mctx, me, 2026); !reflect.DeepEqual(after, before) {
		t.Error("the refusal changed the plan")
	}
	// A cut that stays above both is accepted.
	if _, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "压减支出",
		[]domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: max(spent, kept) + 1}}); err != nil {
		t.Errorf("a cut above the floor: %v", err)
	}
}

// The committee decides on the floor as it stands when it decides:
// actuals imported after the request can make the cut too deep.
func TestAdjustmentFloorCheckedAtApproval(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	actuals, _ := st.MonthlyActualsOf(mctx, 2026, "101", "30218")
	spent, _ := domain.SumMonths(actuals)
	before, _ := svc.MonthlyPlan(mctx, me, 2026)
	line := mpLine(t, before, "101", "30218")
	var kept money.Amount
	for _, m := range line.Months[:9] {
		kept += m
	}
	cut := max(spent, kept) + money.FromYuan(1000)
	if cut >= line.Annual {
		t.Fatalf("the demo line (%v) leaves no room for a cut to %v", line.Annual, cut)
	}
	a, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "压减支出",
		[]domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: cut}})
	if err != nil {
		t.Fatal(err)
	}
	// September's books gain a late voucher: spending now exceeds the cut.
	late := cut - spent + money.FromYuan(100)
	err = st.InTx(mctx, func(tx *store.Tx) error {
		return tx.InsertActuals(mctx, me, []domain.Actual{{Year: 2026, Month: 9, DeptCode: "101", SubjectCode: "30218", Amount: late, Summary: "补记凭证", Source: "test"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	state := storeState(t, st)
	_, err = svc.DecideAdjustment(mctx, domain.Actor{Login: "wang", Role: domain.RoleCommittee}, a.ID, true, "同意")
	if got := mpProblem(err); got != "problem.adjust.below_actual" {
		t.Fatalf("approving a cut below the actuals imported since: %v", err)
	}
	if storeState(t, st) != state {
		t.Error("the refused approval changed the database")
	}
}

// A year whose bonus allocation is approved keeps its performance pay
// (30107), which capped the pool: refused at request and at approval.
func TestPerformancePayLockedByApprovedBonus(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	committee := domain.Actor{Login: "wang", Role: domain.RoleCommittee}
	plan, _ := svc.MonthlyPlan(mctx, me, 2026)
	pay := mpLine(t, plan, "101", domain.PerformancePaySubject)
	raise := []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: domain.PerformancePaySubject, New: pay.Annual + money.FromYuan(50_000)}}
	waiting, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "提高绩效工资", raise)
	if err != nil {
		t.Fatal(err)
	}
	bonus := bonus.New(st, evaluation.New(st))
	res, err := bonus.Compute(mctx, me, 2026, money.FromYuan(1_000_000), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bonus.Save(mctx, me, res, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := bonus.Approve(mctx, committee, 2026); err != nil {
		t.Fatal(err)
	}
	state := storeState(t, st)
	if _, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "提高绩效工资", raise); mpProblem(err) != "problem.adjust.bonus_locked" {
		t.Errorf("request: %v, want problem.adjust.bonus_locked", err)
	}
	if _, err := svc.DecideAdjustment(mctx, committee, waiting.ID, true, "同意"); mpProblem(err) != "problem.adjust.bonus_locked" {
		t.Errorf("approval: %v, want problem.adjust.bonus_locked", err)
	}
	if storeState(t, st) != state {
		t.Error("a refusal changed the database")
	}
	// Rejecting the waiting request, and other subjects, stay possible.
	if _, err := svc.DecideAdjustment(mctx, committee, waiting.ID, false, "奖金已锁定"); err != nil {
		t.Errorf("rejecting: %v", err)
	}
	other := []domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30218", New: mpLine(t, plan, "101", "30218").Annual + money.FromYuan(1000)}}
	if _, err := svc.RequestAdjustment(mctx, me, 2026, string(domain.ReasonNewTask), "新增任务", other); err != nil {
		t.Errorf("another subject: %v", err)
	}
}
