package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// english finds English words in a Chinese message (the options it
// names aside).
var (
	english = regexp.MustCompile(`\b(backup|database|identity|schema|hospital|users?|sign-in|administrators?|accounts?)\b`)
	options = regexp.MustCompile(`--[a-z-]+`)
)

func hasEnglish(s string) bool { return english.MatchString(options.ReplaceAllString(s, "")) }

// demoWithBackup makes a demo database for year and a backup of it.
func demoWithBackup(t *testing.T, year string) (db, bak string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "budgetperf.db")
	if code, _, stderr := run(t, "--db", db, "demo", "--year", year); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	bak = filepath.Join(dir, "saved.bpbak")
	if code, _, stderr := run(t, "--db", db, "backup", "-o", bak); code != ExitOK {
		t.Fatalf("backup: exit %d, %s", code, stderr)
	}
	return db, bak
}

// addUser adds an account as whoever is signed in.
func addUser(t *testing.T, db, login, role, password string, more ...string) {
	t.Helper()
	t.Setenv("BUDGETPERF_NEW_PASSWORD", password)
	args := append([]string{"--db", db, "users", "add", login, "--role", role}, more...)
	if code, _, stderr := run(t, args...); code != ExitOK {
		t.Fatalf("users add %s: exit %d, %s", login, code, stderr)
	}
}

// Another hospital's backup (another db.id) is refused without
// --accept-other-hospital, naming both hospitals in either language, and
// leaves the database as it was; with the option it is restored.
func TestRestoreAnotherHospitalNeedsTheFlag(t *testing.T) {
	db, _ := demoWithBackup(t, "2025")
	_, other := demoWithBackup(t, "2024")
	sqlfixture.SetSetting(t, other, "hospital_name", "临江县人民医院")
	before := sqlfixture.Dump(t, db)
	code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", other)
	if code != ExitRefused || !strings.Contains(stderr, "another database") || !strings.Contains(stderr, "临江县人民医院") ||
		!strings.Contains(stderr, "滨江市妇幼保健院") || !strings.Contains(stderr, "--accept-other-hospital") || strings.Contains(stderr, "--accept-account-changes") {
		t.Errorf("en: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "restore", other)
	if code != ExitRefused || !strings.Contains(stderr, "另一个数据库") || !strings.Contains(stderr, "临江县人民医院") || hasEnglish(stderr) {
		t.Errorf("zh: exit %d, %q", code, stderr)
	}
	if sqlfixture.Dump(t, db) != before {
		t.Fatal("the refused restore changed the database")
	}
	if kept, _ := filepath.Glob(db + ".replaced-*"); len(kept) != 0 {
		t.Errorf("a refused restore kept the database as %v", kept)
	}
	// The option for the other change does not accept this one.
	if code, _, _ := run(t, "--db", db, "restore", "--accept-account-changes", other); code != ExitRefused {
		t.Errorf("--accept-account-changes accepted another hospital: exit %d", code)
	}
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "restore", "--accept-other-hospital", other); code != ExitOK || !strings.Contains(stdout, ".replaced-") {
		t.Fatalf("with --accept-other-hospital: exit %d, %q %q", code, stdout, stderr)
	}
	if sqlfixture.Dump(t, db) == before {
		t.Error("the accepted restore left the database as it was")
	}
}

// A backup older than schema 10 has no identity: it is compared by the
// hospital's name, and the message says so; the same name restores
// without asking.
func TestRestoreOldBackupComparesHospitalNames(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "schema7.bpbak")
	data, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema7-demo2025.db"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(old, data, 0o644)
	db, _ := demoWithBackup(t, "2025")
	sqlfixture.SetSetting(t, db, "hospital_name", "临江县人民医院")
	code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", old)
	if code != ExitRefused || !strings.Contains(stderr, "compared by the hospital's name") || !strings.Contains(stderr, "临江县人民医院") || !strings.Contains(stderr, "schema 7") {
		t.Errorf("another name: exit %d, %q", code, stderr)
	}
	sqlfixture.SetSetting(t, db, "hospital_name", "滨江市妇幼保健院")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", old); code != ExitOK {
		t.Errorf("the same name: exit %d, %q", code, stderr)
	}
}

// A backup without the accounts of the database: one without any switches
// sign-in off, one without today's administrator loses them; each is said
// and refused without --accept-account-changes, nothing changed.
func TestRestoreWithoutTheAccountsNeedsTheFlag(t *testing.T) {
	db, noUsers := demoWithBackup(t, "2025")
	addUser(t, db, "admin", "administrator", "Admin-pass-1", "--name", "王主任")
	as(t, "admin", "Admin-pass-1")
	addUser(t, db, "caiwu", "budget_office", "Caiwu-pass-1")
	before := sqlfixture.Dump(t, db)
	code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", noUsers)
	if code != ExitRefused || !strings.Contains(stderr, "Sign-in will be switched off") || !strings.Contains(stderr, "王主任 (admin), caiwu") ||
		!strings.Contains(stderr, "anyone at this PC will act as administrator") || !strings.Contains(stderr, "--accept-account-changes") {
		t.Errorf("no accounts in the backup: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "restore", noUsers)
	if code != ExitRefused || !strings.Contains(stderr, "将关闭登录") || hasEnglish(stderr) {
		t.Errorf("zh: exit %d, %q", code, stderr)
	}
	// A backup whose only administrator is someone else.
	other := filepath.Join(t.TempDir(), "other-admin.bpbak")
	if code, _, stderr := run(t, "--db", db, "backup", "-o", other); code != ExitOK {
		t.Fatalf("backup: %s", stderr)
	}
	sqlfixture.Tamper(t, other, other+".2", `UPDATE users SET login = 'admin2' WHERE login = 'admin'`, `UPDATE user_departments SET login = 'admin2' WHERE login = 'admin'`)
	code, _, stderr = run(t, "--db", db, "--lang", "en", "restore", other+".2")
	if code != ExitRefused || !strings.Contains(stderr, "王主任 (admin) will no longer exist") || !strings.Contains(stderr, "its administrators: 王主任 (admin2)") {
		t.Errorf("administrator missing from the backup: exit %d, %q", code, stderr)
	}
	if sqlfixture.Dump(t, db) != before {
		t.Fatal("a refused restore changed the database")
	}
	if code, _, stderr := run(t, "--db", db, "restore", "--accept-account-changes", noUsers); code != ExitOK {
		t.Fatalf("with --accept-account-changes: exit %d, %q", code, stderr)
	}
	// Sign-in is off now: no credentials needed.
	as(t, "", "")
	if code, _, stderr := run(t, "--db", db, "departments", "list"); code != ExitOK {
		t.Errorf("after the restore without accounts: exit %d, %q", code, stderr)
	}
}

// Only an administrator backs up: a department head's backup is refused
// and no file is written.
func TestBackupByADepartmentHeadIsRefused(t *testing.T) {
	db, _ := demoWithBackup(t, "2025")
	addUser(t, db, "admin", "administrator", "Admin-pass-1")
	as(t, "admin", "Admin-pass-1")
	addUser(t, db, "keshi", "department_head", "Keshi-pass-1", "--departments", "103")
	as(t, "keshi", "Keshi-pass-1")
	dest := filepath.Join(t.TempDir(), "head.bpbak")
	code, _, stderr := run(t, "--db", db, "--lang", "en", "backup", "-o", dest)
	if code != ExitRefused || !strings.Contains(stderr, "keshi") || !strings.Contains(stderr, "back up or restore the database") {
		t.Errorf("a department head's backup: exit %d, %q", code, stderr)
	}
	if left, _ := filepath.Glob(dest + "*"); len(left) != 0 {
		t.Errorf("the refused backup wrote %v", left)
	}
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "backup", "-o", dest)
	if code != ExitRefused || !strings.Contains(stderr, "备份或恢复数据库") {
		t.Errorf("zh: exit %d, %q", code, stderr)
	}
	as(t, "admin", "Admin-pass-1")
	if code, _, stderr := run(t, "--db", db, "backup", "-o", dest); code != ExitOK {
		t.Errorf("the administrator's backup: exit %d, %q", code, stderr)
	}
}

// With --ask the question states the change; no leaves the database as it
// was, yes restores.
func TestRestoreAskStatesTheChange(t *testing.T) {
	db, _ := demoWithBackup(t, "2025")
	_, other := demoWithBackup(t, "2024")
	before := sqlfixture.Dump(t, db)
	withStdin(t, "n\n")
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "restore", "--ask", other)
	if code != ExitOK || !strings.Contains(stdout, "another database") || !strings.Contains(stdout, "[y/N]") {
		t.Errorf("asked: exit %d, %q %q", code, stdout, stderr)
	}
	if sqlfixture.Dump(t, db) != before {
		t.Fatal("a declined restore changed the database")
	}
	withStdin(t, "y\n")
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "restore", "--ask", other); code != ExitOK || !strings.Contains(stdout, ".replaced-") {
		t.Errorf("confirmed: exit %d, %q %q", code, stdout, stderr)
	}
}

// A database older than schema 10 gets its identity when the restore
// opens it to sign in; another database's backup is then told by it.
func TestRestoreOverAnOldDatabaseComparesItsNewIdentity(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema7-demo2025.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "old.db")
	os.WriteFile(db, data, 0o644)
	_, other := demoWithBackup(t, "2025")
	code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", other)
	if code != ExitRefused || !strings.Contains(stderr, "another database") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}
