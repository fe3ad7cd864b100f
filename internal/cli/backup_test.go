package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// TestBackupAndRestoreCommands: backup -o FILE writes FILE.bpbak, a change
// is undone by restore, a wrong file is refused with exit 1 and a missing
// argument is a usage error (exit 2).
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "demo", "--year", "2025"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	_, want, _ := run(t, "--db", db, "departments", "list", "--json")

	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "backup", "-o", filepath.Join(dir, "saved"))
	if code != ExitOK || !strings.Contains(stdout, "saved.bpbak") {
		t.Fatalf("backup: exit %d, %q %q", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "backup", "-o", filepath.Join(dir, "missing", "x.bpbak")); code != ExitRefused || !strings.Contains(stderr, "does not exist") {
		t.Errorf("backup into a missing folder: exit %d, %q", code, stderr)
	}

	other := filepath.Join(dir, "other.db")
	if code, _, stderr := run(t, "--db", other, "demo", "--year", "2020"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	// Replace the demo database by another one (another identity: asked
	// for explicitly), then restore the backup.
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "restore", "--accept-other-hospital", other); code != ExitOK || !strings.Contains(stdout, ".replaced-") {
		t.Fatalf("restore other: exit %d, %q %q", code, stdout, stderr)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644)
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "restore", filepath.Join(dir, "notes.txt"))
	if code != ExitRefused || !strings.Contains(stderr, "不是本软件的备份") {
		t.Errorf("restore a text file: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "--db", db, "restore"); code != ExitUsage {
		t.Errorf("restore without FILE: exit %d, want %d", code, ExitUsage)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", "--accept-other-hospital", filepath.Join(dir, "saved.bpbak")); code != ExitOK {
		t.Fatalf("restore: exit %d, %s", code, stderr)
	}
	if _, got, _ := run(t, "--db", db, "departments", "list", "--json"); got != want {
		t.Error("after restoring the backup the departments differ from the backed-up ones")
	}
	kept, _ := filepath.Glob(db + ".replaced-*")
	if len(kept) != 2 {
		t.Errorf("kept files %v, want one per restore", kept)
	}
}

// Once the database has accounts, only a signed-in administrator may
// replace it with a backup: a restore replaces the audit trail too.
func TestRestoreNeedsAnAdministrator(t *testing.T) {
	enginetest.FileOnly(t) // restoring a file; a server's restore is tested in store/transfer and cli moved_json
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d %s", code, stderr)
	}
	bak := filepath.Join(t.TempDir(), "before.bpbak")
	if code, _, stderr := run(t, "--db", db, "backup", "-o", bak); code != ExitOK {
		t.Fatalf("backup: exit %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "Admin-pass-1")
	if code, _, stderr := run(t, "--db", db, "users", "add", "admin", "--role", "administrator"); code != ExitOK {
		t.Fatalf("users add admin: exit %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_USER", "admin")
	t.Setenv("BUDGETPERF_PASSWORD", "Admin-pass-1")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "Audit-pass-1")
	if code, _, stderr := run(t, "--db", db, "users", "add", "shenji", "--role", "auditor"); code != ExitOK {
		t.Fatalf("users add auditor: exit %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_USER", "shenji")
	t.Setenv("BUDGETPERF_PASSWORD", "Audit-pass-1")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bak); code != ExitRefused || !strings.Contains(stderr, "restore") {
		t.Errorf("an auditor restoring: exit %d %q", code, stderr)
	}
	t.Setenv("BUDGETPERF_USER", "")
	t.Setenv("BUDGETPERF_PASSWORD", "")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bak); code != ExitRefused || !strings.Contains(stderr, "sign in") {
		t.Errorf("restoring without signing in: exit %d %q", code, stderr)
	}
	t.Setenv("BUDGETPERF_USER", "admin")
	t.Setenv("BUDGETPERF_PASSWORD", "Admin-pass-1")
	// The backup predates the accounts: restoring it switches sign-in off,
	// which the administrator must accept explicitly.
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bak); code != ExitRefused || !strings.Contains(stderr, "--accept-account-changes") {
		t.Errorf("the administrator restoring without accepting: exit %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "restore", "--accept-account-changes", bak); code != ExitOK {
		t.Errorf("the administrator restoring: exit %d %q", code, stderr)
	}
}

// TestDailyCheckOnlyWithBackup: on the first run of a day, reading
// commands do not wait for the day's check (no daily backup appears);
// `backup` runs it first and takes the day's backup, once.
func TestDailyCheckOnlyWithBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2025"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{{"version"}, {"departments", "list"}} {
		if code, _, stderr := run(t, append([]string{"--db", db}, args...)...); code != ExitOK {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if list, _ := store.ListAutoBackups(db); len(list) != 0 {
		t.Fatalf("a reading command took the day's backup: %v", list)
	}
	for i := 0; i < 2; i++ {
		if code, _, stderr := run(t, "--db", db, "backup", "-o", filepath.Join(dir, "saved")); code != ExitOK {
			t.Fatalf("backup: exit %d, %s", code, stderr)
		}
	}
	list, _ := store.ListAutoBackups(db)
	if len(list) != 1 || list[0].Reason != store.ReasonDaily {
		t.Errorf("after two backups the automatic ones are %v, want the day's one", list)
	}
}
