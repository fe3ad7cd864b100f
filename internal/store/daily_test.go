package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// waitDaily waits for the done callback of StartDailyCheck.
func waitDaily(t *testing.T, ch <-chan DailyStatus) DailyStatus {
	t.Helper()
	select {
	case st := <-ch:
		return st
	case <-time.After(30 * time.Second):
		t.Fatal("the day's check did not finish")
		return DailyStatus{}
	}
}

// TestDailyCheckInBackground: Open only notes that the day's check is due;
// StartDailyCheck runs it once, its backup and result are visible when it
// finished, and the next start of the day has nothing to do.
func TestDailyCheckInBackground(t *testing.T) {
	ctx := context.Background()
	path := hospitalDB(t, t.TempDir())
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.DailyCheckStatus(); st.State != DailyDue {
		t.Fatalf("after Open: %+v, want due", st)
	}
	done := make(chan DailyStatus, 1)
	if !s.StartDailyCheck(func(st DailyStatus) { done <- st }) {
		t.Fatal("the due check did not start")
	}
	if s.StartDailyCheck(nil) {
		t.Error("a second check started while the first runs or ran")
	}
	// Writing goes on meanwhile: the check only reads.
	if err := s.SetSetting(ctx, "hospital.name", "第二人民医院"); err != nil {
		t.Fatal(err)
	}
	st := waitDaily(t, done)
	list, _ := ListAutoBackups(path)
	if st.State != DailyDone || st.Err != nil || len(list) != 1 || list[0].Path != st.Backup {
		t.Fatalf("finished: %+v, backups %s", st, names(list))
	}
	if got := s.DailyCheckStatus(); got != st || s.AutoBackupError() != nil {
		t.Errorf("status after the check %+v, want %+v", got, st)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st := s.DailyCheckStatus(); st.State != DailyNotDue || s.StartDailyCheck(nil) {
		t.Errorf("second start of the day: %+v, want nothing due", st)
	}
}

// TestCloseCancelsDailyCheck: closing while the day's backup is being
// written stops it, leaves neither its temporary file nor a backup, and
// the next start checks again.
func TestCloseCancelsDailyCheck(t *testing.T) {
	ctx := context.Background()
	path := hospitalDB(t, t.TempDir())
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// About 24 MB, so that the copy takes long enough to be caught.
	if _, err := s.pool.Exec(`CREATE TABLE filler (b)`); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 24; i++ {
		if _, err := s.pool.Exec(`INSERT INTO filler SELECT randomblob(1 << 20)`); err != nil {
			t.Fatal(err)
		}
	}
	finished := make(chan DailyStatus, 1)
	s.StartDailyCheck(func(st DailyStatus) { finished <- st })
	temps := filepath.Join(BackupDir(path), "*"+BackupExt+".tmp-*")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m, _ := filepath.Glob(temps); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) || s.DailyCheckStatus().State == DailyDone {
			t.Fatal("the day's backup was never seen being written")
		}
		time.Sleep(time.Millisecond)
	}
	t0 := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Close during the backup took %v", time.Since(t0))
	select {
	case st := <-finished:
		t.Errorf("a cancelled check reported a result: %+v", st)
	default:
	}
	if st := s.DailyCheckStatus(); st.State != DailyDue || st.Err != nil {
		t.Errorf("after Close: %+v, want due again", st)
	}
	entries, _ := os.ReadDir(BackupDir(path))
	for _, e := range entries {
		t.Errorf("left in the backups folder: %s", e.Name())
	}
	if s.StartDailyCheck(nil) {
		t.Error("a check started on a closed store")
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st := s.DailyCheckStatus(); st.State != DailyDue {
		t.Errorf("the next start: %+v, want the check due again", st)
	}
}

// TestDailyCheckFindsDamageInBackground: the background check names a
// damaged database and writes no backup.
func TestDailyCheckFindsDamageInBackground(t *testing.T) {
	ctx := context.Background()
	path := hospitalDB(t, t.TempDir())
	damageInside(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.AutoBackupError() != nil {
		t.Fatal("damage reported before the check ran")
	}
	done := make(chan DailyStatus, 1)
	s.StartDailyCheck(func(st DailyStatus) { done <- st })
	st := waitDaily(t, done)
	if st.State != DailyDone || problemKey(st.Err) != "problem.backup.damaged_db" || st.Backup != "" {
		t.Fatalf("check of a damaged file: %+v", st)
	}
	if problemKey(s.AutoBackupError()) != "problem.backup.damaged_db" || !strings.Contains(st.Err.Error(), path) {
		t.Errorf("AutoBackupError = %v", s.AutoBackupError())
	}
	if list, _ := ListAutoBackups(path); len(list) != 0 {
		t.Errorf("a damaged database was backed up: %s", names(list))
	}
}
