package execution_test

import (
	"context"
	"os"
	"testing"

	"github.com/budgetperf/budgetperf/bench/monitordb"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/store/transfer"
)

// BenchmarkMonitorMonthEnd is issue 5's month-end computation: execution
// against plan at the end of December for a hospital of 100 departments,
// 70 subjects and 1,000,000 ledger lines. The database is the one named by
// BUDGETPERF_BENCH_MONITOR_DB (bench/monitor.sh writes it with
// bench/genmonitor), else one written once under os.TempDir() and reused.
// Benchmarks run only with -bench, so `go test ./...` never builds it.
//
// Execution is the whole computation as the CLI and the GUI call it;
// StoreReads is only the two reads it makes (plan lines and monthly
// actuals), to tell the database's share from the computing. Each runs on
// SQLite and, when a server is given (bench/server.sh), on PostgreSQL.
func BenchmarkMonitorMonthEnd(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("BUDGETPERF_BENCH_MONITOR_DB")
	if path == "" {
		var err error
		if path, err = monitordb.Cached(ctx, monitordb.Issue5); err != nil {
			b.Fatal(err)
		}
	}
	for _, e := range enginetest.Benched(b) {
		b.Run(e.Name, func(b *testing.B) { monitorMonthEnd(b, e, path) })
	}
}

// monitorMonthEnd times the month-end computation on engine e, with the
// hospital in path moved to a new server database for PostgreSQL.
func monitorMonthEnd(b *testing.B, e enginetest.Engine, path string) {
	ctx := context.Background()
	target := path
	if e.Name != "sqlite" {
		target = e.Target(b)
		if _, err := transfer.MigrateFile(ctx, path, target); err != nil {
			b.Fatal(err)
		}
	}
	svc, err := services.Open(ctx, target)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	year, month := monitordb.Issue5.Year, 12
	if n, err := svc.Store.CountActuals(ctx, year); err != nil || n == 0 {
		b.Fatalf("%s has no %d actuals (%v)", target, year, err)
	}
	b.Run("Execution", func(b *testing.B) {
		for b.Loop() {
			e, err := svc.Execution.Execution(ctx, domain.LocalUser, year, month)
			if err != nil {
				b.Fatal(err)
			}
			if len(e.Departments) == 0 {
				b.Fatal("no departments in the result")
			}
		}
	})
	b.Run("StoreReads", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Store.PlanLines(ctx, year); err != nil {
				b.Fatal(err)
			}
			if _, err := svc.Store.MonthlyActuals(ctx, year); err != nil {
				b.Fatal(err)
			}
		}
	})
}
