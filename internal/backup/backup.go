// Package backup is what the CLI and the Settings screen call to back the
// database up, list the automatic backups, and restore from a backup. The
// SQLite work (VACUUM INTO, checks, the file swap) is in store.
package backup

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/grants"
	"github.com/budgetperf/budgetperf/internal/store/transfer"
)

// Ext is the extension of backup files.
const Ext = store.BackupExt

// LimitChoices are the size limits of the automatic backups Settings
// offers, in bytes (1 GB to 50 GB).
var LimitChoices = []int64{1 << 30, 2 << 30, 5 << 30, 10 << 30, 20 << 30, 50 << 30}

// Info is a backup that was written.
type Info struct {
	Path string
	Size int64
}

// DefaultName is the file name offered for a backup of dbPath taken at t,
// e.g. budgetperf-20261123-1530.bpbak.
func DefaultName(dbPath string, t time.Time) string {
	if store.IsServer(dbPath) {
		// A server's backup is named after its database: budgetperf-server-….
		name := "server"
		if u, err := url.Parse(dbPath); err == nil && strings.Trim(u.Path, "/") != "" {
			name = strings.Trim(u.Path, "/") + "-server"
		}
		return name + "-" + t.Format("20060102-1504") + Ext
	}
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-" + t.Format("20060102-1504") + Ext
}

// WithExt adds the backup extension to a name that has none, so that a
// double-click on the file opens BudgetPerf.
func WithExt(path string) string {
	if filepath.Ext(path) == "" {
		return path + Ext
	}
	return path
}

// Create writes a consistent backup of the open database s to dest (the
// extension added when missing) while the database stays in use. Only an
// administrator may: a backup is the whole file, with the audit trail and
// the password hashes. The automatic daily backups are the program's own
// and run without an actor (store.backup_auto.go).
func Create(ctx context.Context, s *store.Store, by domain.Actor, dest string) (Info, error) {
	if err := permission.Check(by, permission.BackupRestore, ""); err != nil {
		return Info{}, err
	}
	dest = WithExt(dest)
	if s.Engine() == store.Postgres {
		if _, err := transfer.BackupServer(ctx, s, dest); err != nil {
			return Info{}, err
		}
	} else if err := s.BackupTo(ctx, dest); err != nil {
		return Info{}, err
	}
	fi, err := os.Stat(dest)
	if err != nil {
		return Info{}, err
	}
	return Info{Path: dest, Size: fi.Size()}, nil
}

// Check validates a backup without changing anything.
func Check(ctx context.Context, path string) (store.BackupInfo, error) {
	return store.CheckBackup(ctx, path)
}

// List is the automatic backups of the database at dbPath, newest first.
func List(dbPath string) ([]store.AutoBackup, error) { return store.ListAutoBackups(dbPath) }

// Dir is the folder of the automatic backups of dbPath.
func Dir(dbPath string) string { return store.BackupDir(dbPath) }

// Retention is which automatic backups are kept: the newest 7 daily, 4
// weekly and 12 monthly within the size limit of the settings.
func Retention(ctx context.Context, s *store.Store) store.Retention { return s.Retention(ctx) }

// SetLimit changes the size limit of the automatic backups; older ones
// beyond it go at the next automatic backup. Like backup and restore it is
// the administrator's (it decides which copies of the hospital are kept),
// and the change is in the audit trail.
func SetLimit(ctx context.Context, s *store.Store, by domain.Actor, n int64) error {
	if err := permission.Check(by, permission.BackupRestore, ""); err != nil {
		return err
	}
	if n < 100<<20 {
		return domain.NewProblem("problem.backup.limit_range", "The size limit of the automatic backups must be at least 100 MB, not {{.Size}}.", "Size", HumanSize(n))
	}
	return s.InTx(ctx, func(tx *store.Tx) error {
		old, err := tx.Setting(ctx, store.LimitSetting)
		if err != nil {
			return err
		}
		v := strconv.FormatInt(n, 10)
		if err := tx.SetSetting(ctx, store.LimitSetting, v); err != nil {
			return err
		}
		if e, ok := logbook.Change(logbook.EntitySetting, store.LimitSetting, "value", old, v, ""); ok {
			return tx.AppendAudit(ctx, by.Login, e)
		}
		return nil
	})
}

// HumanSize is a file size as users read it (KB, MB, GB).
func HumanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 0, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// MoveReport says what a move between engines carried (transfer.Report).
type MoveReport = transfer.Report

// MigrateTo copies the hospital in the database file path into the new,
// empty server database target (migrate --to). The file is only read;
// whoever can read it could copy it anyway, so no sign-in is asked here:
// the server's own logins guard the destination.
func MigrateTo(ctx context.Context, path, target string) (MoveReport, error) {
	if !store.IsServer(target) {
		return MoveReport{}, domain.NewProblem("problem.transfer.not_server", "{{.Target}} is not a database server address: give one like postgres://user@host:5432/budgetperf?sslmode=require.", "Target", target)
	}
	return transfer.MigrateFile(ctx, path, target)
}

// RestoreServer replaces the server database s by the backup file src
// (administrator only), in one transaction.
func RestoreServer(ctx context.Context, s *store.Store, by domain.Actor, src string) (MoveReport, error) {
	if err := permission.Check(by, permission.BackupRestore, ""); err != nil {
		return MoveReport{}, err
	}
	// A restore replaces the audit trail, whose rows only the database's
	// owner may change or remove (store/grants).
	if who, owner, err := grants.Owner(ctx, s.Conn()); err != nil {
		return MoveReport{}, err
	} else if !owner {
		return MoveReport{}, domain.NewProblem("problem.restore.server_owner",
			"Restoring replaces the server database's audit trail, which only the database's owner may change; {{.Login}} is not its owner. Sign in with the owner's login (the server's administrator account, which moved the hospital in) to restore.",
			"Login", who)
	}
	return transfer.RestoreIntoServer(ctx, src, s)
}
