package execution

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// BenchmarkImportActualsLedger imports the ledger named by
// BUDGETPERF_BENCH_LEDGER (made by bench/genledger) into a new database:
// read, validate and write, as `budgetperf import actuals` does.
func BenchmarkImportActualsLedger(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_LEDGER")
	if path == "" {
		b.Skip("set BUDGETPERF_BENCH_LEDGER to a ledger made by bench/genledger")
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		_, svc := newStoreAt(b, filepath.Join(dir, "bench.db"))
		b.StartTimer()
		if _, err := svc.ImportActuals(context.Background(), domain.LocalUser, ActualsRequest{Path: path, Year: 2025, CreateMissing: true}); err != nil {
			b.Fatal(err)
		}
	}
}
