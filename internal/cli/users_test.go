package cli

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// withPassword sets the sign-in environment for one call.
func as(t *testing.T, login, password string) {
	t.Helper()
	t.Setenv("BUDGETPERF_USER", login)
	t.Setenv("BUDGETPERF_PASSWORD", password)
}

func TestUsersAndSignIn(t *testing.T) {
	enginetest.FileOnly(t) // a file's sign-in; on a server signing in is connecting (store/grants tests)
	db := tempDB(t)
	baseDemo(t, db)
	if code, _, stderr := run(t, "--db", db, "budget", "status", "--year", "2026", "--json"); code != ExitOK {
		t.Fatalf("no users yet, runs as the local administrator: %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "zhang-pass")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "users", "add", "zhang", "--role", "department_head", "--departments", "103"); code != ExitRefused ||
		!strings.Contains(stderr, "first user must be an administrator") {
		t.Fatalf("first user not an administrator: %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "admin-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "admin", "--name", "管理员", "--role", "administrator"); code != ExitOK {
		t.Fatalf("add admin: %d %s", code, stderr)
	}
	// From now on the command line must sign in.
	t.Setenv("BUDGETPERF_USER", "")
	code, _, stderr := run(t, "--db", db, "--lang", "en", "budget", "status", "--year", "2026", "--json")
	if code != ExitRefused || !strings.Contains(stderr, "--user") || !strings.Contains(stderr, "BUDGETPERF_PASSWORD") {
		t.Fatalf("no credentials: %d %s", code, stderr)
	}
	as(t, "admin", "wrong-pass")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "budget", "status", "--year", "2026"); code != ExitRefused || !strings.Contains(stderr, "wrong") {
		t.Fatalf("wrong password: %d %s", code, stderr)
	}
	as(t, "admin", "admin-pass")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "zhang-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "zhang", "--role", "department_head", "--departments", "103"); code != ExitOK {
		t.Fatalf("add head: %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "auditor-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "wang", "--role", "auditor"); code != ExitOK {
		t.Fatalf("add auditor: %d %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "users", "list", "--json")
	if code != ExitOK || !strings.Contains(stdout, `"zhang"`) || strings.Contains(stdout, "argon2") {
		t.Fatalf("users list: %d %s %s", code, stdout, stderr)
	}
	// --user overrides BUDGETPERF_USER. The auditor, who reads
	// everything, lists the users; a department head may not.
	t.Setenv("BUDGETPERF_PASSWORD", "auditor-pass")
	if code, stdout, stderr := run(t, "--db", db, "--user", "wang", "--lang", "en", "users", "list"); code != ExitOK || !strings.Contains(stdout, "zhang") {
		t.Fatalf("auditor lists users: %d %s", code, stderr)
	}
	t.Setenv("BUDGETPERF_PASSWORD", "zhang-pass")
	if code, _, stderr := run(t, "--db", db, "--user", "zhang", "--lang", "en", "users", "list"); code != ExitRefused || !strings.Contains(stderr, "zhang") {
		t.Fatalf("department head lists users: %d %s", code, stderr)
	}
	// Lock, unlock, reset, change role, own password.
	steps := []struct {
		as, pw string
		args   []string
		newPw  string
		code   int
		out    string
	}{
		{"admin", "admin-pass", []string{"users", "lock", "zhang"}, "", ExitOK, "Locked"},
		{"zhang", "zhang-pass", []string{"budget", "status", "--year", "2026"}, "", ExitRefused, "or the account is locked"},
		{"admin", "admin-pass", []string{"users", "unlock", "zhang"}, "", ExitOK, "Unlocked"},
		{"admin", "admin-pass", []string{"users", "reset", "zhang"}, "zhang-new-pass", ExitOK, "Reset"},
		{"zhang", "zhang-pass", []string{"budget", "status", "--year", "2026"}, "", ExitRefused, "wrong"},
		{"zhang", "zhang-new-pass", []string{"users", "passwd"}, "zhang-own-pass", ExitOK, "Changed the password"},
		{"zhang", "zhang-own-pass", []string{"budget", "status", "--year", "2026"}, "", ExitOK, ""},
		{"admin", "admin-pass", []string{"users", "set", "zhang", "--departments", "101,103"}, "", ExitOK, "Changed"},
		{"admin", "admin-pass", []string{"users", "set", "admin", "--role", "auditor"}, "", ExitRefused, "only active administrator"},
		{"admin", "admin-pass", []string{"users", "add"}, "", ExitUsage, "LOGIN"},
	}
	for i, st := range steps {
		as(t, st.as, st.pw)
		t.Setenv("BUDGETPERF_NEW_PASSWORD", st.newPw)
		code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, st.args...)...)
		if code != st.code || !strings.Contains(stdout+stderr, st.out) {
			t.Errorf("step %d %v: exit %d, %q %q", i, st.args, code, stdout, stderr)
		}
	}
	as(t, "admin", "admin-pass")
	_, stdout, _ = run(t, "--db", db, "users", "list", "--json")
	if !strings.Contains(stdout, `"101",`) {
		t.Errorf("departments not changed: %s", stdout)
	}
}

// The acceptance case through the command line: a department head reads
// their own department's proposal and is refused another's.
func TestDepartmentHeadCannotReadAnotherProposal(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	// The demo hospital's 2027 cycle is opened through the service; the
	// command line has no command for it.
	openCycle(t, db, 2027)
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "admin-pass")
	run(t, "--db", db, "users", "add", "admin", "--role", "administrator")
	as(t, "admin", "admin-pass")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "zhang-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "zhang", "--name", "张主任", "--role", "department_head", "--departments", "103"); code != ExitOK {
		t.Fatalf("add head: %d %s", code, stderr)
	}
	as(t, "zhang", "zhang-pass")
	code, stdout, stderr := run(t, "--db", db, "budget", "proposal", "--year", "2027", "--department", "103", "--json")
	if code != ExitOK {
		t.Fatalf("own proposal: %d %s", code, stderr)
	}
	var p struct {
		Code  string            `json:"code"`
		Lines []json.RawMessage `json:"lines"`
	}
	if err := json.Unmarshal([]byte(stdout), &p); err != nil || p.Code != "103" || len(p.Lines) == 0 {
		t.Fatalf("own proposal: %v %s", err, stdout)
	}
	code, stdout, stderr = run(t, "--db", db, "--lang", "en", "budget", "proposal", "--year", "2027", "--department", "101", "--json")
	if code != ExitRefused || stdout != "" || !strings.Contains(stderr, "zhang") || !strings.Contains(stderr, "101") {
		t.Fatalf("another's proposal: %d %q %s", code, stdout, stderr)
	}
	// The status lists their own department only.
	code, stdout, _ = run(t, "--db", db, "budget", "status", "--year", "2027", "--json")
	if code != ExitOK || strings.Count(stdout, `"code"`) != 1 {
		t.Fatalf("status: %d %s", code, stdout)
	}
}

// withStdin makes os.Stdin a pipe holding text and returns a function
// telling whether it is still unread: a command that refused before asking
// for a password has not read it.
func withStdin(t *testing.T, text string) func() bool {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteString(text); err != nil {
		t.Fatal(err)
	}
	w.Close()
	old := os.Stdin
	os.Stdin = r
	t.Cleanup(func() { os.Stdin = old; r.Close() })
	return func() bool {
		b := make([]byte, len(text))
		n, _ := io.ReadFull(r, b)
		return string(b[:n]) == text
	}
}

// users add, reset and passwd check the permission before they ask for the
// new password: the wrong role is refused without a prompt.
func TestPasswordCommandsRefuseBeforeAsking(t *testing.T) {
	db := tempDB(t)
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "") // restored after the test
	// Without accounts there is no password to change.
	os.Unsetenv("BUDGETPERF_NEW_PASSWORD")
	unread := withStdin(t, "typed-password\n")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "users", "passwd"); code != ExitRefused || !strings.Contains(stderr, "no account") || !unread() {
		t.Fatalf("passwd without accounts: %d %s (asked first: %v)", code, stderr, !unread())
	}
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "admin-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "admin", "--role", "administrator"); code != ExitOK {
		t.Fatalf("add admin: %d %s", code, stderr)
	}
	as(t, "admin", "admin-pass")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "wang-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "wang", "--role", "auditor"); code != ExitOK {
		t.Fatalf("add auditor: %d %s", code, stderr)
	}
	as(t, "wang", "wang-pass")
	for _, args := range [][]string{{"users", "add", "li", "--role", "auditor"}, {"users", "reset", "admin"}} {
		os.Unsetenv("BUDGETPERF_NEW_PASSWORD")
		unread := withStdin(t, "typed-password\n")
		code, _, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, args...)...)
		if code != ExitRefused || strings.Contains(stderr, "new password") || !unread() {
			t.Errorf("%v as an auditor: %d %s; want refused before the password is read", args, code, stderr)
		}
	}
	// The right role is asked, and the password read from standard input.
	as(t, "admin", "admin-pass")
	os.Unsetenv("BUDGETPERF_NEW_PASSWORD")
	unread = withStdin(t, "reset-pass\n")
	if code, _, stderr := run(t, "--db", db, "users", "reset", "wang"); code != ExitOK || unread() {
		t.Fatalf("reset by the administrator: %d %s", code, stderr)
	}
}
