package budgeting_test

import (
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
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
