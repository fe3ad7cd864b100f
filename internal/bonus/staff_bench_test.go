package bonus_test

import (
	"context"
	"os"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BenchmarkImportStaff splits the demo's saved allocation by the staff list
// named by BUDGETPERF_BENCH_STAFF (`go run ./bench/genstaff -n 5000 -o FILE`).
func BenchmarkImportStaff(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_STAFF")
	if path == "" {
		b.Skip("set BUDGETPERF_BENCH_STAFF to a staff workbook")
	}
	svc := demo(b)
	ctx := context.Background()
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, res, ""); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, path); err != nil {
			b.Fatal(err)
		}
	}
}
