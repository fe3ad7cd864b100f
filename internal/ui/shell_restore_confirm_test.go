package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// backupOf writes a backup of the database at path as the local administrator.
func backupOf(t *testing.T, path string) string {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	info, err := backup.Create(context.Background(), st, domain.LocalUser, filepath.Join(t.TempDir(), "saved"))
	if err != nil {
		t.Fatal(err)
	}
	return info.Path
}

// Restoring another hospital's backup from Settings › 数据与备份 asks in
// words that name both hospitals; cancelling changes nothing, confirming
// restores it.
func TestRestoreAnotherHospitalConfirmationStatesTheChange(t *testing.T) {
	path := demoDB(t, 2025)
	otherDB := demoDB(t, 2024)
	sqlfixture.SetSetting(t, otherDB, "hospital_name", "临江县人民医院")
	other := backupOf(t, otherDB)
	s, _ := startApp(t, path, "zh")
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	finished := make(chan error, 1)
	p.done = func(err error) { finished <- err }
	s.runs.sync = false // as the program runs it
	p.pickOpen = func(done func(string)) { done(other) }
	before := sqlfixture.Dump(t, path)

	test.Tap(p.restore)
	confirm := topOverlay(s)
	want := i18n.T("problem.restore.other_database", "Backup", "临江县人民医院", "Current", "滨江市妇幼保健院")
	if !hasText(confirm, want) || !hasText(confirm, other) {
		t.Fatalf("the confirmation does not state the change %q: %q", want, texts(confirm))
	}
	test.Tap(findButton(confirm, i18n.T("action.cancel")))
	if sqlfixture.Dump(t, path) != before {
		t.Fatal("a cancelled restore changed the database")
	}
	if kept, _ := filepath.Glob(path + ".replaced-*"); len(kept) != 0 {
		t.Errorf("a cancelled restore kept %v", kept)
	}

	test.Tap(p.restore)
	test.Tap(findButton(topOverlay(s), i18n.T("restore.do")))
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if name, _ := s.svc.Master.HospitalName(s.ctx, s.actor); name != "临江县人民医院" {
		t.Errorf("hospital after the restore: %q", name)
	}
}

// A user other than an administrator sees backup and restore disabled,
// with the reason.
func TestBackupIsForAdministratorsOnly(t *testing.T) {
	path := demoDB(t, 2026)
	withUsers(t, path)
	s, _ := startApp(t, path, "zh")
	s.signIn.login.SetText("zhang")
	s.signIn.password.SetText("zhang-pass")
	test.Tap(s.signIn.button)
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	if !p.backupNow.Disabled() || !p.restore.Disabled() {
		t.Error("backup and restore are enabled for a department head")
	}
	if !p.roleNote.Visible() || !hasText(p.root, i18n.T("backup.admin_only")+"\n"+i18n.Message(p.allowed())) {
		t.Errorf("no reason shown: %q", texts(p.root))
	}
}

// A database that cannot be opened offers a restore on the start-up
// screen; an administrator of the backup signs in against it, confirms,
// and the restored database opens with the damaged file kept aside.
func TestRestoreOverADamagedDatabaseAtStart(t *testing.T) {
	path := demoDB(t, 2026)
	withUsers(t, path)
	bak := backupOf(t, path)
	os.WriteFile(path, []byte("overwritten"), 0o644)
	s, _ := startApp(t, path, "zh")
	if s.svc != nil || !hasText(s.win.Content(), i18n.T("backup.restore")) {
		t.Fatalf("no restore offered on the open-failed screen: %q", texts(s.win.Content()))
	}
	finished := make(chan error, 1)
	s.restoreDone = func(err error) { finished <- err }
	s.runs.sync = false // as the program runs it

	signIn := func(login, password string) {
		s.restoreOverFailed(bak)
		form := topOverlay(s)
		if !hasText(form, i18n.T("restore.signin.title")) {
			t.Fatalf("no sign-in against the backup: %q", texts(form))
		}
		entries := entriesIn(form)
		entries[0].SetText(login)
		entries[1].SetText(password)
		test.Tap(findButton(form, i18n.T("signin.button")))
	}
	signIn("zhang", "zhang-pass")
	if findButton(topOverlay(s), i18n.T("restore.do")) != nil || !hasText(topOverlay(s), "zhang") {
		t.Fatalf("a department head of the backup was let through: %q", texts(topOverlay(s)))
	}
	if b, _ := os.ReadFile(path); string(b) != "overwritten" {
		t.Fatal("the refused restore changed the file")
	}
	signIn("admin", "admin-pass")
	confirm := topOverlay(s)
	if !hasText(confirm, ".damaged-") {
		t.Fatalf("the confirmation does not say where the damaged file is kept: %q", texts(confirm))
	}
	test.Tap(findButton(confirm, i18n.T("restore.do")))
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if s.svc == nil || s.signIn == nil {
		t.Fatal("the restored database is not open on its sign-in screen")
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) != 1 {
		t.Errorf("damaged file kept as %v", kept)
	}
}

// A database damaged inside (its accounts page overwritten) passes the
// header check of opening; the sign-in screen then offers the restore,
// which signs in against the backup's accounts.
func TestSignInOffersRestoreWhenTheAccountsCannotBeRead(t *testing.T) {
	path := demoDB(t, 2026)
	withUsers(t, path)
	bak := backupOf(t, path)
	at, size := sqlfixture.PageOf(t, path, "users")
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xA5}, int(size)), at)
	f.Close()
	s, _ := startApp(t, path, "zh")
	if s.signIn == nil {
		t.Fatalf("no sign-in screen: %q", texts(s.win.Content()))
	}
	s.signIn.login.SetText("admin")
	s.signIn.password.SetText("admin-pass")
	test.Tap(s.signIn.button)
	if !s.signIn.restore.Visible() || !hasText(s.win.Content(), i18n.T("signin.unreadable")) {
		t.Fatalf("no restore offered: %q", texts(s.win.Content()))
	}
	finished := make(chan error, 1)
	s.restoreDone = func(err error) { finished <- err }
	s.runs.sync = false // as the program runs it
	s.restoreOverFailed(bak)
	form := topOverlay(s)
	entries := entriesIn(form)
	if !hasText(form, i18n.T("restore.signin.title")) || len(entries) != 2 {
		t.Fatalf("no sign-in against the backup: %q", texts(form))
	}
	entries[0].SetText("admin")
	entries[1].SetText("admin-pass")
	test.Tap(findButton(form, i18n.T("signin.button")))
	test.Tap(findButton(topOverlay(s), i18n.T("restore.do")))
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) != 1 {
		t.Errorf("damaged file kept as %v", kept)
	}
}
