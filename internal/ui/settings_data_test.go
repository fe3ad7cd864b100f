package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// topOverlay is the dialog shown last in the shell's window.
func topOverlay(s *Shell) fyne.CanvasObject { return s.win.Canvas().Overlays().Top() }

func waitDone(t *testing.T, ch chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("the backup or restore did not finish")
		return nil
	}
}

// TestBackupThenRestoreFromSettings backs the demo up from Settings ›
// Data, renames the hospital, restores the backup after the confirmation,
// and finds the old name back with the replaced file kept.
func TestBackupThenRestoreFromSettings(t *testing.T) {
	path := demoDB(t, 2025)
	s, _ := startApp(t, path, "zh")
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	if p == nil {
		t.Fatal("no backup panel in Settings")
	}
	if !hasText(p.root, filepath.Dir(path)) {
		t.Errorf("the data folder %s is not shown: %q", filepath.Dir(path), texts(p.root))
	}
	// The demo existed before this start: today's automatic backup is listed.
	if !hasText(p.root, i18n.T("backup.reason.daily")) || !hasText(p.root, i18n.T("backup.auto.restore")) {
		t.Errorf("today's automatic backup is not listed: %q", texts(p.root))
	}
	// The retention is shown in words, and a new size limit is shown at once.
	if !hasText(p.root, "7 天") || !hasText(p.root, "12 个月") || !hasText(p.root, "2.0 GB") {
		t.Errorf("the retention is not shown: %q", texts(p.root))
	}
	p.limit.SetSelected("5.0 GB")
	if !strings.Contains(p.retention.Text, "5.0 GB") {
		t.Errorf("after choosing 5 GB the retention says %q", p.retention.Text)
	}
	before, _ := s.svc.Master.HospitalName(s.ctx, s.actor)

	finished := make(chan error, 1)
	p.done = func(err error) { finished <- err }
	s.runs.sync = false // as the program runs it
	dir := t.TempDir()
	var offered string
	p.pickSave = func(name string, done func(string)) {
		offered = name
		done(filepath.Join(dir, name))
	}
	test.Tap(p.backupNow)
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("backup: %v", err)
	}
	saved := filepath.Join(dir, offered)
	if !strings.HasSuffix(offered, ".bpbak") {
		t.Errorf("offered name %q, want a .bpbak file", offered)
	}
	if fi, err := os.Stat(saved); err != nil || fi.Size() == 0 {
		t.Fatalf("backup file %s: %v", saved, err)
	}
	if !hasText(topOverlay(s), i18n.T("backup.done.title")) {
		t.Errorf("no confirmation after the backup: %q", texts(topOverlay(s)))
	}

	if err := s.svc.Master.SetHospitalName(s.ctx, s.actor, "改过名字的医院", ""); err != nil {
		t.Fatal(err)
	}

	// A file that is not a backup is refused before anything is asked.
	bogus := filepath.Join(dir, "notes.bpbak")
	os.WriteFile(bogus, []byte("not a database"), 0o644)
	p.pickOpen = func(done func(string)) { done(bogus) }
	test.Tap(p.restore)
	if hasText(topOverlay(s), i18n.T("restore.do")) || !hasText(topOverlay(s), "notes.bpbak") {
		t.Errorf("a text file was not refused with its name: %q", texts(topOverlay(s)))
	}

	p.pickOpen = func(done func(string)) { done(saved) }
	test.Tap(p.restore)
	confirm := topOverlay(s)
	if !hasText(confirm, ".replaced-") || !hasText(confirm, saved) {
		t.Fatalf("the confirmation does not say which file is kept: %q", texts(confirm))
	}
	btn := findButton(confirm, i18n.T("restore.do"))
	if btn == nil {
		t.Fatalf("no %q button in %q", i18n.T("restore.do"), texts(confirm))
	}
	test.Tap(btn)
	if err := waitDone(t, finished); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if s.svc == nil {
		t.Fatal("no database open after the restore")
	}
	after, _ := s.svc.Master.HospitalName(s.ctx, s.actor)
	if after != before {
		t.Errorf("hospital name after restore = %q, want %q", after, before)
	}
	if !hasText(topOverlay(s), i18n.T("restore.title")) {
		t.Errorf("no report after the restore: %q", texts(topOverlay(s)))
	}
	kept, _ := filepath.Glob(path + ".replaced-*")
	if len(kept) != 1 {
		t.Errorf("kept files %v, want one", kept)
	}
	// The screen was rebuilt on the restored database.
	if p = s.settings.backupPanel(); !hasText(p.root, filepath.Dir(path)) {
		t.Errorf("the data panel after the restore: %q", texts(p.root))
	}
}

// Settings › 数据与备份 says to use 立即备份 rather than copying the file.
func TestSettingsSaysBackUpRatherThanCopy(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2025), "zh")
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	if p == nil {
		t.Fatal("no backup panel in Settings")
	}
	if !hasText(p.root, i18n.T("backup.copy")) || !strings.Contains(i18n.T("backup.copy"), "立即备份") {
		t.Errorf("Settings does not say to use 立即备份 rather than copying the file: %q", texts(p.root))
	}
}
