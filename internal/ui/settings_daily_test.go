package ui

import (
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
)

// startHeldDaily starts the window on path in Chinese with the day's check
// held back until release is called, then run in the background as the
// program runs it; finished receives its result once the window showed it.
func startHeldDaily(t *testing.T, path string) (s *Shell, release func(), finished chan store.DailyStatus) {
	t.Helper()
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	finished = make(chan store.DailyStatus, 1)
	hold := func(st *store.Store, done func(store.DailyStatus)) {
		go func() {
			<-gate
			st.StartDailyCheck(func(r store.DailyStatus) {
				done(r)
				finished <- r
			})
		}()
	}
	s = Start(test.NewTempApp(t), Options{DBPath: path, Lang: "zh", Version: "test", runDaily: hold})
	t.Cleanup(func() {
		s.win.Close()
		release()
	})
	return s, release, finished
}

func waitDaily(t *testing.T, ch chan store.DailyStatus) store.DailyStatus {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(30 * time.Second):
		t.Fatal("the day's check did not finish")
		return store.DailyStatus{}
	}
}

// TestSettingsShowsDailyCheck: the window is up before the day's check;
// Settings › Data says it is running, then names the day's backup.
func TestSettingsShowsDailyCheck(t *testing.T) {
	path := demoDB(t, 2025)
	s, release, finished := startHeldDaily(t, path)
	s.Show(SectionSettings)
	p := s.settings.backupPanel()
	if !hasText(p.root, i18n.T("backup.daily.running")) {
		t.Fatalf("the running check is not shown: %q", texts(p.root))
	}
	if list, _ := store.ListAutoBackups(path); len(list) != 0 {
		t.Fatalf("a backup was taken before the window came up: %v", list)
	}
	release()
	r := waitDaily(t, finished)
	if r.Err != nil || r.Backup == "" {
		t.Fatalf("the day's check: %+v", r)
	}
	if hasText(p.root, i18n.T("backup.daily.running")) || !hasText(p.root, r.Backup) {
		t.Errorf("after the check Settings shows %q, want the backup %s", texts(p.root), r.Backup)
	}
	if !hasText(p.root, i18n.T("backup.reason.daily")) {
		t.Errorf("the day's backup is not listed: %q", texts(p.root))
	}
}

// TestDailyCheckDamageShownProminently: a database found damaged in the
// background is said in a dialog over the window and in Settings.
func TestDailyCheckDamageShownProminently(t *testing.T) {
	path := demoDB(t, 2025)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	// An index whose pages nothing refers to: only integrity_check sees it.
	for _, q := range []string{
		`CREATE TABLE junk (x)`, `CREATE INDEX junk_x ON junk (x)`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO junk SELECT hex(randomblob(40)) FROM n`,
		`PRAGMA writable_schema = ON`, `DELETE FROM sqlite_master WHERE name = 'junk_x'`, `PRAGMA writable_schema = OFF`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, release, finished := startHeldDaily(t, path)
	s.Show(SectionSettings)
	release()
	r := waitDaily(t, finished)
	if r.Err == nil {
		t.Fatal("the damaged database passed the day's check")
	}
	msg := i18n.Message(r.Err)
	if !strings.Contains(msg, "损坏") {
		t.Errorf("message %q does not say damaged", msg)
	}
	if !hasText(topOverlay(s), msg) {
		t.Errorf("no dialog over the window: %q", texts(topOverlay(s)))
	}
	if !hasText(s.settings.backupPanel().root, i18n.T("backup.auto.failed", "Err", msg)) {
		t.Errorf("Settings does not show the damage: %q", texts(s.settings.backupPanel().root))
	}
}
