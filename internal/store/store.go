// Package store is the only package that speaks SQL. It opens the SQLite
// file, applies the embedded migrations and offers one file of queries per
// entity, on the pool (Q) or inside a transaction (Tx). Queries return
// domain types where one fits and otherwise the store's own row types
// (BudgetLine, BonusRun, …), plain structs without behaviour that the
// services turn into what they serve. It imports only the rules
// (internal/domain/…) and keyring, which seals the audit trail.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// querier is what both a connection pool and a transaction offer, so that
// the entity queries can run inside or outside a transaction.
type querier = dialect.Querier

// Q runs the entity queries against a pool or a transaction.
type Q struct {
	db querier
	at time.Time // the stamp of written rows; zero: the real clock (clock.go)
}

// Store is an open BudgetPerf database.
type Store struct {
	Q
	pool   *sql.DB
	path   string // the file, or the server's URL without its password
	engine Engine
	server string       // the server's URL as given (VerifyLogin)
	notify listening    // changes announced to other PCs (notify.go)
	auto   autoState    // automatic backups (backup_auto.go)
	ckpt   checkpointer // WAL into the main file (checkpoint.go)
	seal   sealState    // the audit trail's key and anchor (seal.go)
}

// Tx is a write transaction; everything done through it lands together or not at all.
type Tx struct {
	Q
	key  logbook.Key   // seals the audit rows appended in it
	head *logbook.Head // the trail's new head, anchored after the commit
}

// DefaultPath is the per-user database location.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the user data directory: %w", err)
	}
	return filepath.Join(dir, "BudgetPerf", "budgetperf.db"), nil
}

// dsn puts the pragmas in the connection string so that every pooled
// connection gets them, not just the first one.
func dsn(path string) string {
	v := url.Values{}
	v.Add("_pragma", "foreign_keys(1)")
	v.Add("_pragma", "busy_timeout(10000)")
	v.Add("_pragma", "journal_mode(WAL)")
	v.Add("_pragma", "synchronous(NORMAL)")
	v.Set("_txlock", "immediate")
	return fileURI(path) + "?" + v.Encode()
}

// fileURI makes an SQLite URI for path: characters that end or escape the
// path part are percent-encoded (folders named "预算#2025" exist), and a
// Windows drive path gets the leading slash SQLite expects.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if len(p) >= 2 && p[1] == ':' {
		p = "/" + p
	}
	return "file:" + p
}

// Open opens (creating if needed) the database at path, refuses files that
// are not BudgetPerf databases or were written by a newer version, applies
// pending migrations. The check on open reads the header only (checkHeader),
// so it costs the same for any size of file; the full integrity_check runs
// with the daily automatic backup, which Open only notes as due (daily.go:
// StartDailyCheck, DailyCheck), and on restore (CheckBackup).
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, domain.NewProblem("problem.db.no_path", "No database file was given.")
	}
	if IsServer(path) {
		return openServer(ctx, path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, domain.NewProblem("problem.db.mkdir", "Cannot create the folder for the database {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	}
	// Inspect an existing file read-only first: opening it normally switches
	// the journal mode, which would already change a file we must refuse.
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		if err := checkHeader(path, fi.Size()); err != nil {
			return nil, err
		}
		if err := inspect(ctx, path); err != nil {
			return nil, err
		}
	}
	removeStaleTemps(path)
	pool, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &Store{Q: Q{db: pool}, pool: pool, path: path}
	from, err := s.migrate(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.openSeal(ctx, from); err != nil {
		pool.Close()
		return nil, err
	}
	s.afterOpen(ctx)
	s.afterCommit(ctx) // the migrations and the marker, into the main file
	s.startCheckpoints()
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close cancels the day's check if it still runs and waits for it, folds
// the write-ahead log into the database file and releases it.
func (s *Store) Close() error {
	if s.engine == Postgres {
		s.stopListening()
		return s.pool.Close()
	}
	s.stopDaily()
	s.stopCheckpoints()
	return s.pool.Close()
}

// InTx runs fn in one transaction: committed when fn returns nil, rolled
// back on an error or a panic. The transaction begins IMMEDIATE (_txlock
// in dsn), so it holds the write lock before fn reads anything: checks in
// fn see every commit before them and no other writer until it ends. A
// writer that held the lock past the busy timeout, a lost race on a unique
// index and an overflowing sum come back as problems (Explain).
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	defer func() { err = Explain(err) }()
	sqlTx, err := s.pool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting a transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = sqlTx.Rollback()
		}
	}()
	if s.engine == Postgres {
		if err = lockWriters(ctx, sqlTx); err != nil {
			return err
		}
	}
	tx := &Tx{Q: Q{db: on(s.engine, sqlTx)}, key: s.seal.key}
	if err = fn(tx); err != nil {
		return err
	}
	if err = s.announce(ctx, tx.db); err != nil {
		return err
	}
	if err = sqlTx.Commit(); err != nil {
		return fmt.Errorf("saving the transaction: %w", err)
	}
	s.anchor(tx.head)
	s.afterCommit(ctx)
	return nil
}

func notADatabase(path string, err error) error {
	return domain.NewProblem("problem.db.not_sqlite", "{{.Path}} is not a BudgetPerf database ({{.Err}}). Choose a .db file created by BudgetPerf.", "Path", path, "Err", notDatabaseReason(err))
}

// Why a file is not a database, in the user's words where the reason is
// known (the window shows it in Chinese); any other error as it reads.
var (
	errShortHeader = errors.New("the file is shorter than an SQLite header")
	errNoHeader    = errors.New("no SQLite header")
)

func notDatabaseReason(err error) any {
	switch {
	case errors.Is(err, errShortHeader):
		return domain.Term{Key: "problem.db.reason.short_header", Default: errShortHeader.Error()}
	case errors.Is(err, errNoHeader):
		return domain.Term{Key: "problem.db.reason.no_header", Default: errNoHeader.Error()}
	case errors.Is(err, fs.ErrPermission):
		return domain.Term{Key: "problem.db.reason.permission", Default: "this user may not read it"}
	case errors.Is(err, fs.ErrNotExist):
		return domain.Term{Key: "problem.db.reason.missing", Default: "there is no such file"}
	}
	return err.Error()
}

// now is the timestamp format stored in every *_at column: RFC 3339 with the
// local offset, which sorts correctly within one office's time zone.
func now() string { return time.Now().Format(time.RFC3339) }

var errNotFound = errors.New("not found")

// IsNotFound reports whether err means the row asked for does not exist.
func IsNotFound(err error) bool { return errors.Is(err, errNotFound) || errors.Is(err, sql.ErrNoRows) }
