package transfer_test

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/keyring"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/store/transfer"
)

// demoFile is a closed SQLite file holding the demo hospital.
func demoFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hospital.db")
	svc, err := services.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.LoadDemo(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	return path
}

func census(t *testing.T, target string) transfer.Census {
	t.Helper()
	s, err := store.Open(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := transfer.Take(context.Background(), s.Engine(), s.Conn())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func digest(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A hospital moves into a server and back into a file: every table keeps
// its rows and amounts, the audit trail verifies on the server, and the
// file it came from is not changed by a byte.
func TestMigrateThenBackupThenRestore(t *testing.T) {
	enginetest.RequireServer(t)
	ctx := context.Background()
	file := demoFile(t)
	before := digest(t, file)
	want := census(t, file)

	server := enginetest.NewDatabase(t)
	rep, err := backup.MigrateTo(ctx, file, server)
	if err != nil {
		t.Fatal(err)
	}
	if digest(t, file) != before {
		t.Error("migrate changed the file it read")
	}
	if rep.Rows != sumRows(want) || rep.Tables != len(store.Tables()) {
		t.Errorf("moved %d rows in %d tables, the file has %d in %d", rep.Rows, rep.Tables, sumRows(want), len(store.Tables()))
	}
	if diff := want.Differences(census(t, server)); len(diff) > 0 {
		t.Fatalf("the server differs: %v", diff)
	}
	// Another PC, with none of this PC's keys, verifies the moved trail:
	// the keys that sealed it are kept in the server database.
	t.Setenv(keyring.EnvDir, t.TempDir())
	svc, err := services.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := svc.Audit.Verify(ctx, domain.LocalUser); err != nil || r.Rows == 0 {
		t.Errorf("audit trail on the server, from another PC: %v (%d rows)", err, r.Rows)
	}
	bak := filepath.Join(t.TempDir(), "server.bpbak")
	if _, err := backup.Create(ctx, svc.Store, domain.LocalUser, bak); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	if _, err := store.CheckBackup(ctx, bak); err != nil {
		t.Fatalf("the server's backup is not a sound backup: %v", err)
	}
	if diff := want.Differences(census(t, bak)); len(diff) > 0 {
		t.Fatalf("the server's backup differs: %v", diff)
	}

	// The backup restores into another server database, replacing what it held.
	other := enginetest.NewDatabase(t)
	st, err := store.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := backup.RestoreServer(ctx, st, domain.LocalUser, bak); err != nil {
		t.Fatal(err)
	}
	if diff := want.Differences(census(t, other)); len(diff) > 0 {
		t.Fatalf("the restored server differs: %v", diff)
	}

	// Restored into a file on a third PC, the trail verifies there and the
	// file keeps no key (whoever has a file must not be able to re-seal it).
	t.Setenv(keyring.EnvDir, t.TempDir())
	file2 := filepath.Join(t.TempDir(), "restored.db")
	if _, _, err := store.Restore(ctx, file2, bak, file2+".old"); err != nil {
		t.Fatal(err)
	}
	fsvc, err := services.Open(ctx, file2)
	if err != nil {
		t.Fatal(err)
	}
	defer fsvc.Close()
	if _, err := fsvc.Audit.Verify(ctx, domain.LocalUser); err != nil {
		t.Errorf("the server's backup restored into a file does not verify: %v", err)
	}
	if v, _ := fsvc.Store.Setting(ctx, "audit.server_key"); v != "" {
		t.Error("the restored file keeps the server's audit key")
	}
}

func sumRows(c transfer.Census) int64 {
	var n int64
	for _, t := range c {
		n += t.Rows
	}
	return n
}

// Moving in never overwrites a hospital already on the server.
func TestMigrateRefusesAServerThatHoldsAHospital(t *testing.T) {
	enginetest.RequireServer(t)
	ctx := context.Background()
	file := demoFile(t)
	server := enginetest.NewDatabase(t)
	if _, err := backup.MigrateTo(ctx, file, server); err != nil {
		t.Fatal(err)
	}
	_, err := backup.MigrateTo(ctx, file, server)
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "problem.transfer.not_empty" {
		t.Fatalf("second move: %v", err)
	}
	if _, err := backup.MigrateTo(ctx, file, filepath.Join(t.TempDir(), "x.db")); err == nil || !strings.Contains(err.Error(), "postgres://") {
		t.Errorf("a file as the destination: %v", err)
	}
}

// A census names every table and amount that differs.
func TestCensusDifferences(t *testing.T) {
	a := transfer.Census{"budgets": {Rows: 2, Amounts: map[string]int64{}}, "budget_lines": {Rows: 5, Amounts: map[string]int64{"amount_fen": 100}}}
	b := transfer.Census{"budgets": {Rows: 2, Amounts: map[string]int64{}}, "budget_lines": {Rows: 5, Amounts: map[string]int64{"amount_fen": 99}}}
	if d := a.Differences(a); len(d) != 0 {
		t.Errorf("equal censuses differ: %v", d)
	}
	if d := a.Differences(b); len(d) != 1 || !strings.Contains(d[0], "budget_lines.amount_fen: 100 / 99") {
		t.Errorf("differences: %v", d)
	}
}
