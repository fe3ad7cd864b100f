// Package enginetest gives tests a database on each engine the store runs
// on: a file in the test's folder, and a new empty database on the test
// PostgreSQL server that `make test` starts (scripts/pg-test-server.sh).
//
// BUDGETPERF_TEST_PG holds that server's URL (a superuser's, on a
// throw-away cluster). The server half of a test is skipped only when it
// says "skip"; when it is unset the test fails and says how to get one, so
// a run that was meant to cover both engines cannot quietly cover one.
package enginetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/dialect"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Env names the test server's URL.
const Env = "BUDGETPERF_TEST_PG"

// Engine is one engine a test runs on.
type Engine struct {
	Name string // "sqlite" or "postgres"
	// Target returns a new, empty database of this engine: a file path or
	// a server URL, to give where --db or store.Open takes one.
	Target func(t testing.TB) string
}

// Engines are SQLite and, unless told to skip it, PostgreSQL.
func Engines(t testing.TB) []Engine {
	es := []Engine{sqliteEngine}
	if ServerURL(t) != "" {
		es = append(es, postgresEngine)
	}
	return es
}

var (
	sqliteEngine   = Engine{Name: "sqlite", Target: func(t testing.TB) string { return filepath.Join(t.TempDir(), "budgetperf.db") }}
	postgresEngine = Engine{Name: "postgres", Target: NewDatabase}
)

// Each runs fn once per engine, as a subtest named after it.
func Each(t *testing.T, fn func(t *testing.T, e Engine)) {
	for _, e := range Engines(t) {
		t.Run(e.Name, func(t *testing.T) { fn(t, e) })
	}
}

// ServerURL is the test server's URL; "" when the server half is skipped.
func ServerURL(t testing.TB) string {
	v := os.Getenv(Env)
	switch v {
	case "skip":
		return ""
	case "":
		t.Fatalf("no PostgreSQL test server: run the tests with `make test` (it starts one), or set %s to a superuser's URL of a throw-away server (scripts/pg-test-server.sh start DIR prints one), or to \"skip\" to leave the server half out", Env)
	}
	return v
}

// RequireServer is the test server's URL, skipping t when told to.
func RequireServer(t testing.TB) string {
	u := ServerURL(t)
	if u == "" {
		t.Skipf("%s=skip: the PostgreSQL half is left out", Env)
	}
	return u
}

// NewDatabase creates an empty database (byte-order text, as BudgetPerf
// requires) on the test server, dropped when the test ends, and returns
// its URL with the server's superuser.
func NewDatabase(t testing.TB) string {
	admin := RequireServer(t)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bp_t_" + hex.EncodeToString(b)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = db.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
		dropRoles(db, "bp_"+name+"_%") // its group roles (store/grants)
	})
	u := WithDatabase(admin, name)
	shown.Store(dialect.RedactURL(u), u)
	return u
}

// shown maps the address a store shows (password hidden) to the test
// database's full URL (Resolve); files maps a test's file path to the
// server database standing in for it (File).
var shown, files sync.Map

// Resolve is the full URL of a test database a store shows as path (its
// password hidden), or path itself: fixtures reopen a store's database.
func Resolve(path string) string {
	if u, ok := shown.Load(path); ok {
		return u.(string)
	}
	return path
}

// WithDatabase is server's URL naming database name instead.
func WithDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	u.Path = "/" + name
	return u.String()
}

// dropRoles removes the server roles named like pattern (LIKE), e.g. the
// logins and group roles a test made; roles are the cluster's, not a
// database's, so they outlive the test's database otherwise.
func dropRoles(db *sql.DB, pattern string) {
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `SELECT rolname FROM pg_roles WHERE rolname LIKE $1`, pattern)
	if err != nil {
		return
	}
	var names []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	rows.Close()
	for _, n := range names {
		_, _ = db.ExecContext(ctx, `DROP ROLE IF EXISTS "`+n+`"`)
	}
}

// Logins gives a test unique server login names (prefix + name) and drops
// them when the test ends: logins are the server's, shared by its databases.
func Logins(t testing.TB) func(name string) string {
	admin := RequireServer(t)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t" + hex.EncodeToString(b) + "_"
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		dropRoles(db, prefix+"%")
	})
	return func(name string) string { return prefix + name }
}

// As is server's URL signing in as login with password.
func As(server, login, password string) string { return dialect.WithLogin(server, login, password) }

// EngineEnv chooses the engine of the tests that take a database from
// File: "postgres" runs them on the test server (make test does, in a
// second pass over the service and command-line packages).
const EngineEnv = "BUDGETPERF_TEST_ENGINE"

// File is the database a test opens: path, or a server database standing
// in for it when the tests run on PostgreSQL (EngineEnv); the same path
// twice is the same database.
func File(t testing.TB, path string) string {
	if os.Getenv(EngineEnv) != "postgres" {
		return path
	}
	if u, ok := files.Load(path); ok {
		return u.(string)
	}
	u := NewDatabase(t)
	files.Store(path, u)
	return u
}

// FileOnly skips a test about the database file itself (its bytes, its
// backups beside it, a damaged copy) in the PostgreSQL pass.
func FileOnly(t testing.TB) {
	if os.Getenv(EngineEnv) == "postgres" {
		t.Skip("about the SQLite file itself: runs in the SQLite pass")
	}
}

// Benched are the engines a benchmark compares: SQLite, and PostgreSQL
// when a server is given (benchmarks never fail for want of one; the
// bench/ scripts start one).
func Benched(b testing.TB) []Engine {
	if v := os.Getenv(Env); v == "" || v == "skip" {
		return []Engine{sqliteEngine}
	}
	return []Engine{sqliteEngine, postgresEngine}
}
