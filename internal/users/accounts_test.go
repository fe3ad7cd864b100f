package users

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

var ctx = context.Background()

func newService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st, err := store.Open(ctx, enginetest.File(t, filepath.Join(t.TempDir(), "a.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st)
	s.Params = credential.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	return s, st
}

func key(err error) string {
	if ps := domain.AsProblems(err); ps != nil {
		return ps[0].Key
	}
	if err != nil {
		return "error: " + err.Error()
	}
	return ""
}

func TestFirstUserMustBeAdministrator(t *testing.T) {
	s, _ := newService(t)
	if has, _ := s.HasUsers(ctx); has {
		t.Fatal("new database has users")
	}
	err := s.AddUser(ctx, domain.LocalUser, NewUser{Login: "li", Role: domain.RoleAuditor, Password: "password1"})
	if key(err) != "problem.users.first_admin" {
		t.Fatalf("got %v", err)
	}
	if err := s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Name: "管理员", Role: domain.RoleAdministrator, Password: "password1"}); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasUsers(ctx); !has {
		t.Fatal("no users after adding one")
	}
}

func TestAddUserRefusals(t *testing.T) {
	s, _ := newService(t)
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	if err := s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		by   domain.Actor
		nu   NewUser
		want string
	}{
		{"duplicate", admin, NewUser{Login: "admin", Role: domain.RoleAuditor, Password: "password1"}, "problem.users.exists"},
		{"short password", admin, NewUser{Login: "x", Role: domain.RoleAuditor, Password: "short"}, "problem.users.short_password"},
		{"bad role", admin, NewUser{Login: "x", Role: "boss", Password: "password1"}, "problem.users.bad_role"},
		{"space in login", admin, NewUser{Login: "a b", Role: domain.RoleAuditor, Password: "password1"}, "problem.users.bad_login"},
		{"head without departments", admin, NewUser{Login: "h", Role: domain.RoleDeptHead, Password: "password1"}, "problem.users.no_departments"},
		{"unknown department", admin, NewUser{Login: "h", Role: domain.RoleDeptHead, Departments: []string{"999"}, Password: "password1"}, "problem.users.unknown_department"},
		{"departments for auditor", admin, NewUser{Login: "x", Role: domain.RoleAuditor, Departments: []string{"000"}, Password: "password1"}, "problem.users.departments_unused"},
		{"not an administrator", domain.Actor{Login: "a", Role: domain.RoleBudgetOffice}, NewUser{Login: "x", Role: domain.RoleAuditor, Password: "password1"}, "problem.access.denied"},
		{"ok", admin, NewUser{Login: "h", Role: domain.RoleDeptHead, Departments: []string{"000"}, Password: "password1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := key(s.AddUser(ctx, tt.by, tt.nu)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSignInAndLockOut(t *testing.T) {
	enginetest.FileOnly(t) // a server limits sign-in attempts itself (pg_hba, auth_delay)
	s, _ := newService(t)
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	must(t, s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}))
	must(t, s.AddUser(ctx, admin, NewUser{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"000"}, Password: "zhang-pass"}))

	a, err := s.SignIn(ctx, "zhang", "zhang-pass")
	if err != nil || a.Login != "zhang" || a.Role != domain.RoleDeptHead || len(a.Departments) != 1 || a.Name != "张主任" {
		t.Fatalf("sign-in: %+v %v", a, err)
	}
	if _, err := s.SignIn(ctx, "nobody", "zhang-pass"); key(err) != "problem.signin.bad" {
		t.Errorf("unknown user: %v", err)
	}
	for i := 1; i < credential.MaxFailures; i++ {
		if _, err := s.SignIn(ctx, "zhang", "wrong"); key(err) != "problem.signin.bad" {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	if _, err := s.SignIn(ctx, "zhang", "wrong"); key(err) != "problem.signin.bad" {
		t.Fatalf("fifth failure: %v", err)
	}
	// The lock is stored: even the right password is refused for 15 minutes.
	clock = clock.Add(14 * time.Minute)
	if _, err := s.SignIn(ctx, "zhang", "zhang-pass"); key(err) != "problem.signin.bad" {
		t.Fatalf("during lock: %v", err)
	}
	clock = clock.Add(2 * time.Minute)
	if _, err := s.SignIn(ctx, "zhang", "zhang-pass"); err != nil {
		t.Fatalf("after lock: %v", err)
	}
	// A good sign-in clears the count.
	for i := 1; i < credential.MaxFailures; i++ {
		_, _ = s.SignIn(ctx, "zhang", "wrong")
	}
	if _, err := s.SignIn(ctx, "zhang", "zhang-pass"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, "zhang", "wrong"); key(err) != "problem.signin.bad" {
		t.Fatalf("count not cleared: %v", err)
	}
	// An administrator's reset ends a lock-out.
	for i := 0; i < credential.MaxFailures; i++ {
		_, _ = s.SignIn(ctx, "zhang", "wrong")
	}
	must(t, s.ResetPassword(ctx, admin, "zhang", "new-password"))
	if _, err := s.SignIn(ctx, "zhang", "new-password"); err != nil {
		t.Fatalf("after reset: %v", err)
	}
	// An administrator's lock refuses even the right password.
	must(t, s.SetLocked(ctx, admin, "zhang", true))
	if _, err := s.SignIn(ctx, "zhang", "new-password"); key(err) != "problem.signin.bad" {
		t.Fatalf("locked: %v", err)
	}
	must(t, s.SetLocked(ctx, admin, "zhang", false))
	if _, err := s.SignIn(ctx, "zhang", "new-password"); err != nil {
		t.Fatal(err)
	}
}

func TestChangePassword(t *testing.T) {
	s, _ := newService(t)
	must(t, s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}))
	a, err := s.SignIn(ctx, "admin", "password1")
	must(t, err)
	if err := s.ChangePassword(ctx, a, "wrong-one", "password2"); key(err) != "problem.users.old_password" {
		t.Errorf("wrong old: %v", err)
	}
	if err := s.ChangePassword(ctx, a, "password1", "short"); key(err) != "problem.users.short_password" {
		t.Errorf("short: %v", err)
	}
	must(t, s.ChangePassword(ctx, a, "password1", "password2"))
	if _, err := s.SignIn(ctx, "admin", "password1"); err == nil {
		t.Error("old password still works")
	}
	if _, err := s.SignIn(ctx, "admin", "password2"); err != nil {
		t.Error(err)
	}
}

func TestLastAdministratorIsKept(t *testing.T) {
	s, _ := newService(t)
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	must(t, s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}))
	if err := s.UpdateUser(ctx, admin, "admin", "", domain.RoleAuditor, nil); key(err) != "problem.users.last_admin" {
		t.Errorf("demoting the last admin: %v", err)
	}
	if err := s.SetLocked(ctx, admin, "admin", true); key(err) != "problem.users.lock_self" {
		t.Errorf("locking oneself: %v", err)
	}
	must(t, s.AddUser(ctx, admin, NewUser{Login: "root2", Role: domain.RoleAdministrator, Password: "password1"}))
	must(t, s.UpdateUser(ctx, admin, "admin", "老管理员", domain.RoleAuditor, nil))
	us, err := s.Users(ctx, domain.Actor{Login: "root2", Role: domain.RoleAdministrator})
	must(t, err)
	if len(us) != 2 || us[0].Role != domain.RoleAuditor || us[0].PasswordHash != "" {
		t.Errorf("users: %+v", us)
	}
}

// Account changes are audited; passwords never are.
func TestUserChangesAreAudited(t *testing.T) {
	s, st := newService(t)
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	must(t, s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}))
	must(t, s.AddUser(ctx, admin, NewUser{Login: "wang", Role: domain.RoleAuditor, Password: "secret-pw"}))
	must(t, s.UpdateUser(ctx, admin, "wang", "王审计", domain.RoleAuditor, nil))
	must(t, s.ResetPassword(ctx, admin, "wang", "another-pw"))
	es, err := st.AuditEntries(ctx, store.AuditFilter{EntityKey: "wang"})
	must(t, err)
	var fields []string
	for _, e := range es {
		fields = append(fields, e.Field+"="+e.New)
		if e.New == "secret-pw" || e.New == "another-pw" {
			t.Error("a password reached the audit trail")
		}
	}
	want := []string{"role=auditor", "name=王审计", "password=reset"}
	if len(fields) != len(want) {
		t.Fatalf("entries %v, want %v", fields, want)
	}
	for i := range want {
		if fields[i] != want[i] {
			t.Errorf("entry %d: %s, want %s", i, fields[i], want[i])
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// An unknown login, a wrong password, an account locked after wrong
// passwords and one locked by an administrator are refused in the same
// words: the refusal never tells whether an account exists.
func TestSignInRefusalsDoNotRevealAccounts(t *testing.T) {
	enginetest.FileOnly(t) // a server limits sign-in attempts itself (pg_hba, auth_delay)
	s, _ := newService(t)
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	must(t, s.AddUser(ctx, domain.LocalUser, NewUser{Login: "admin", Role: domain.RoleAdministrator, Password: "password1"}))
	must(t, s.AddUser(ctx, admin, NewUser{Login: "li", Role: domain.RoleAuditor, Password: "li-password"}))
	must(t, s.AddUser(ctx, admin, NewUser{Login: "wang", Role: domain.RoleAuditor, Password: "wang-password"}))
	_, unknown := s.SignIn(ctx, "nobody", "li-password")
	_, wrong := s.SignIn(ctx, "li", "wrong")
	var lockedOut error
	for range credential.MaxFailures {
		_, lockedOut = s.SignIn(ctx, "wang", "wrong")
	}
	_, duringLock := s.SignIn(ctx, "wang", "wang-password")
	// After five tries an unknown login answers as a locked account does.
	var unknownFifth error
	for range credential.MaxFailures {
		_, unknownFifth = s.SignIn(ctx, "nobody", "wrong")
	}
	must(t, s.SetLocked(ctx, admin, "li", true))
	_, disabled := s.SignIn(ctx, "li", "li-password")
	for name, err := range map[string]error{"wrong password": wrong, "fifth wrong password": lockedOut,
		"right password during the lock": duringLock, "unknown login, fifth try": unknownFifth, "locked by an administrator": disabled} {
		if err == nil || unknown == nil || err.Error() != unknown.Error() {
			t.Errorf("%s: %v; want the same words as an unknown login: %v", name, err, unknown)
		}
	}
	for _, err := range []error{unknown, disabled, duringLock} {
		if strings.Contains(err.Error(), "li") || strings.Contains(err.Error(), "wang") || strings.Contains(err.Error(), "nobody") {
			t.Errorf("the refusal names the login: %v", err)
		}
	}
}
