package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// The schema derived from the migrations is the one Open writes, and the
// files older versions wrote (testdata) carry the schema of their version.
func TestExpectedSchemaIsWhatBudgetPerfWrites(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	got, err := readSchema(ctx, s.pool)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ExpectedSchema(ctx, SchemaVersion())
	if err != nil {
		t.Fatal(err)
	}
	if d := CompareSchema(got, want); len(d) != 0 || len(want) < 20 {
		t.Errorf("a new database differs from the derived schema (%d objects): %+v", len(want), d)
	}
	for file, v := range map[string]int{"schema2-demo2025.db": 2, "schema7-demo2025.db": 7} {
		info, err := CheckBackup(ctx, filepath.Join("testdata", file))
		if err != nil || info.Schema != v {
			t.Errorf("CheckBackup(%s) = schema %d, %v; want %d", file, info.Schema, err, v)
		}
	}
	if _, err := ExpectedSchema(ctx, SchemaVersion()+1); err == nil {
		t.Error("a schema version past the migrations has an expected schema")
	}
}

// Each tampered backup is refused by name and the database is untouched.
func TestRestoreRefusesATamperedSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := hospitalDB(t, dir)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	genuine := filepath.Join(dir, "genuine"+BackupExt)
	if err := s.BackupTo(ctx, genuine); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := sqlfixture.Dump(t, path)
	for _, c := range sqlfixture.TamperedBackups {
		bad := filepath.Join(dir, c.What+BackupExt)
		sqlfixture.Tamper(t, genuine, bad, c.Statements...)
		_, kept, err := Restore(ctx, path, bad, "")
		if !namesObject(err, c.Type, c.Name) || kept != "" {
			t.Errorf("%s: Restore = kept %q, %v; want a refusal naming the %s %s", c.What, kept, err, c.Type, c.Name)
		}
		if sqlfixture.Dump(t, path) != before {
			t.Errorf("%s: the refused restore changed the database", c.What)
		}
	}
	if _, _, err := Restore(ctx, path, genuine, ""); err != nil {
		t.Errorf("the genuine backup: %v", err)
	}
}

func namesObject(err error, typ, name string) bool {
	for _, p := range domain.AsProblems(err) {
		if strings.HasPrefix(p.Key, "problem.restore.schema_") && p.Args["Name"] == name && p.Args["Type"].(domain.Term).Default == typ {
			return true
		}
	}
	return false
}

// Whitespace alone is no difference; anything else about an object is.
func TestCompareSchema(t *testing.T) {
	want := []SchemaObject{{Type: "table", Name: "a", Table: "a", SQL: normalSQL("CREATE TABLE a (\n    x INTEGER\n)")}}
	same := []SchemaObject{{Type: "table", Name: "a", Table: "a", SQL: normalSQL("CREATE TABLE a ( x INTEGER )")}}
	if d := CompareSchema(same, want); len(d) != 0 {
		t.Errorf("whitespace counted as a difference: %+v", d)
	}
	twice := append(append([]SchemaObject{}, same...), same...)
	other := []SchemaObject{{Type: "table", Name: "a", Table: "a", SQL: "CREATE TABLE a (x TEXT)"}}
	for name, c := range map[string]struct {
		got  []SchemaObject
		kind string
	}{"changed": {other, "changed"}, "missing": {nil, "missing"}, "twice": {twice, "extra"}} {
		if d := CompareSchema(c.got, want); len(d) != 1 || d[0].Kind != c.kind {
			t.Errorf("%s: %+v", name, d)
		}
	}
}

func TestNormalSQL(t *testing.T) {
	for in, want := range map[string]string{
		"CREATE TABLE a (\n    x INTEGER,\n    y TEXT DEFAULT 'a  ,  b'\n)": "CREATE TABLE a(x INTEGER,y TEXT DEFAULT 'a  ,  b')",
		"CREATE TABLE a(x INTEGER, y TEXT DEFAULT 'a  ,  b')":               "CREATE TABLE a(x INTEGER,y TEXT DEFAULT 'a  ,  b')",
		"CREATE INDEX \"i  j\" ON [t  u] ( x )":                             "CREATE INDEX \"i  j\" ON [t  u](x)",
	} {
		if got := normalSQL(in); got != want {
			t.Errorf("normalSQL(%q) = %q, want %q", in, got, want)
		}
	}
}
