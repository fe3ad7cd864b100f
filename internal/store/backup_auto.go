package store

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Automatic backups go to a "backups" folder beside the database, named
// <database>-YYYYMMDD-HHMMSS-s<schema>-<reason>.bpbak. Which of them stay
// is Retain's choice under the Retention of the settings.
const (
	// LimitSetting is the settings key of the size limit of the automatic
	// backups, in bytes.
	LimitSetting = "backup.max_bytes"
	// ReasonDaily is the first start of a day; ReasonUpgrade is before a schema migration.
	ReasonDaily   = "daily"
	ReasonUpgrade = "upgrade"
)

// autoState is what Open remembers for the automatic backups.
type autoState struct {
	schemaAtOpen int // 0: the file was new

	mu      sync.Mutex  // guards daily, cancel and closing: the check runs in the background
	daily   DailyStatus // the day's check and backup
	cancel  context.CancelFunc
	closing bool           // Close began: no check starts
	wg      sync.WaitGroup // the running check, waited for by Close
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

// Retention is what the settings say about keeping automatic backups:
// the default counts within the size limit set in Settings.
func (s *Store) Retention(ctx context.Context) Retention {
	r := DefaultRetention
	v, err := s.Setting(ctx, LimitSetting)
	if n, convErr := strconv.ParseInt(v, 10, 64); err == nil && convErr == nil && n >= 1 {
		r.MaxBytes = n
	}
	return r
}

// AutoBackupError is the failure of this session's daily check or
// backup, nil when it worked, was not due or has not finished.
func (s *Store) AutoBackupError() error { return s.DailyCheckStatus().Err }

// autoBackup writes an automatic backup of the current schema and removes
// those Retain no longer keeps.
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

// prune removes the automatic backups Retain drops, and temporary files a
// killed backup left behind. Failing to remove is harmless.
func (s *Store) prune(ctx context.Context) {
	list, err := ListAutoBackups(s.path)
	if err != nil {
		return
	}
	_, drop := Retain(list, s.Retention(ctx))
	for _, b := range drop {
		os.Remove(b.Path)
	}
	removeStaleTemps(s.path)
}

// beforeMigrate backs an existing database up before its schema changes:
// no migration runs without a copy of the old schema to go back to. A new
// file (schema 0) has nothing to lose.
func (s *Store) beforeMigrate(ctx context.Context, from, to int) error {
	s.auto.schemaAtOpen = from
	if from == 0 || from >= to || s.engine == Postgres {
		return nil
	}
	if _, err := s.autoBackup(ctx, ReasonUpgrade, from); err != nil {
		return domain.NewProblem("problem.backup.before_upgrade",
			"Could not back up {{.Path}} before upgrading it from schema {{.From}} to {{.To}} ({{.Err}}). Free disk space or make {{.Dir}} writable, then open it again; the database has not been changed.",
			"Path", s.path, "From", from, "To", to, "Err", err.Error(), "Dir", BackupDir(s.path))
	}
	return nil
}

// afterOpen marks the file as ours and notes whether the day's check is
// due: on the first start of a day, the full integrity_check and the day's
// backup (daily.go). It does not run them, so opening stays cheap.
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
	s.auto.daily.State = DailyDue
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
