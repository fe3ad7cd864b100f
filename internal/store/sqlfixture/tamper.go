package sqlfixture

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Tampered is a backup altered by hand the way an attacker would: the
// statements run on a copy of a genuine backup, and a restore must refuse
// the result naming the object (Type and Name).
type Tampered struct {
	What       string   // for test names
	Statements []string // run in order on the copy
	Type, Name string   // an object the refusal names
}

// TamperedBackups are the malicious backups of issue 17 — a trigger that
// makes a department head an administrator on the next failed sign-in, one
// that halves every imported actual, the audit table replaced by a view
// that swallows inserts — and an extra index and an extra column.
var TamperedBackups = []Tampered{
	{What: "promote_on_failed_login", Type: "trigger", Name: "users_failed_login", Statements: []string{
		`CREATE TRIGGER users_failed_login AFTER UPDATE OF failed_attempts ON users
		 WHEN NEW.role = 'department_head' BEGIN
		   UPDATE users SET role = 'administrator' WHERE login = NEW.login;
		 END`}},
	{What: "halve_actuals", Type: "trigger", Name: "actuals_halve", Statements: []string{
		`CREATE TRIGGER actuals_halve AFTER INSERT ON actuals BEGIN
		   UPDATE actuals SET amount_fen = NEW.amount_fen / 2 WHERE id = NEW.id;
		 END`}},
	{What: "audit_view", Type: "view", Name: "audit_log", Statements: []string{
		`DROP TABLE audit_log`,
		`CREATE VIEW audit_log AS SELECT 0 AS seq, '' AS at, '' AS login, '' AS entity, '' AS entity_key,
		   '' AS field, '' AS old_value, '' AS new_value, '' AS reason, '' AS prev_hash, '' AS hash WHERE 0`,
		`CREATE TRIGGER audit_log_swallow INSTEAD OF INSERT ON audit_log BEGIN SELECT 1; END`}},
	{What: "extra_index", Type: "index", Name: "actuals_amount", Statements: []string{
		`CREATE INDEX actuals_amount ON actuals (amount_fen)`}},
	{What: "extra_column", Type: "table", Name: "users", Statements: []string{
		`ALTER TABLE users ADD COLUMN note TEXT NOT NULL DEFAULT ''`}},
}

// Tamper copies the SQLite file src to dest and runs stmts on the copy.
func Tamper(t testing.TB, src, dest string, stmts ...string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, b, 0o644); err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite", "file:"+dest)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("tampering with %s: %v\n%s", dest, err, s)
		}
	}
}

// Dump is the schema and every row of every table of the SQLite file at
// path, read without writing to it: a refused restore must leave it equal.
func Dump(t testing.TB, path string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var tables []string
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", typ, name, text)
		if typ == "table" {
			tables = append(tables, `"`+name+`"`)
		}
	}
	rows.Close()
	conn.Close()
	return b.String() + Rows(t, path, tables...)
}
