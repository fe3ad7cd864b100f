package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// findCheckGroup is the first check group under o.
func findCheckGroup(t *testing.T, o fyne.CanvasObject) *widget.CheckGroup {
	t.Helper()
	var g *widget.CheckGroup
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.CheckGroup); ok && g == nil {
			g = c
		}
		return g == nil
	})
	if g == nil {
		t.Fatal("no list of departments")
	}
	return g
}

// The local administrator adds the first user in Settings → Users; it
// must be an administrator, and adding it ends the unsigned session.
func TestUsersTabAddsTheFirstAdministrator(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "en")
	s.Show(SectionSettings)
	p := s.access
	if p == nil || p.userTable == nil || !strings.Contains(p.who.Text, "no user accounts") {
		t.Fatalf("no users tab for the local administrator")
	}
	p.login.SetText("wang")
	p.role.SetSelected("auditor")
	p.userPw.SetText("wang-password")
	test.Tap(p.add)
	probe.ConfirmTop(t, s.win)
	if !strings.Contains(p.usersMsg.Text, "first user must be an administrator") {
		t.Fatalf("message %q", p.usersMsg.Text)
	}
	p.login.SetText("admin")
	p.role.SetSelected("administrator")
	p.userPw.SetText("admin-password")
	// Before: the first administrator ends this session, and it says so;
	// 取消 adds nobody.
	test.Tap(p.add)
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "everyone must sign in") || findButton(top, "Add and sign in again") == nil {
		t.Fatalf("adding the first administrator does not explain the sign-out first: %v", top)
	}
	tapButton(t, top, "Cancel")
	if has, _ := s.svc.Accounts.HasUsers(s.ctx); has || !s.actor.Valid() {
		t.Fatal("取消 added the user or ended the session")
	}
	test.Tap(p.add)
	probe.ConfirmTop(t, s.win)
	if s.actor.Valid() || s.signIn == nil {
		t.Fatalf("still working unsigned as %+v", s.actor)
	}
	// After: the sign-in screen says why it is there, the login filled in.
	if !strings.Contains(s.signIn.message.Text, "now needs signing in") || s.signIn.login.Text != "admin" {
		t.Errorf("the sign-in screen does not explain itself: %q", s.signIn.message.Text)
	}
	s.signIn.login.SetText("admin")
	s.signIn.password.SetText("admin-password")
	test.Tap(s.signIn.button)
	if s.actor.Login != "admin" || s.actor.Role != domain.RoleAdministrator {
		t.Fatalf("signed in as %+v: %q", s.actor, s.signIn.message.Text)
	}
	// The administrator adds a department head, then locks and unlocks them.
	s.Show(SectionSettings)
	p = s.access
	p.login.SetText("zhang")
	p.name.SetText("张主任")
	p.role.SetSelected("department head")
	test.Tap(p.depts.button) // 儿科 picked from the hospital's list by name
	group := findCheckGroup(t, s.win.Canvas().Overlays().Top())
	for _, o := range group.Options {
		if strings.HasPrefix(o, "103 ") {
			group.SetSelected([]string{o})
		}
	}
	probe.ConfirmTop(t, s.win)
	if !strings.HasPrefix(p.depts.label.Text, "103 ") || len(p.depts.codes) != 1 {
		t.Errorf("picked department shown as %q", p.depts.label.Text)
	}
	p.userPw.SetText("zhang-password")
	test.Tap(p.add)
	if len(p.users) != 2 || p.users[1].Login != "zhang" || p.users[1].Departments[0] != "103" {
		t.Fatalf("users %+v (%q)", p.users, p.usersMsg.Text)
	}
	test.Tap(p.lock)
	if !p.users[1].Disabled {
		t.Fatalf("not locked: %q", p.usersMsg.Text)
	}
	if txt, _ := p.userCell(1, 4); txt != "locked" {
		t.Errorf("state cell %q", txt)
	}
	test.Tap(p.unl)
	if p.users[1].Disabled {
		t.Fatal("not unlocked")
	}
	// The audit tab shows the account changes, newest first.
	if len(p.entries) == 0 || p.entries[0].EntityKey != "zhang" {
		t.Errorf("audit entries %+v", p.entries)
	}
}
