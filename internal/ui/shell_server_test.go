package ui

import (
	"context"
	"net/url"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/users"
)

// A window on a server database asks for the login first and opens
// nothing before; a department head then works as their own server login
// (and sees their own department); signing out closes the connection and
// asks again.
func TestServerWindowSignsInAsTheServerLogin(t *testing.T) {
	name := enginetest.Logins(t)
	server := enginetest.NewDatabase(t)
	ctx := context.Background()
	svc, err := services.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.LoadDemo(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	owner, _ := svc.Accounts.ServerActor(ctx)
	for _, u := range []users.NewUser{
		{Login: name("admin"), Name: "管理员", Role: domain.RoleAdministrator, Password: "Admin-pass-1"},
		{Login: name("zhang"), Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"103"}, Password: "Zhang-pass-1"},
	} {
		if err := svc.Accounts.AddUser(ctx, owner, u); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()
	u, _ := url.Parse(server)
	u.User = nil // the address the window keeps: no login, no password
	addr := u.String()

	s, _ := startApp(t, addr, "zh")
	if s.svc != nil || s.actor.Valid() || !hasText(s.win.Content(), "登录财务科服务器") {
		t.Fatalf("the window opened the server before signing in (actor %+v)", s.actor)
	}
	if err := s.signInToServer(addr, name("zhang"), "wrong"); err == nil || s.svc != nil {
		t.Fatalf("a wrong password signed in: %v", err)
	}
	if err := s.signInToServer(addr, name("zhang"), "Zhang-pass-1"); err != nil {
		t.Fatal(err)
	}
	if s.actor.Login != name("zhang") || s.actor.Role != domain.RoleDeptHead || s.prep == nil {
		t.Fatalf("signed in as %+v", s.actor)
	}
	if !hasText(s.win.Content(), "退出登录") {
		t.Error("the header does not offer 退出登录")
	}
	// Another PC saves a change: the header offers to refresh.
	other, err := services.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Master.SetHospitalName(ctx, owner, "滨江市妇幼保健院（新）", ""); err != nil {
		t.Fatal(err)
	}
	other.Close()
	deadline := time.Now().Add(5 * time.Second)
	for !s.changedBtn.Visible() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !s.changedBtn.Visible() {
		t.Fatal("a change saved on another PC is not announced")
	}
	test.Tap(s.changedBtn)
	if s.changedBtn.Visible() || !hasText(s.win.Content(), "滨江市妇幼保健院（新）") {
		t.Error("refreshing does not show the other PC's change")
	}
	s.signOut()
	if s.svc != nil || s.actor.Valid() || !hasText(s.win.Content(), "登录财务科服务器") {
		t.Error("signing out left the connection open")
	}
}
