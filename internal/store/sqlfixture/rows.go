// Package sqlfixture reads and tampers with database files for tests:
// the rows a refused operation must leave equal, and backups altered the
// way an attacker would. It lives under store because it speaks SQL.
package sqlfixture

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the tests read the database file as the store writes it
)

// Rows is every row of the given tables of the SQLite file at path, as
// text: a refused operation must leave it equal.
func Rows(t testing.TB, path string, tables ...string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	for _, table := range tables {
		rows, err := conn.Query("SELECT * FROM " + table + " ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}
