package bonus_test

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
)

// sum30107 adds up a breakdown's 30107 lines.
func sum30107(b domain.Breakdown) money.Amount {
	var sum money.Amount
	for _, d := range b.Departments {
		for _, l := range d.Lines {
			if l.SubjectCode == "30107" {
				sum += l.Amount
			}
		}
	}
	return sum
}

// byHand is the demo's 2026 approved 30107 budget and its actuals through
// September, read from the budget and the actuals as any screen reads them.
func byHand(t *testing.T, svc *services.Services) (approved, paid money.Amount) {
	t.Helper()
	ctx := context.Background()
	b, err := svc.Budgets.Show(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.Execution.Actuals(ctx, domain.LocalUser, 2026, 9)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := svc.Execution.Actuals(ctx, domain.LocalUser, 2026, 0)
	if sum30107(all.Breakdown) != sum30107(a.Breakdown) {
		t.Fatalf("the demo has 30107 actuals after September")
	}
	return sum30107(b.Breakdown), sum30107(a.Breakdown)
}

// The cap on the demo: approved 30107 less what was paid January–September;
// a pool above it is refused with both figures, and saving such a result
// is refused too.
func TestLimitOnTheDemo(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	approved, paid := byHand(t, svc)
	l, err := svc.Bonus.Limit(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if l.Approved != approved || l.Paid != paid || l.PaidThrough != 9 || l.Committed != 0 || l.Available() != approved-paid {
		t.Fatalf("limit %+v, want approved %v paid %v through 9", l, approved, paid)
	}
	if l.Available() <= money.FromFen(1000000001) {
		t.Fatalf("available %v: the tests' pool of 10,000,000.01 no longer fits", l.Available())
	}
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, l.Available(), nil)
	if err != nil || res.Cap != l.Available() || res.Limit != l {
		t.Fatalf("pool = available: %v, cap %v", err, res.Cap)
	}
	_, err = svc.Bonus.Compute(ctx, domain.LocalUser, 2026, l.Available()+1, nil)
	if keyOf(err) != "problem.bonus.pool_available" || !strings.Contains(err.Error(), money.FormatPlain(l.Available())) || !strings.Contains(err.Error(), money.FormatPlain(approved)) {
		t.Errorf("one fen above: %v", err)
	}
	// A result over the cap cannot be saved, whatever computed it.
	over := res
	over.Pool = l.Available() + 1
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, over, ""); keyOf(err) != "problem.bonus.pool_available" {
		t.Errorf("saving a pool over the cap: %v", err)
	}
	if _, ok, _ := svc.Bonus.Current(ctx, domain.LocalUser, 2026); ok {
		t.Error("the refused save stored a run")
	}
}

// An approved run of the year is committed: what is left for another pool
// falls by its pool (the demo's actuals stop in September, before it).
func TestApprovedRunIsCommitted(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	approved, paid := byHand(t, svc)
	pool := money.FromFen(1000000001)
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, res, ""); err != nil {
		t.Fatal(err)
	}
	draft, _ := svc.Bonus.Limit(ctx, domain.LocalUser, 2026)
	if draft.Committed != 0 {
		t.Errorf("a draft is committed: %v", draft.Committed)
	}
	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	l, err := svc.Bonus.Limit(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if l.Committed != pool || l.Available() != approved-paid-pool {
		t.Errorf("after approval: %+v, want committed %v available %v", l, pool, approved-paid-pool)
	}
	stored, ok, err := svc.Bonus.Current(ctx, domain.LocalUser, 2026)
	if err != nil || !ok || stored.Limit != l {
		t.Errorf("the stored run's limit %+v, want %+v (%v)", stored.Limit, l, err)
	}
}

// The settings: the weight and weights are the default of every
// allocation, the floor refuses a lower weight, and the reward-pay
// subjects decide the cap.
func TestSettingsDriveTheAllocation(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	set, err := svc.Bonus.Settings(ctx, domain.LocalUser)
	if err != nil {
		t.Fatal(err)
	}
	set.Floor = 0.2
	if err := svc.Bonus.SetSettings(ctx, domain.LocalUser, set); keyOf(err) != "problem.bonus.welfare_floor" {
		t.Errorf("floor above the current weight: %v", err)
	}
	set.Weights = set.Weights.WithPublicWelfare(0.25)
	if err := svc.Bonus.SetSettings(ctx, domain.LocalUser, set); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil || res.Floor != 0.2 || set.WelfareWeight() != 0.25 {
		t.Fatalf("%v, floor %v", err, res.Floor)
	}
	for d, w := range set.Weights {
		if res.Weights[d] != w {
			t.Errorf("weight of %s %v, want the setting's %v", d, res.Weights[d], w)
		}
	}
	low := 0.1
	if _, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(100), &low); keyOf(err) != "problem.bonus.welfare_floor" {
		t.Errorf("weight below the floor: %v", err)
	}
	// Reward pay on 30102 instead: the cap follows.
	set.Subjects = []string{"30102"}
	if err := svc.Bonus.SetSettings(ctx, domain.LocalUser, set); err != nil {
		t.Fatal(err)
	}
	l, _ := svc.Bonus.Limit(ctx, domain.LocalUser, 2026)
	approved, _ := byHand(t, svc)
	if l.Approved == approved || l.Approved <= 0 {
		t.Errorf("cap on 30102: %+v", l)
	}
}
