package execution

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// BenchmarkImportActualsLedger imports the ledger named by
// BUDGETPERF_BENCH_LEDGER (made by bench/genledger) into a new database:
// read, validate and write, as `budgetperf import actuals` does, on each
// engine (the server's half needs BUDGETPERF_TEST_PG; bench/server.sh
// starts one).
func BenchmarkImportActualsLedger(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_LEDGER")
	if path == "" {
		b.Skip("set BUDGETPERF_BENCH_LEDGER to a ledger made by bench/genledger")
	}
	for _, e := range enginetest.Benched(b) {
		b.Run(e.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				target := filepath.Join(b.TempDir(), "bench.db")
				if e.Name != "sqlite" {
					target = e.Target(b)
				}
				_, svc := newStoreAt(b, target)
				b.StartTimer()
				if _, err := svc.ImportActuals(context.Background(), domain.LocalUser, ActualsRequest{Path: path, Year: 2025, CreateMissing: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
