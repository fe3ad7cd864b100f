package bonus_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/services"
)

func demo(t testing.TB) *services.Services {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, filepath.Join(t.TempDir(), "bonus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Demo.Load(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	return svc
}

// The default scheme on the demo: the product's weights, scores from the
// 2025 evaluations, every fen of the pool allocated.
func TestComputeOnTheDemo(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	pool := money.FromFen(500000003)
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Year != 2026 || res.Pool != pool || res.Weights[scoring.BonusPublicWelfare] != 0.15 || res.Weights[scoring.BonusWorkload] != 0.30 {
		t.Fatalf("result %+v", res)
	}
	for d, v := range bonus.DefaultWeights {
		if res.Weights[d] != v {
			t.Errorf("weight of %s is %v, the default %v", d, res.Weights[d], v)
		}
	}
	var sum money.Amount
	scored := 0
	for _, d := range res.Departments {
		if d.Code == "000" || d.Headcount <= 0 {
			t.Errorf("department %+v should not share the pool", d)
		}
		if d.Composite > 0 {
			scored++
		}
		sum += d.Bonus
	}
	if sum != pool || scored != len(res.Departments) {
		t.Errorf("sum %d of %d; %d of %d departments scored", sum, pool, scored, len(res.Departments))
	}

	if err := svc.Bonus.SetWelfareFloor(ctx, domain.LocalUser, 0.10); err != nil {
		t.Fatal(err)
	}
	w := 0.05
	_, err = svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, &w)
	if err == nil || !strings.Contains(err.Error(), "floor") {
		t.Errorf("weight below the floor: %v", err)
	}
	// A year without a budget says so, rather than that 30107 is missing.
	if _, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2020, pool, nil); err == nil || !strings.Contains(err.Error(), "no approved budget for 2020") {
		t.Errorf("no approved budget: %v", err)
	}
}
