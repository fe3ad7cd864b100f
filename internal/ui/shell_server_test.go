package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
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

// On a server, Settings › 数据与备份 backs up to a chosen file from a
// snapshot and restores it into the server after saying every PC will see
// it; there are no file folders or automatic backups to show.
func TestServerBackupAndRestoreFromSettings(t *testing.T) {
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
	if err := svc.Accounts.AddUser(ctx, owner, users.NewUser{Login: name("admin"), Name: "王主任", Role: domain.RoleAdministrator, Password: "Admin-pass-1"}); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	u, _ := url.Parse(server)
	u.User = nil
	s, _ := startApp(t, u.String(), "zh")
	if err := s.signInToServer(u.String(), name("admin"), "Admin-pass-1"); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	if !hasText(p.root, "服务器数据库的定期备份由服务器管理员") || p.openFolder.Visible() {
		t.Errorf("the panel speaks of file folders on a server: %q", texts(p.root))
	}
	finished := make(chan error, 1)
	p.done = func(err error) { finished <- err }
	s.runs.sync = false
	dir := t.TempDir()
	var saved string
	p.pickSave = func(name string, done func(string)) { saved = filepath.Join(dir, name); done(saved) }
	test.Tap(p.backupNow)
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if _, err := store.CheckBackup(ctx, saved); err != nil {
		t.Fatalf("the server's backup %s: %v", saved, err)
	}
	closeOverlays(s)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.svc.Master.SetHospitalName(ctx, s.actor, "改名后的医院", ""))
	p.pickOpen = func(done func(string)) { done(saved) }
	test.Tap(p.restore)
	top := topOverlay(s)
	if top == nil || !hasText(top, "所有电脑都将看到备份中的数据") {
		t.Fatalf("no confirmation naming every PC: %q", texts(top))
	}
	tapButton(t, top, "恢复")
	// An administrator's login may not replace the audit trail: the owner's may.
	if err := waitDone(t, finished); err == nil || !strings.Contains(i18n.Message(err), "所有者") {
		t.Fatalf("an administrator restored the server (its audit trail): %v", err)
	}
	closeOverlays(s)
	su, _ := url.Parse(server)
	pw, _ := su.User.Password()
	if err := s.signInToServer(u.String(), su.User.Username(), pw); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionSettings)
	p = s.settings.backupPanel()
	p.done = func(err error) { finished <- err }
	p.pickOpen = func(done func(string)) { done(saved) }
	test.Tap(p.restore)
	tapButton(t, topOverlay(s), "恢复")
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if s.svc != nil || !hasText(s.win.Content(), "登录财务科服务器") {
		t.Error("after restoring, the window does not ask to sign in again")
	}
	check, err := services.Open(ctx, server)
	must(err)
	defer check.Close()
	if n, _ := check.Master.HospitalName(ctx, domain.LocalUser); n != "滨江市妇幼保健院" {
		t.Errorf("after restoring the hospital is %q", n)
	}
}
