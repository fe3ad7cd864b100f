package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// SchemaObject is one row of sqlite_master: a table, index, trigger or
// view, with its CREATE statement as SQLite keeps it (whitespace runs
// collapsed, so that only a change in meaning counts as a difference).
type SchemaObject struct {
	Type  string // table, index, trigger, view
	Name  string
	Table string // tbl_name: the table an index or trigger belongs to
	SQL   string // "" for the indexes SQLite makes itself (UNIQUE, PRIMARY KEY)
}

// Key is how objects are matched between two schemas: type and name.
func (o SchemaObject) Key() string { return o.Type + " " + o.Name }

// ignoredObject reports the internal tables SQLite adds on its own
// (AUTOINCREMENT counters, ANALYZE statistics): they hold no program logic
// and their presence depends on what was done with the file, not on the
// version that wrote it.
func ignoredObject(typ, name string) bool {
	return typ == "table" && (name == "sqlite_sequence" || strings.HasPrefix(name, "sqlite_stat"))
}

// normalSQL is s with its layout taken out, so that reformatting alone
// never counts as a different object: outside quoted text, a run of
// whitespace becomes one space, or nothing beside a parenthesis, comma or
// semicolon (older versions wrote "(version INTEGER" where today's write
// "(\n    version INTEGER"). Quoted text is kept as it is.
func normalSQL(s string) string {
	var b strings.Builder
	var quote rune // the closing quote while inside quoted text, else 0
	space := false // whitespace seen and not yet written
	for _, r := range strings.TrimSpace(s) {
		switch {
		case quote != 0:
			b.WriteRune(r)
			if r == quote {
				quote = 0
			}
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && !strings.ContainsRune("(),;", r) && !endsInPunct(&b) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		switch r {
		case '\'', '"', '`':
			quote = r
		case '[':
			quote = ']'
		}
	}
	return b.String()
}

func endsInPunct(b *strings.Builder) bool {
	s := b.String()
	return s != "" && strings.ContainsRune("(),;", rune(s[len(s)-1]))
}

// readSchema is the sqlite_master of db, sorted by type and name, without
// SQLite's internal tables.
func readSchema(ctx context.Context, db querier) ([]SchemaObject, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SchemaObject
	for rows.Next() {
		var o SchemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return nil, err
		}
		if ignoredObject(o.Type, o.Name) {
			continue
		}
		o.SQL = normalSQL(o.SQL)
		out = append(out, o)
	}
	return out, rows.Err()
}

var expected struct {
	once     sync.Once
	versions [][]SchemaObject // index v-1: the schema after migration v
	err      error
}

// ExpectedSchema is the sqlite_master a database of schema version v has
// when this program wrote it: derived once per run by applying the embedded
// migrations 1..v to an empty in-memory database, exactly as Open does, so
// the migrations stay the one source of truth.
func ExpectedSchema(ctx context.Context, v int) ([]SchemaObject, error) {
	expected.once.Do(func() {
		expected.versions, expected.err = deriveSchemas(context.WithoutCancel(ctx))
	})
	if expected.err != nil {
		return nil, expected.err
	}
	if v < 1 || v > len(expected.versions) {
		return nil, fmt.Errorf("no schema version %d (this version knows 1 to %d)", v, len(expected.versions))
	}
	return expected.versions[v-1], nil
}

// deriveSchemas applies every migration in turn to a fresh in-memory
// database and records sqlite_master after each one.
func deriveSchemas(ctx context.Context) ([][]SchemaObject, error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:expected-schema?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx) // one connection: an in-memory database lives in it
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, createMigrationsTable); err != nil {
		return nil, fmt.Errorf("deriving the schema: %w", err)
	}
	versions := make([][]SchemaObject, 0, len(ms))
	for _, m := range ms {
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("deriving the schema: applying %s: %w", m.name, err)
		}
		objs, err := readSchema(ctx, conn)
		if err != nil {
			return nil, fmt.Errorf("deriving the schema after %s: %w", m.name, err)
		}
		versions = append(versions, objs)
	}
	return versions, nil
}

// SchemaDifference is an object that differs between a file and the schema
// its version should have.
type SchemaDifference struct {
	Object SchemaObject
	Kind   string // "extra", "missing" or "changed"
}

// CompareSchema lists what in got is not exactly in want: extra objects
// first (what an attacker adds), then ones whose table or statement
// differ, then missing ones, each sorted by type and name.
func CompareSchema(got, want []SchemaObject) []SchemaDifference {
	w := make(map[string]SchemaObject, len(want))
	for _, o := range want {
		w[o.Key()] = o
	}
	var diffs []SchemaDifference
	seen := make(map[string]bool, len(got))
	for _, o := range got {
		e, ok := w[o.Key()]
		switch {
		case !ok || seen[o.Key()]: // a second row of one name can only be written by hand
			diffs = append(diffs, SchemaDifference{Object: o, Kind: "extra"})
		case e.Table != o.Table || e.SQL != o.SQL:
			diffs = append(diffs, SchemaDifference{Object: o, Kind: "changed"})
		}
		seen[o.Key()] = true
	}
	for _, o := range want {
		if !seen[o.Key()] {
			diffs = append(diffs, SchemaDifference{Object: o, Kind: "missing"})
		}
	}
	rank := map[string]int{"extra": 0, "changed": 1, "missing": 2}
	sort.SliceStable(diffs, func(i, j int) bool {
		if a, b := rank[diffs[i].Kind], rank[diffs[j].Kind]; a != b {
			return a < b
		}
		return diffs[i].Object.Key() < diffs[j].Object.Key()
	})
	return diffs
}
