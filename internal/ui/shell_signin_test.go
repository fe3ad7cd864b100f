package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/keyring"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/users"
)

// withUsers adds an administrator and a head of department 103 to the
// database at path, with a 2027 preparation cycle open.
func withUsers(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	svc.Accounts.Params = credential.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	if _, err := svc.Budgets.OpenCycle(ctx, domain.LocalUser, 2027); err != nil {
		t.Fatal(err)
	}
	for _, u := range []users.NewUser{
		{Login: "admin", Name: "管理员", Role: domain.RoleAdministrator, Password: "admin-pass"},
		{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"103"}, Password: "zhang-pass"},
	} {
		if err := svc.Accounts.AddUser(ctx, domain.LocalUser, u); err != nil {
			t.Fatal(err)
		}
	}
}

// With users the window shows no data until someone signs in; a
// department head then sees and opens their own department only.
func TestSignInThenDepartmentHeadSeesOwnDepartment(t *testing.T) {
	path := demoDB(t, 2026)
	withUsers(t, path)
	s, _ := startApp(t, path, "en")
	if s.signIn == nil || s.actor.Valid() || s.prep != nil {
		t.Fatalf("no sign-in screen (actor %+v)", s.actor)
	}
	if hasText(s.win.Content(), "Dashboard") {
		t.Fatal("screens are shown before signing in")
	}
	si := s.signIn
	si.login.SetText("zhang")
	si.password.SetText("wrong-pass")
	test.Tap(si.button)
	if s.actor.Valid() || !strings.Contains(si.message.Text, "wrong") {
		t.Fatalf("wrong password: actor %+v, message %q", s.actor, si.message.Text)
	}
	si.password.SetText("zhang-pass")
	test.Tap(si.button)
	if s.actor.Login != "zhang" || s.actor.Role != domain.RoleDeptHead || s.prep == nil {
		t.Fatalf("not signed in: %+v (%q)", s.actor, si.message.Text)
	}
	// The header says who is signed in, as what, with 退出登录 beside.
	if !strings.Contains(s.who.Text, "张主任") || !strings.Contains(s.who.Text, "department head") || !s.signOutBtn.Visible() {
		t.Errorf("the header does not show the user and role with Sign out: %q", s.who.Text)
	}
	s.setYear(2027)
	if got := s.prep.Departments(); len(got) != 1 || got[0].DeptCode != "103" {
		t.Fatalf("the head's department list: %+v", got)
	}
	// Opening another department's proposal (as a stale selection or a
	// crafted call would) is refused by the service, with the reason shown.
	s.prep.ShowProposal("101")
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "103") || s.prep.ProposalDept() == "101" {
		t.Fatalf("another department's proposal was opened; dialog %v", top)
	}
	closeOverlays(s)
	err := s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, "101", []budgeting.LineEdit{{SubjectCode: "30201", Amount: 1}})
	if ps := domain.AsProblems(err); len(ps) == 0 || ps[0].Key != "problem.access.not_own_dept" {
		t.Fatalf("changing another's proposal: %v", err)
	}
	// A head has no users or audit tab.
	if s.access == nil || s.access.userTable != nil || s.access.auditTable != nil {
		t.Error("a department head sees the users or audit tab")
	}
	test.Tap(s.signOutBtn)
	if s.actor.Valid() || s.signIn == nil {
		t.Error("signing out left the user signed in")
	}
}

// Changing a budget line shows in the audit viewer with old and new
// value; tampering with the file makes Verify name the row.
func TestAuditViewerShowsChangesAndTampering(t *testing.T) {
	path := demoDB(t, 2026)
	s, _ := startApp(t, path, "en")
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	p, err := s.svc.Budgets.Proposal(s.ctx, s.actor, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	line := p.Lines[0]
	if err := s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, "103", []budgeting.LineEdit{{SubjectCode: line.SubjectCode, Amount: 8765432}}); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionSettings)
	s.settings.Refresh()
	a := s.access
	if a == nil || a.auditTable == nil || a.userTable == nil {
		t.Fatal("the local administrator has no users or audit tab")
	}
	if len(a.entries) == 0 {
		t.Fatalf("no audit entries: %q", a.auditMsg.Text)
	}
	e := a.entries[0] // newest first
	if e.EntityKey != "2027/103/"+line.SubjectCode || e.Field != "proposal" || e.Old != line.Proposal.String() || e.New != "87654.32" {
		t.Fatalf("newest entry %+v", e)
	}
	row := map[int]string{}
	for c := range auditColKeys {
		row[c], _ = a.auditCell(0, c)
	}
	// The built-in user and the field by their display names.
	if row[6] != e.Old || row[7] != "87654.32" || row[2] != "System administrator" || row[5] != "proposal (first up)" {
		t.Errorf("viewer row %v", row)
	}
	// Selecting an entry opens it whole, a line per column.
	a.auditTable.Select(widget.TableCellID{Row: 0, Col: 3})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "Change No. "+strconv.FormatInt(e.Seq, 10)) || !hasText(top, "New value: 87654.32") {
		t.Errorf("the selected entry is not shown whole: %v", top)
	}
	closeOverlays(s)
	// Filters narrow the list.
	a.entity.SetSelected("User")
	if len(a.entries) != 0 {
		t.Errorf("user filter shows %d entries", len(a.entries))
	}
	a.entity.SetSelectedIndex(0)
	a.from.SetText("not a date")
	a.refreshAudit()
	if !strings.Contains(a.auditMsg.Text, "not a date") {
		t.Errorf("bad date: %q", a.auditMsg.Text)
	}
	a.from.SetText("")
	test.Tap(a.verify)
	if !strings.Contains(a.auditMsg.Text, "intact") {
		t.Fatalf("verify: %q", a.auditMsg.Text)
	}
	xlsx := filepath.Join(t.TempDir(), "audit.xlsx")
	a.exportTo(xlsx)
	if !strings.Contains(a.auditMsg.Text, xlsx) {
		t.Errorf("export: %q", a.auditMsg.Text)
	}
	// The audit key goes to another PC and back from the same tab.
	keyFile := filepath.Join(t.TempDir(), "audit.key")
	a.exportKey(keyFile)
	if !strings.Contains(a.auditMsg.Text, "written to "+keyFile) {
		t.Errorf("key export: %q", a.auditMsg.Text)
	}
	t.Setenv(keyring.EnvDir, t.TempDir())
	test.Tap(a.verify)
	if !strings.Contains(a.auditMsg.Text, "another PC") || !strings.Contains(a.auditMsg.Text, "Export audit key") {
		t.Errorf("verify on a PC without the key: %q", a.auditMsg.Text)
	}
	a.importKey(keyFile)
	if !strings.Contains(a.auditMsg.Text, "imported") || !strings.Contains(a.auditMsg.Text, "intact") {
		t.Errorf("after importing the key: %q", a.auditMsg.Text)
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE audit_log SET new_value = '1.00' WHERE seq = ?`, e.Seq); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	test.Tap(a.verify)
	if !strings.Contains(a.auditMsg.Text, "row "+strconv.FormatInt(e.Seq, 10)) {
		t.Errorf("tampered verify: %q", a.auditMsg.Text)
	}
}

// The first launch offers the demo, then the administrator account;
// creating it signs the administrator in.
func TestFirstLaunchOffersTheAdministrator(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "new.db"), "en")
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no demo offer")
	}
	test.Tap(findButton(top, "Start empty"))
	top = s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "Create the administrator") {
		t.Fatalf("no administrator offer: %v", top)
	}
	closeOverlays(s)
	if err := s.createFirstAdmin("root", "Admin", "pass-word-1", "pass-word-2"); err == nil {
		t.Error("different passwords accepted")
	}
	if err := s.createFirstAdmin("root", "Admin", "pass-word-1", "pass-word-1"); err != nil {
		t.Fatal(err)
	}
	if s.actor.Login != "root" || s.actor.Role != domain.RoleAdministrator {
		t.Errorf("signed in as %+v", s.actor)
	}
}
