package store

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Automatic backups go to a "backups" folder beside the database, named
// <database>-YYYYMMDD-HHMMSS-s<schema>-<reason>.bpbak. Only the newest
// KeepSetting of them stay.
const (
	// KeepSetting is the settings key of how many automatic backups to keep.
	KeepSetting = "backup.keep"
	// DefaultKeep is used while the setting is absent or unreadable.
	DefaultKeep = 10
	// ReasonDaily is the first start of a day; ReasonUpgrade is before a schema migration.
	ReasonDaily   = "daily"
	ReasonUpgrade = "upgrade"
)

// autoState is what Open remembers for the automatic backups.
type autoState struct {
	schemaAtOpen int   // 0: the file was new
	err          error // the last automatic backup that failed, if any
}

// AutoBackup is one file in the automatic backups folder.
type AutoBackup struct {
	Path   string
	Taken  time.Time
	Schema int
	Reason string // ReasonDaily or ReasonUpgrade
	Size   int64
}

// BackupDir is the folder of the automatic backups of the database at dbPath.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

func stem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// ListAutoBackups lists the automatic backups of dbPath, newest first; a
// missing folder is an empty list.
func ListAutoBackups(dbPath string) ([]AutoBackup, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(stem(dbPath)) + `-(\d{8}-\d{6})-s(\d+)-(` + ReasonDaily + `|` + ReasonUpgrade + `)(-\d+)?` + regexp.QuoteMeta(BackupExt) + `$`)
	var out []AutoBackup
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		taken, err := time.ParseInLocation("20060102-150405", m[1], time.Local)
		if err != nil {
			continue
		}
		schema, _ := strconv.Atoi(m[2])
		b := AutoBackup{Path: filepath.Join(BackupDir(dbPath), e.Name()), Taken: taken, Schema: schema, Reason: m[3]}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Taken.Equal(out[j].Taken) {
			return out[i].Taken.After(out[j].Taken)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// Keep is how many automatic backups to keep.
func (s *Store) Keep(ctx context.Context) int {
	v, err := s.Setting(ctx, KeepSetting)
	if n, convErr := strconv.Atoi(v); err == nil && convErr == nil && n >= 1 {
		return n
	}
	return DefaultKeep
}

// AutoBackupError is the failure of this session's automatic backup, nil
// when it worked or none was due.
func (s *Store) AutoBackupError() error { return s.auto.err }

// autoBackup writes an automatic backup of the current schema and removes
// the oldest ones beyond Keep.
func (s *Store) autoBackup(ctx context.Context, reason string, schema int) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", writeProblem(dir, err)
	}
	base := filepath.Join(dir, stem(s.path)+"-"+time.Now().Format("20060102-150405")+"-s"+strconv.Itoa(schema)+"-"+reason)
	name := base + BackupExt
	for i := 2; fileExists(name); i++ {
		name = base + "-" + strconv.Itoa(i) + BackupExt
	}
	if err := s.BackupTo(ctx, name); err != nil {
		return "", err
	}
	s.prune(ctx)
	return name, nil
}

// prune removes automatic backups beyond Keep, oldest first, and temporary
// files a killed backup left behind. Failing to remove is harmless.
func (s *Store) prune(ctx context.Context) {
	list, err := ListAutoBackups(s.path)
	if err != nil {
		return
	}
	for _, b := range list[min(len(list), s.Keep(ctx)):] {
		os.Remove(b.Path)
	}
	removeStaleTemps(s.path)
}

// beforeMigrate backs an existing database up before its schema changes:
// no migration runs without a copy of the old schema to go back to. A new
// file (schema 0) has nothing to lose.
func (s *Store) beforeMigrate(ctx context.Context, from, to int) error {
	s.auto.schemaAtOpen = from
	if from == 0 || from >= to {
		return nil
	}
	if _, err := s.autoBackup(ctx, ReasonUpgrade, from); err != nil {
		return domain.NewProblem("problem.backup.before_upgrade",
			"Could not back up {{.Path}} before upgrading it from schema {{.From}} to {{.To}} ({{.Err}}). Free disk space or make {{.Dir}} writable, then open it again; the database has not been changed.",
			"Path", s.path, "From", from, "To", to, "Err", err.Error(), "Dir", BackupDir(s.path))
	}
	return nil
}

// afterOpen marks the file as ours and takes the day's backup on the
// first start of a day. A failing daily backup does not stop the work: it
// is remembered for Settings to show.
func (s *Store) afterOpen(ctx context.Context) {
	var id int64
	if err := s.pool.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err == nil && id != AppID {
		_, _ = s.pool.ExecContext(ctx, `PRAGMA application_id = `+strconv.Itoa(AppID))
	}
	if s.auto.schemaAtOpen == 0 {
		return
	}
	list, _ := ListAutoBackups(s.path)
	today := time.Now().Format("20060102")
	for _, b := range list {
		if b.Reason == ReasonDaily && b.Taken.Format("20060102") == today {
			return
		}
	}
	if _, err := s.autoBackup(ctx, ReasonDaily, SchemaVersion()); err != nil {
		s.auto.err = err
	}
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
