package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hospitalDB makes a database at dir/budgetperf.db holding a hospital name
// and a few departments, closed again.
func hospitalDB(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "budgetperf.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SetSetting(ctx, "hospital.name", "第一人民医院"); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"101", "102", "103"} {
		if _, err := s.pool.Exec(`INSERT INTO departments (code, name, type, created_at, created_by, updated_at, updated_by)
			VALUES (?, ?, 'clinical', '', '', '', '')`, code, "科室"+code); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func departmentCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.pool.QueryRow(`SELECT count(*) FROM departments`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBackupModifyRestoreReturnsTheBackedUpState(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := hospitalDB(t, dir)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "saved"+BackupExt)
	if err := s.BackupTo(ctx, backup); err != nil {
		t.Fatalf("BackupTo: %v", err)
	}
	// Changes after the backup: a new name, a department gone, one added.
	if err := s.SetSetting(ctx, "hospital.name", "改名后的医院"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(`DELETE FROM departments WHERE code = '101'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(`INSERT INTO departments (code, name, type, created_at, created_by, updated_at, updated_by) VALUES ('999', '新科室', 'clinical', '', '', '', '')`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Restore(ctx, path, backup, ""); problemKey(err) != "problem.restore.in_use" {
		t.Fatalf("restoring over an open database: %v, want problem.restore.in_use", err)
	}
	s.Close()

	info, kept, err := Restore(ctx, path, backup, KeptName(path, time.Date(2026, 1, 2, 3, 4, 5, 0, time.Local)))
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if info.Schema != SchemaVersion() || !strings.HasSuffix(kept, ".replaced-20260102-030405") {
		t.Errorf("Restore = schema %d, kept %q", info.Schema, kept)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("a stale %s is left beside the restored database", side)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name, _ := s.Setting(ctx, "hospital.name")
	var has101, has999 int
	s.pool.QueryRow(`SELECT count(*) FROM departments WHERE code = '101'`).Scan(&has101)
	s.pool.QueryRow(`SELECT count(*) FROM departments WHERE code = '999'`).Scan(&has999)
	if name != "第一人民医院" || has101 != 1 || has999 != 0 || departmentCount(t, s) != 4 {
		t.Errorf("after restore: name %q, 101 %d, 999 %d, %d departments; want the backed-up state", name, has101, has999, departmentCount(t, s))
	}

	// The replaced database is kept whole, with the changes made after the backup.
	k, err := Open(ctx, kept)
	if err != nil {
		t.Fatalf("the kept file does not open: %v", err)
	}
	defer k.Close()
	if name, _ := k.Setting(ctx, "hospital.name"); name != "改名后的医院" {
		t.Errorf("kept file has name %q, want the replaced state", name)
	}
}

func TestRestoreRefusesBadFilesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := hospitalDB(t, dir)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good"+BackupExt)
	if err := s.BackupTo(ctx, good); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Fold the WAL in so that the file's bytes are the whole database.
	if err := releaseDatabase(ctx, path); err != nil {
		t.Fatal(err)
	}

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	goodBytes, _ := os.ReadFile(good)
	corrupt := append([]byte(nil), goodBytes...)
	for i := 4096; i < len(corrupt); i += 7 { // every page after the first scrambled
		corrupt[i] ^= 0x5a
	}
	foreign := filepath.Join(dir, "other-program.sqlite")
	fdb, _ := sql.Open("sqlite", foreign)
	if _, err := fdb.Exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	fdb.Close()
	newer := filepath.Join(dir, "newer"+BackupExt)
	copyBytes(t, good, newer)
	ndb, _ := sql.Open("sqlite", newer)
	if _, err := ndb.Exec(`INSERT INTO schema_migrations VALUES (?, 'from-the-future.sql', '')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	ndb.Close()

	cases := map[string]struct{ file, key string }{
		"corrupt":     {write("corrupt"+BackupExt, corrupt), "problem.restore.damaged"},
		"truncated":   {write("truncated"+BackupExt, goodBytes[:len(goodBytes)/2]), "problem.restore.damaged"},
		"foreign":     {foreign, "problem.restore.foreign"},
		"text":        {write("notes.txt", []byte("这不是数据库\nnot a database\n")), "problem.restore.not_sqlite"},
		"empty":       {write("empty"+BackupExt, nil), "problem.restore.not_sqlite"},
		"missing":     {filepath.Join(dir, "nowhere"+BackupExt), "problem.restore.missing"},
		"newer":       {newer, "problem.restore.newer_schema"},
		"itself":      {path, "problem.restore.same_file"},
		"a directory": {dir, "problem.restore.missing"},
	}
	before := fileHash(t, path)
	for name, c := range cases {
		_, kept, err := Restore(ctx, path, c.file, "")
		if problemKey(err) != c.key {
			t.Errorf("%s: Restore = %v, want %s", name, err, c.key)
		}
		if kept != "" {
			t.Errorf("%s: kept %q although nothing was restored", name, kept)
		}
	}
	if fileHash(t, path) != before {
		t.Error("a refused restore changed the database")
	}
	if m, _ := filepath.Glob(path + ".*"); len(m) > 0 {
		t.Errorf("a refused restore left files beside the database: %v", m)
	}
	// The good one still works afterwards.
	if _, _, err := Restore(ctx, path, good, ""); err != nil {
		t.Errorf("restoring the good backup: %v", err)
	}
}

func TestBackupRefusesToOverwriteTheDatabase(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	for _, dest := range []string{path, path + "-wal"} {
		if err := s.BackupTo(ctx, dest); problemKey(err) != "problem.backup.onto_database" {
			t.Errorf("BackupTo(%s) = %v, want problem.backup.onto_database", dest, err)
		}
	}
	if err := s.BackupTo(ctx, filepath.Join(t.TempDir(), "no", "such", "dir.bpbak")); problemKey(err) != "problem.backup.no_folder" {
		t.Errorf("BackupTo into a missing folder = %v", err)
	}
}

func TestAutomaticBackupsDailyAndPruned(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := hospitalDB(t, dir) // a new file: no backup of nothing
	if list, _ := ListAutoBackups(path); len(list) != 0 {
		t.Fatalf("a brand-new database was backed up: %v", list)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := ListAutoBackups(path); len(list) != 0 {
		t.Fatalf("Open took the day's backup itself: %v", list)
	}
	if st := s.DailyCheck(ctx); st.State != DailyDone || st.Err != nil || st.Backup == "" {
		t.Fatalf("the day's check: %+v", st)
	}
	list, _ := ListAutoBackups(path)
	if len(list) != 1 || list[0].Reason != ReasonDaily || list[0].Schema != SchemaVersion() || list[0].Size == 0 {
		t.Fatalf("first start of the day: backups %+v, want one daily", list)
	}
	if err := s.AutoBackupError(); err != nil {
		t.Fatal(err)
	}
	// A size limit of three and a half backups.
	if err := s.SetSetting(ctx, LimitSetting, strconv.FormatInt(list[0].Size*7/2, 10)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.DailyCheck(ctx); st.State != DailyNotDue && list[0].Taken.Day() == time.Now().Day() {
		t.Errorf("the day's check is due again on the second start: %+v", st)
	}
	// (Unless midnight passed in between: then a new day's backup is right.)
	if list, _ := ListAutoBackups(path); len(list) != 1 && (len(list) == 0 || list[0].Taken.Day() == list[len(list)-1].Taken.Day()) {
		t.Errorf("second start of the day made another backup: %d", len(list))
	}
	// Five older backups from earlier days: all within the counts, but only
	// the newest three fit the size limit.
	for i := 1; i <= 5; i++ {
		old := filepath.Join(BackupDir(path), "budgetperf-2025010"+string(rune('0'+i))+"-080000-s1-daily"+BackupExt)
		copyBytes(t, list[0].Path, old)
	}
	os.WriteFile(filepath.Join(BackupDir(path), "unrelated-file.txt"), []byte("x"), 0o644)
	if _, err := s.autoBackup(ctx, ReasonDaily, SchemaVersion()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, _ = ListAutoBackups(path)
	if len(list) != 3 || list[2].Taken.Format("20060102") != "20250104" {
		var names []string
		for _, b := range list {
			names = append(names, filepath.Base(b.Path))
		}
		t.Errorf("after pruning to 3: %v", names)
	}
	if _, err := os.Stat(filepath.Join(BackupDir(path), "unrelated-file.txt")); err != nil {
		t.Error("pruning removed a file that is not an automatic backup")
	}
}

func copyBytes(t *testing.T, src, dest string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoUpgradeWithoutBackup: when the backup before an upgrade cannot be
// written, the old database is not migrated and says what to do.
func TestNoUpgradeWithoutBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "budgetperf.db")
	copyBytes(t, filepath.Join("testdata", "schema2-demo2025.db"), path)
	// A file where the backups folder should be: the folder cannot be made.
	if err := os.WriteFile(filepath.Join(dir, "backups"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if problemKey(err) != "problem.backup.before_upgrade" {
		t.Fatalf("Open = %v, want problem.backup.before_upgrade", err)
	}
	db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != 2 {
		t.Errorf("schema after the refused upgrade = %d, %v; want 2", v, err)
	}
}
