package storetest

import (
	"database/sql"
	"testing"
)

// Exec runs stmts on the SQLite file at path in place, past the program:
// the direct edits an attacker with the file makes, which the data check
// of audit verify must name.
func Exec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("editing %s: %v\n%s", path, err, s)
		}
	}
}
