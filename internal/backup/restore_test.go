package backup

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
	"github.com/budgetperf/budgetperf/internal/users"
)

// newDB makes a database at dir/name with the hospital name and the
// accounts given (login → role; password "Pass-word-1").
func newDB(t *testing.T, dir, name, hospital string, accounts map[string]domain.Role) (*store.Store, map[string]domain.Actor) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "hospital_name", hospital); err != nil {
		t.Fatal(err)
	}
	acc := users.New(s)
	actors := map[string]domain.Actor{}
	logins := []string{}
	for l := range accounts {
		logins = append(logins, l)
	}
	slices.SortFunc(logins, func(a, b string) int { // the administrator first: the first account must be one
		if accounts[a] == domain.RoleAdministrator {
			return -1
		}
		if accounts[b] == domain.RoleAdministrator {
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, l := range logins {
		if err := acc.AddUser(ctx, domain.LocalUser, users.NewUser{Login: l, Role: accounts[l], Password: "Pass-word-1"}); err != nil {
			t.Fatalf("adding %s: %v", l, err)
		}
		if actors[l], err = acc.SignIn(ctx, l, "Pass-word-1"); err != nil {
			t.Fatal(err)
		}
	}
	return s, actors
}

// The service refuses a backup by anyone but an administrator without
// writing a file, says what a restore changes (another hospital, sign-in
// switched off, administrators lost) and restores only what was accepted.
func TestRestoreServiceChecksRoleAndConsent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, users := newDB(t, dir, "a.db", "甲医院", map[string]domain.Role{"admin": domain.RoleAdministrator, "shenji": domain.RoleAuditor})
	dest := filepath.Join(dir, "by-auditor.bpbak")
	if _, err := Create(ctx, a, users["shenji"], dest); err == nil {
		t.Error("an auditor's backup was written")
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("the refused backup left a file")
	}
	own, err := Create(ctx, a, users["admin"], filepath.Join(dir, "own"))
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	b, _ := newDB(t, dir, "b.db", "乙医院", nil)
	other, err := Create(ctx, b, domain.LocalUser, filepath.Join(dir, "other"))
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	aPath := filepath.Join(dir, "a.db")

	p, err := Inspect(ctx, aPath, other.Path)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Kinds(); !slices.Equal(got, []ChangeKind{OtherHospital, Accounts}) || p.Damaged() {
		t.Fatalf("changes %v, damaged %v", got, p.Damaged())
	}
	if txt := p.Changes[0].Text.Error(); !strings.Contains(txt, "乙医院") || !strings.Contains(txt, "甲医院") {
		t.Errorf("other hospital: %s", txt)
	}
	if txt := p.Changes[1].Text.Error(); !strings.Contains(txt, "switched off") || !strings.Contains(txt, "admin, shenji") {
		t.Errorf("accounts: %s", txt)
	}
	before := sqlfixture.Dump(t, aPath)
	for _, req := range []Request{
		{By: users["shenji"], Accept: []ChangeKind{OtherHospital, Accounts}}, // not an administrator
		{By: users["admin"]}, // nothing accepted
		{By: users["admin"], Accept: []ChangeKind{OtherHospital}}, // sign-in off not accepted
	} {
		req.DBPath, req.Src = aPath, other.Path
		if _, err := Restore(ctx, req); err == nil {
			t.Errorf("restore %+v was not refused", req.Accept)
		}
	}
	if sqlfixture.Dump(t, aPath) != before {
		t.Fatal("a refused restore changed the database")
	}
	// The database's own backup changes nothing beyond the data.
	if p, err := Inspect(ctx, aPath, own.Path); err != nil || len(p.Changes) != 0 {
		t.Errorf("own backup: %v %v", p.Changes, err)
	}
	res, err := Restore(ctx, Request{DBPath: aPath, Src: other.Path, By: users["admin"], Accept: []ChangeKind{OtherHospital, Accounts}})
	if err != nil || res.Damaged || !strings.Contains(res.Kept, ".replaced-") {
		t.Fatalf("accepted restore: %+v %v", res, err)
	}
}

// Over a file that cannot be read the backup's administrator restores,
// with the password checked against the backup; the damaged file is kept.
func TestRestoreServiceOverDamagedFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, users := newDB(t, dir, "a.db", "甲医院", map[string]domain.Role{"admin": domain.RoleAdministrator, "shenji": domain.RoleAuditor})
	bak, err := Create(ctx, s, users["admin"], filepath.Join(dir, "a"))
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.db")
	os.WriteFile(path, []byte("garbage"), 0o644)
	p, err := Inspect(ctx, path, bak.Path)
	if err != nil || !p.Damaged() || len(p.Changes) != 0 {
		t.Fatalf("damaged %v, changes %v, %v", p.Damaged(), p.Changes, err)
	}
	for _, req := range []Request{{}, {Login: "shenji", Password: "Pass-word-1"}, {Login: "admin", Password: "wrong"}, {By: domain.LocalUser}} {
		if _, err := Authorize(p, req); err == nil {
			t.Errorf("%+v was allowed", req)
		}
	}
	res, err := Restore(ctx, Request{DBPath: path, Src: bak.Path, Login: "admin", Password: "Pass-word-1"})
	if err != nil || !res.Damaged || !strings.Contains(res.Kept, ".damaged-") {
		t.Fatalf("restore: %+v %v", res, err)
	}
	if b, _ := os.ReadFile(res.Kept); string(b) != "garbage" {
		t.Errorf("kept %q", b)
	}
}

// A backup with accounts restored over a database without any switches
// sign-in on: asked for, naming who can sign in afterwards.
func TestSignInSwitchedOnIsAChange(t *testing.T) {
	bak := []domain.User{{Login: "wang", Name: "王主任", Role: domain.RoleAdministrator}, {Login: "li", Role: domain.RoleAuditor}}
	cs := accountChanges(nil, bak)
	if len(cs) != 1 || cs[0].Kind != Accounts || cs[0].Text.Key != "problem.restore.signin_on" || !strings.Contains(cs[0].Text.Error(), "王主任 (wang)") {
		t.Fatalf("changes %+v", cs)
	}
	if cs := accountChanges(nil, nil); len(cs) != 0 {
		t.Errorf("no accounts on either side: %+v", cs)
	}
}
