package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files in order; a file is named NNNN_what.sql.
// PostgreSQL has its own form of each file, under migrations/postgres.
func migrations(engines ...Engine) ([]migration, error) {
	dir := "migrations"
	if len(engines) > 0 && engines[0] == Postgres {
		dir = "migrations/postgres"
	}
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`

// inspect opens an existing file read-only and refuses it when it is not a
// BudgetPerf database or carries a newer schema than this binary knows.
func inspect(ctx context.Context, path string) error {
	// immutable: read without locks or a shared-memory file, so nothing at
	// all is written beside a file we may refuse. migrate() checks the
	// version again under the normal connection.
	ro, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		return notADatabase(path, err)
	}
	defer ro.Close()
	var tables int
	if err := ro.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&tables); err != nil {
		return notADatabase(path, err)
	}
	if tables == 0 {
		return nil
	}
	var has int
	if err := ro.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&has); err != nil {
		return notADatabase(path, err)
	}
	if has == 0 {
		return domain.NewProblem("problem.db.foreign", "{{.Path}} is an SQLite file of another program, not a BudgetPerf database. Choose another file; it has not been changed.", "Path", path)
	}
	var v sql.NullInt64
	if err := ro.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return notADatabase(path, err)
	}
	if known := SchemaVersion(); int(v.Int64) > known {
		return domain.NewProblem("problem.db.newer_schema",
			"The database {{.Path}} was written by a newer version of BudgetPerf (schema {{.Found}}; this version knows up to {{.Known}}). Install the newer version to open it; the file has not been changed.",
			"Path", path, "Found", v.Int64, "Known", known)
	}
	return nil
}

// migrate applies the pending migrations, each in its own transaction
// together with its record, so a failure leaves the previous schema intact.
// It returns the schema version the file had before.
func (s *Store) migrate(ctx context.Context) (int, error) {
	ms, err := migrations(s.engine)
	if err != nil {
		return 0, err
	}
	// On a server only the owner may create tables: others find it there.
	var have bool
	if s.engine == Postgres {
		if err := s.db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&have); err != nil {
			return 0, fmt.Errorf("preparing migrations: %w", err)
		}
	}
	if !have {
		if _, err := s.db.ExecContext(ctx, createMigrationsTable); err != nil {
			return 0, fmt.Errorf("preparing migrations: %w", err)
		}
	}
	var current sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&current); err != nil {
		return 0, fmt.Errorf("reading the schema version: %w", err)
	}
	if int(current.Int64) > len(ms) {
		return 0, domain.NewProblem("problem.db.newer_schema",
			"The database {{.Path}} was written by a newer version of BudgetPerf (schema {{.Found}}; this version knows up to {{.Known}}). Install the newer version to open it; the file has not been changed.",
			"Path", s.path, "Found", current.Int64, "Known", len(ms))
	}
	if err := s.beforeMigrate(ctx, int(current.Int64), len(ms)); err != nil {
		return 0, err
	}
	for _, m := range ms[current.Int64:] {
		err := s.InTx(ctx, func(tx *Tx) error {
			// Another process opening the same new file may have applied it
			// since the version was read: the write lock held here decides.
			var done int
			if err := tx.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.db.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("applying %s: %w", m.name, err)
			}
			_, err := tx.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, now())
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	return int(current.Int64), nil
}

var createTableRE = regexp.MustCompile(`(?i)CREATE TABLE (?:IF NOT EXISTS )?(\w+)`)

// Tables are BudgetPerf's tables in the order the migrations create them,
// schema_migrations left out: what a whole-database copy moves (transfer).
func Tables() []string {
	ms, _ := migrations()
	var ts []string
	for _, m := range ms {
		for _, g := range createTableRE.FindAllStringSubmatch(m.sql, -1) {
			ts = append(ts, g[1])
		}
	}
	return ts
}

// ReadOnlyDSN opens the database file path for reading only, as the source
// of a copy: nothing is written to it or beside it.
func ReadOnlyDSN(path string) string {
	return fileURI(path) + "?mode=ro&_pragma=busy_timeout(5000)"
}
