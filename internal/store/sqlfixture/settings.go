package sqlfixture

import (
	"context"
	"database/sql"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/dialect"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// SetSetting writes a setting straight into the SQLite file at path (a
// hospital renamed, or db.id removed as in a backup older than schema 10),
// bypassing the services and their audit trail.
func SetSetting(t testing.TB, path, key, value string) {
	t.Helper()
	driver, source := "sqlite", "file:"+path
	if dialect.IsServer(path) { // the test's server database standing in for the file
		driver, source = "pgx", enginetest.Resolve(path)
	}
	conn, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	q := dialect.On(engineOf(path), conn)
	if value == "" {
		_, err = q.ExecContext(context.Background(), `DELETE FROM settings WHERE key = ?`, key)
	} else {
		_, err = q.ExecContext(context.Background(), `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// PageOf is the offset and size of the root page of table in the SQLite
// file at path, for a test that damages it.
func PageOf(t testing.TB, path, table string) (offset, size int64) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var root int64
	if err := conn.QueryRow(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	return (root - 1) * size, size
}

func engineOf(path string) dialect.Engine {
	if dialect.IsServer(path) {
		return dialect.Postgres
	}
	return dialect.SQLite
}
