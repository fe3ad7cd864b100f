package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// copyFile copies the main database file only, as Explorer would, leaving
// the -wal and -shm files behind.
func copyFile(t *testing.T, src, dest string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCopyOfTheFileAloneHoldsEveryCommit(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		for i := range 500 {
			if err := tx.SetSetting(ctx, "test.k"+strconv.Itoa(i), "医院数据"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The store stays open: the copy is taken as the office would take it
	// while the program runs.
	dir := t.TempDir()
	cp := filepath.Join(dir, "copy.db")
	copyFile(t, path, cp)
	if _, err := os.Stat(cp + "-wal"); err == nil {
		t.Fatal("the copy has a -wal file")
	}
	c, err := Open(ctx, cp)
	if err != nil {
		t.Fatalf("opening the copy: %v", err)
	}
	defer c.Close()
	for _, i := range []int{0, 499} {
		if v, err := c.Setting(ctx, "test.k"+strconv.Itoa(i)); err != nil || v != "医院数据" {
			t.Errorf("copy: setting %d = %q, %v; want the committed value", i, v, err)
		}
	}
}

func TestCloseLeavesAnEmptyWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "hospital.name", "第一人民医院"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("after Close the -wal holds %d bytes", fi.Size())
	}
}

func TestInterruptedBackupTempsAreRemovedOnOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "budgetperf.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.MkdirAll(BackupDir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	dead := strconv.Itoa(deadPID(t))
	stale := []string{
		path + ".tmp-" + dead + "-abc",                                                             // a restore's copy
		filepath.Join(dir, "月末备份.bpbak.tmp-"+dead+"-1x9"),                                          // backup -o beside the database
		filepath.Join(BackupDir(path), "budgetperf-20260101-010101-s9-daily.bpbak.tmp-"+dead+"-z"), // a daily backup
	}
	kept := []string{
		filepath.Join(dir, "notes.txt.tmp-"+dead+"-abc"),                            // not ours
		filepath.Join(dir, "budgetperf.db.tmp-old"),                                 // not the pattern
		filepath.Join(dir, "本院.bpbak.tmp-"+strconv.Itoa(os.Getpid())+"-q"),          // a backup running now
		filepath.Join(BackupDir(path), "budgetperf-20260101-010101-s9-daily.bpbak"), // a finished backup
	}
	for _, f := range append(append([]string{}, stale...), kept...) {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range stale {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s is left after the next start", filepath.Base(f))
		}
	}
	for _, f := range kept {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed; only the temporary files of backups go", filepath.Base(f))
		}
	}
}

func TestBackupRemovesItsOwnStaleTemps(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	dest := filepath.Join(t.TempDir(), "x.bpbak")
	old := dest + ".tmp-" + strconv.Itoa(deadPID(t)) + "-7"
	if err := os.WriteFile(old, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("the temporary file of the killed backup is left")
	}
	// Even a live process's file goes once it is a day old.
	live := dest + ".tmp-" + strconv.Itoa(os.Getppid()) + "-8"
	if err := os.WriteFile(live, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	long := time.Now().Add(-2 * staleAfter)
	os.Chtimes(live, long, long)
	if err := s.BackupTo(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(live); err == nil {
		t.Error("a day-old temporary file is left")
	}
}

// deadPID is a process id no process has.
func deadPID(t *testing.T) int {
	for pid := 999_999; pid > 900_000; pid-- {
		if !processRuns(pid) {
			return pid
		}
	}
	t.Skip("no free process id found")
	return 0
}
