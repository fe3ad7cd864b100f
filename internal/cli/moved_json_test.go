package cli

import (
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// The demo hospital moved to a server (migrate), backed up there and the
// backup restored into a new file gives the same budget, monitor,
// evaluation and bonus JSON in all three places (issue 22).
func TestMovedHospitalGivesTheSameJSON(t *testing.T) {
	server := enginetest.NewDatabase(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "hospital.db")
	ok := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		return stdout
	}
	ok("--db", file, "demo")
	ok("--db", file, "migrate", "--to", server)
	bak := filepath.Join(dir, "server.bpbak")
	ok("--db", server, "backup", "-o", bak)
	restored := filepath.Join(dir, "restored.db")
	ok("--db", restored, "restore", bak)
	for _, cmd := range [][]string{
		{"budget", "show", "--year", "2026", "--json"},
		{"monitor", "--year", "2026", "--json"},
		{"evaluate", "--year", "2025", "--json"},
		{"bonus", "--year", "2026", "--pool", "10000000.01", "--json"},
	} {
		want := ok(append([]string{"--db", file}, cmd...)...)
		for name, db := range map[string]string{"the server": server, "the restored file": restored} {
			if got := ok(append([]string{"--db", db}, cmd...)...); got != want {
				t.Errorf("%v differs on %s:\n%.400s\nwant\n%.400s", cmd, name, got, want)
			}
		}
	}
}
