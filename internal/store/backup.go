package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// AppID marks a BudgetPerf database in the SQLite header (PRAGMA
// application_id, the bytes "BPRF"), so a restore can tell our files from
// other programs' SQLite files.
const AppID = 0x42505246

// BackupExt is the extension of backup files; the Windows installer
// associates it with BudgetPerf.
const BackupExt = ".bpbak"

// firstMigration is the name of migration 1: a database without
// application_id (written before it was set) is still recognised by it.
const firstMigration = "0001_foundation.sql"

// BackupInfo describes a file that passed CheckBackup.
type BackupInfo struct {
	Path   string
	Schema int // the schema version it carries
	Size   int64
}

// BackupTo writes a consistent copy of the open database to dest while
// others may keep using it. The copy is written under a temporary name with
// synchronous=FULL and renamed into place, so dest is either the complete
// old file or the complete new one, even after a crash or power cut.
func (s *Store) BackupTo(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return writeProblem(dest, err)
	}
	dbAbs, _ := filepath.Abs(s.path)
	if sameFile(abs, s.path) || strings.HasPrefix(abs, dbAbs+"-") {
		return domain.NewProblem("problem.backup.onto_database", "A backup cannot be written over the database {{.Path}} itself. Choose another file name.", "Path", s.path)
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return domain.NewProblem("problem.backup.no_folder", "The folder {{.Dir}} does not exist. Choose an existing folder for the backup.", "Dir", filepath.Dir(abs))
	}
	removeStaleTempsOf(abs)
	tmp := tempName(abs)
	defer os.Remove(tmp) // gone after the rename; left only when something failed
	conn, err := s.pool.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backing up %s: %w", s.path, err)
	}
	defer conn.Close()
	// VACUUM INTO syncs its output according to the source connection's
	// synchronous setting: FULL for a backup, NORMAL again for the pool.
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = FULL`); err != nil {
		return fmt.Errorf("backing up %s: %w", s.path, err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA synchronous = NORMAL`)
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return writeProblem(abs, err)
	}
	if err := syncFile(tmp); err != nil {
		return writeProblem(abs, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return writeProblem(abs, err)
	}
	syncDir(filepath.Dir(abs))
	return nil
}

func writeProblem(path string, err error) error {
	return domain.NewProblem("problem.backup.write", "Cannot write the backup {{.Path}}: {{.Err}}. Check that the folder is writable and the disk has free space.", "Path", path, "Err", err.Error())
}

// CheckBackup makes sure path is a healthy BudgetPerf database this version
// can open: an SQLite file that passes integrity_check, carries our marker
// and migrations, no newer schema, and exactly the tables, columns,
// indexes, triggers and views BudgetPerf writes at that schema version
// (checkSchema). It only reads the file.
func CheckBackup(ctx context.Context, path string) (BackupInfo, error) {
	info := BackupInfo{Path: path}
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return info, domain.NewProblem("problem.restore.missing", "The backup {{.Path}} does not exist or is not a file. Choose a backup file; nothing has been changed.", "Path", path)
	}
	info.Size = fi.Size()
	if !hasSQLiteHeader(path) {
		return info, domain.NewProblem("problem.restore.not_sqlite", "{{.Path}} is not a BudgetPerf backup (it is not a database file at all). Choose a .bpbak or .db file made by BudgetPerf; nothing has been changed.", "Path", path)
	}
	// mode=ro without immutable: a database copied while in use may come
	// with its -wal file, whose contents belong to it.
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return info, damagedBackup(path, err.Error())
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if detail := integrity(ctx, db); detail != "" {
		return info, damagedBackup(path, detail)
	}
	var appID int64
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return info, damagedBackup(path, err.Error())
	}
	var first string
	err = db.QueryRowContext(ctx, `SELECT name FROM schema_migrations WHERE version = 1`).Scan(&first)
	if err != nil || (appID != AppID && first != firstMigration) {
		return info, domain.NewProblem("problem.restore.foreign", "{{.Path}} is an SQLite file of another program, not a BudgetPerf backup. Choose another file; nothing has been changed.", "Path", path)
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return info, damagedBackup(path, err.Error())
	}
	info.Schema = int(v.Int64)
	if known := SchemaVersion(); info.Schema > known {
		return info, domain.NewProblem("problem.restore.newer_schema",
			"The backup {{.Path}} was made by a newer version of BudgetPerf (schema {{.Found}}; this version knows up to {{.Known}}). Install the newer version to restore it; nothing has been changed.",
			"Path", path, "Found", info.Schema, "Known", known)
	}
	if err := checkSchema(ctx, db, path, info.Schema); err != nil {
		return info, err
	}
	return info, nil
}

func damagedBackup(path, detail string) error {
	return domain.NewProblem("problem.restore.damaged", "The backup {{.Path}} is damaged ({{.Detail}}) and cannot be restored. Choose another backup; nothing has been changed.", "Path", path, "Detail", detail)
}

// integrity runs PRAGMA integrity_check and returns "" when the file is
// sound, else the first findings.
func integrity(ctx context.Context, db *sql.DB) string {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(5)`)
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return err.Error()
		}
		found = append(found, r)
	}
	if err := rows.Err(); err != nil {
		return err.Error()
	}
	if len(found) == 1 && found[0] == "ok" {
		return ""
	}
	if len(found) == 0 {
		return "no result"
	}
	return strings.Join(found, "; ")
}

func hasSQLiteHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return string(head) == "SQLite format 3\x00"
}

// KeptName is where Restore keeps the database it replaces at t.
func KeptName(dbPath string, t time.Time) string {
	return dbPath + ".replaced-" + t.Format("20060102-150405")
}

// Restore replaces the database at dbPath with the backup src, after
// checking src and a copy of it, and keeps the replaced file as kept
// (KeptName when ""; a free variant when taken). It returns what src
// holds and the name the old file was kept under ("" when there was none).
// The database must not be open, in this process or another: Restore
// refuses while it is.
func Restore(ctx context.Context, dbPath, src, kept string) (BackupInfo, string, error) {
	info, err := CheckBackup(ctx, src)
	if err != nil {
		return info, "", err
	}
	if sameFile(src, dbPath) {
		return info, "", domain.NewProblem("problem.restore.same_file", "{{.Path}} is the database itself. Choose a backup file.", "Path", src)
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return info, "", domain.NewProblem("problem.db.mkdir", "Cannot create the folder for the database {{.Path}}: {{.Err}}", "Path", dbPath, "Err", err.Error())
	}
	// Copy first, beside the database so the final rename stays on one
	// disk, and check the copy: only a verified file replaces anything.
	tmp := tempName(dbPath)
	defer os.Remove(tmp)
	if err := copyDatabase(ctx, src, tmp); err != nil {
		return info, "", err
	}
	if _, err := CheckBackup(ctx, tmp); err != nil {
		return info, "", err
	}
	if err := releaseDatabase(ctx, dbPath); err != nil {
		return info, "", err
	}
	if _, err := os.Stat(dbPath); err != nil {
		kept = "" // nothing to keep
	} else {
		if kept == "" {
			kept = KeptName(dbPath, time.Now())
		}
		kept = freeName(kept)
		// Keep the old file (and any journal it still needs) before the
		// swap, so an interruption leaves the old or the new database in
		// place, never none; a stale -wal beside the restored file would be
		// replayed into it, so the side files go.
		var made []string
		undo := func() {
			for _, f := range made {
				os.Remove(f)
			}
		}
		for _, suffix := range []string{"", "-wal", "-journal"} {
			if _, err := os.Stat(dbPath + suffix); err != nil {
				continue
			}
			if err := linkOrCopy(dbPath+suffix, kept+suffix); err != nil {
				undo()
				return info, "", domain.NewProblem("problem.restore.keep", "Cannot keep the current database as {{.Kept}}: {{.Err}}. Free disk space or make the folder writable; nothing has been changed.", "Kept", kept+suffix, "Err", err.Error())
			}
			made = append(made, kept+suffix)
		}
		for _, suffix := range []string{"-wal", "-journal", "-shm"} {
			if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				// The kept copies stay: one of them may be all that is left of a journal.
				return info, "", domain.NewProblem("problem.restore.in_use", "The database {{.Path}} is open in BudgetPerf or another program. Close it and try again; nothing has been changed.", "Path", dbPath)
			}
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return info, "", domain.NewProblem("problem.restore.replace", "Cannot replace the database {{.Path}}: {{.Err}}. Close every program using it and try again; the current file is unchanged.", "Path", dbPath, "Err", err.Error())
	}
	syncDir(filepath.Dir(dbPath))
	// The trail now legitimately ends where the backup's ended.
	_ = resetAnchor(ctx, dbPath)
	adoptServerKeys(ctx, dbPath)
	return info, kept, nil
}

// copyDatabase writes a consistent, single-file copy of the database src to
// dest, reading src without changing it.
func copyDatabase(ctx context.Context, src, dest string) error {
	db, err := sql.Open("sqlite", fileURI(src)+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=synchronous(FULL)")
	if err != nil {
		return damagedBackup(src, err.Error())
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	os.Remove(dest)
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return domain.NewProblem("problem.restore.copy", "Cannot copy the backup {{.Path}} beside the database: {{.Err}}. Free disk space or make the folder writable; nothing has been changed.", "Path", src, "Err", err.Error())
	}
	return syncFile(dest)
}

// releaseDatabase makes sure nobody has dbPath open and folds its -wal
// into the file: leaving WAL mode needs every other connection closed, so
// SQLITE_BUSY means it is in use. A damaged file is left as it is.
func releaseDatabase(ctx context.Context, dbPath string) error {
	if _, err := os.Stat(dbPath); err != nil {
		return nil
	}
	db, err := sql.Open("sqlite", fileURI(dbPath)+"?_pragma=busy_timeout(500)")
	if err != nil {
		return nil
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var mode string
	err = db.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
	if err != nil && isBusy(err) {
		return domain.NewProblem("problem.restore.in_use", "The database {{.Path}} is open in BudgetPerf or another program. Close it and try again; nothing has been changed.", "Path", dbPath)
	}
	return nil
}

func isBusy(err error) bool {
	m := err.Error()
	return strings.Contains(m, "SQLITE_BUSY") || strings.Contains(m, "database is locked") || strings.Contains(m, "SQLITE_LOCKED")
}

// tempName is a fresh name beside path for a file that is renamed onto it.
func tempName(path string) string {
	return path + ".tmp-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano()%1e9, 36)
}

// freeName is name, or name-2, name-3… when taken.
func freeName(name string) string {
	if _, err := os.Lstat(name); err != nil {
		return name
	}
	for i := 2; ; i++ {
		n := name + "-" + strconv.Itoa(i)
		if _, err := os.Lstat(n); err != nil {
			return n
		}
	}
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

// linkOrCopy makes dest hold src's bytes: a hard link where the file
// system has them, else a synced copy.
func linkOrCopy(src, dest string) error {
	if err := os.Link(src, dest); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable; Windows has no directory fsync
// (NTFS journals renames itself).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
