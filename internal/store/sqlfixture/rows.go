// Package sqlfixture reads and tampers with database files for tests:
// the rows a refused operation must leave equal, and backups altered the
// way an attacker would. It lives under store because it speaks SQL.
package sqlfixture

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/dialect"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	_ "modernc.org/sqlite" // the tests read the database file as the store writes it
)

// Rows is every row of the given tables of the SQLite file at path, as
// text: a refused operation must leave it equal.
func Rows(t testing.TB, path string, tables ...string) string {
	t.Helper()
	driver, source, order := "sqlite", "file:"+path, "rowid"
	if dialect.IsServer(path) {
		// A server has no rowid: every column, in order, orders the rows.
		driver, source, order = "pgx", enginetest.Resolve(path), ""
	}
	conn, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	for _, table := range tables {
		by := order
		if by == "" {
			by = allColumns(t, conn, table)
		}
		rows, err := conn.Query("SELECT * FROM " + table + " ORDER BY " + by)
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

// allColumns is "1, 2, …, n" for table's n columns.
func allColumns(t testing.TB, conn *sql.DB, table string) string {
	rows, err := conn.Query("SELECT * FROM " + table + " LIMIT 0")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	nums := make([]string, len(cols))
	for i := range cols {
		nums[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(nums, ", ")
}
