package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// days is one daily backup of size bytes at 08:00 on each of the n days
// ending with last, newest first.
func days(last time.Time, n int, size int64) []AutoBackup {
	var out []AutoBackup
	for i := 0; i < n; i++ {
		t := last.AddDate(0, 0, -i)
		out = append(out, AutoBackup{Path: t.Format("20060102") + "-daily", Taken: t, Reason: ReasonDaily, Size: size})
	}
	return out
}

func names(list []AutoBackup) string {
	var s []string
	for _, b := range list {
		s = append(s, b.Path)
	}
	return strings.Join(s, " ")
}

func TestRetain(t *testing.T) {
	last := time.Date(2026, 12, 7, 8, 0, 0, 0, time.Local) // a Monday
	unlimited := Retention{Daily: 7, Weekly: 4, Monthly: 12, MaxBytes: 1 << 62}
	upgrade := AutoBackup{Path: "20261120-upgrade", Taken: time.Date(2026, 11, 20, 7, 0, 0, 0, time.Local), Reason: ReasonUpgrade, Size: 10}
	sameDay := AutoBackup{Path: "20261207-second", Taken: last.Add(time.Hour), Reason: ReasonDaily, Size: 10}
	tests := []struct {
		name   string
		list   []AutoBackup
		r      Retention
		keep   int
		oldest string // the oldest kept
		drops  string // some that must go, space-separated
	}{
		{"none", nil, unlimited, 0, "", ""},
		{"fewer than seven days: all", days(last, 5, 10), unlimited, 5, "20261203-daily", ""},
		// 7 days (Dec 1–7; the weeks of Dec 7 and Dec 6 among them), the
		// Sundays of the two weeks before (Nov 29, 22), then the last day of
		// November back to January: twelve months with December.
		{"a year and a half of days", days(last, 550, 10), unlimited, 7 + 2 + 11, "20260131-daily", "20261128-daily 20261123-daily 20251231-daily"},
		{"the size limit drops the oldest", days(last, 550, 10), Retention{7, 4, 12, 55}, 5, "20261203-daily", "20261202-daily"},
		{"the newest stays over the limit", days(last, 3, 100), Retention{7, 4, 12, 50}, 1, "20261207-daily", "20261206-daily"},
		{"two on one day: the newer", append(days(last, 2, 10), sameDay), unlimited, 2, "20261206-daily", "20261207-daily"},
		{"the newest upgrade backup stays", append(days(last, 60, 10), upgrade), Retention{7, 0, 0, 1 << 62}, 8, "20261120-upgrade", "20261119-daily 20261121-daily"},
		{"counts of zero keep the newest", days(last, 3, 10), Retention{0, 0, 0, 1 << 62}, 1, "20261207-daily", "20261206-daily"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep, drop := Retain(tt.list, tt.r)
			if len(keep)+len(drop) != len(tt.list) {
				t.Fatalf("kept %d + dropped %d of %d", len(keep), len(drop), len(tt.list))
			}
			if len(keep) != tt.keep {
				t.Fatalf("kept %d, want %d: %s", len(keep), tt.keep, names(keep))
			}
			if tt.keep > 0 && keep[len(keep)-1].Path != tt.oldest {
				t.Errorf("oldest kept %s, want %s (kept %s)", keep[len(keep)-1].Path, tt.oldest, names(keep))
			}
			dropped := " " + names(drop) + " "
			for _, d := range strings.Fields(tt.drops) {
				if !strings.Contains(dropped, " "+d+" ") {
					t.Errorf("%s was kept", d)
				}
			}
			for i := 1; i < len(keep); i++ {
				if keep[i].Taken.After(keep[i-1].Taken) {
					t.Errorf("kept not newest first: %s", names(keep))
				}
			}
		})
	}
}

func TestHeaderCheck(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(hospitalDB(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(foreign[68:72], 0x12345678)
	badPage := append([]byte(nil), good...)
	binary.BigEndian.PutUint16(badPage[16:18], 1000)
	cases := map[string]struct {
		path, key string
	}{
		"text":      {write("text.db", []byte(strings.Repeat("not a database\n", 20))), "problem.db.not_sqlite"},
		"tiny":      {write("tiny.db", []byte("SQLite")), "problem.db.not_sqlite"},
		"foreign":   {write("foreign.db", foreign), "problem.db.foreign"},
		"page size": {write("page.db", badPage), "problem.db.page_size"},
		"truncated": {write("cut.db", good[:len(good)-4096]), "problem.db.truncated"},
	}
	for name, c := range cases {
		_, err := Open(context.Background(), c.path)
		if problemKey(err) != c.key {
			t.Errorf("%s: Open = %v, want %s", name, err, c.key)
		}
	}
	// A checkpoint that was cut short is finished from the -wal file.
	fi, _ := os.Stat(cases["truncated"].path)
	if err := headerProblem("x", good[:100], fi.Size(), true); err != nil {
		t.Errorf("short file with a -wal: %v", err)
	}
}

// TestDailyCheckFindsDamage: the daily integrity_check reports a damaged
// database in words and neither writes a backup nor prunes the good ones.
func TestDailyCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := hospitalDB(t, dir)
	damageInside(t, path)
	os.MkdirAll(BackupDir(path), 0o755)
	old := filepath.Join(BackupDir(path), "budgetperf-20250101-080000-s1-daily"+BackupExt)
	copyBytes(t, filepath.Join("testdata", "schema2-demo2025.db"), old)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("the open check must not walk the pages: %v", err)
	}
	if err := s.SetSetting(ctx, LimitSetting, "1"); err != nil { // would prune everything but the newest
		t.Fatal(err)
	}
	s.DailyCheck(ctx)
	s.Close()
	if problemKey(s.AutoBackupError()) != "problem.backup.damaged_db" {
		t.Errorf("AutoBackupError = %v, want problem.backup.damaged_db", s.AutoBackupError())
	}
	list, _ := ListAutoBackups(path)
	if len(list) != 1 || list[0].Path != old {
		t.Errorf("backups after the damaged check: %s, want only the old good one", names(list))
	}
}

// damageInside leaves in the database at path an index whose pages nothing
// refers to any more: the file opens and reads normally, and only a full
// page walk (integrity_check) finds it.
func damageInside(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE TABLE junk (x)`, `CREATE INDEX junk_x ON junk (x)`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO junk SELECT hex(randomblob(40)) FROM n`,
		`PRAGMA writable_schema = ON`, `DELETE FROM sqlite_master WHERE name = 'junk_x'`, `PRAGMA writable_schema = OFF`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
