package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The upgrade fixtures are databases written by earlier versions:
// testdata/schemaN-*.db holds the demo hospital at schema N. Regenerate
// them (only ever add new ones; old ones are what users have on disk) with
//
//	BUDGETPERF_WRITE_FIXTURES=1 go test ./internal/store -run TestWriteUpgradeFixtures
func TestWriteUpgradeFixtures(t *testing.T) {
	if os.Getenv("BUDGETPERF_WRITE_FIXTURES") == "" {
		t.Skip("set BUDGETPERF_WRITE_FIXTURES=1 to write testdata/schema*.db")
	}
	ctx := context.Background()
	demo := filepath.Join(t.TempDir(), "demo.db")
	svc, err := services.Open(ctx, demo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Demo.Load(ctx, domain.LocalUser, 2025); err != nil {
		t.Fatal(err)
	}
	svc.Close()

	// Each fixture: the first migrations up to its schema, filled with the
	// demo's rows in the columns they had then. 2 is the first release with
	// import batches, 7 the last one before users and the audit log.
	var written []string
	for _, version := range []int{2, 7} {
		out := filepath.Join("testdata", fmt.Sprintf("schema%d-demo2025.db", version))
		os.Remove(out)
		tmp := filepath.Join(t.TempDir(), "old.db")
		db := plainDB(t, tmp)
		mustExec(t, db, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
		files, _ := filepath.Glob(filepath.Join("migrations", "*.sql"))
		for i, file := range files[:version] {
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			mustExec(t, db, string(body))
			mustExec(t, db, `INSERT INTO schema_migrations VALUES (?, ?, '2025-01-02T09:00:00+08:00')`, i+1, filepath.Base(file))
		}
		mustExec(t, db, `ATTACH DATABASE ? AS src`, demo)
		for _, table := range tables(t, db, "main") {
			if table == "schema_migrations" {
				continue
			}
			mustExec(t, db, `DELETE FROM main.`+table) // rows a migration seeded come from the demo too
			cols := strings.Join(commonColumns(t, db, table), ", ")
			mustExec(t, db, fmt.Sprintf(`INSERT INTO main.%s (%s) SELECT %s FROM src.%s`, table, cols, cols, table))
		}
		mustExec(t, db, `DETACH DATABASE src`)
		mustExec(t, db, `VACUUM INTO ?`, out)
		db.Close()
		written = append(written, out)
	}
	for _, f := range written {
		fi, _ := os.Stat(f)
		t.Logf("wrote %s (%d bytes)", f, fi.Size())
	}
}

// TestUpgradeKeepsEveryRow opens each fixture of an earlier schema with
// this version: it is backed up first, migrated, and every row it held is
// still there with the same values.
func TestUpgradeKeepsEveryRow(t *testing.T) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "schema*-*.db"))
	if len(fixtures) == 0 {
		t.Fatal("no testdata/schema*-*.db fixtures")
	}
	ctx := context.Background()
	for _, fixture := range fixtures {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			from, _ := strconv.Atoi(regexp.MustCompile(`schema(\d+)-`).FindStringSubmatch(filepath.Base(fixture))[1])
			dir := t.TempDir()
			path := filepath.Join(dir, "budgetperf.db")
			copyFile(t, fixture, path)
			pristine := filepath.Join(dir, "pristine.sqlite")
			copyFile(t, fixture, pristine)
			before := rowCounts(t, pristine)

			s, err := store.Open(ctx, path)
			if err != nil {
				t.Fatalf("opening a schema-%d database: %v", from, err)
			}
			s.Close()

			db := plainDB(t, path)
			defer db.Close()
			var version int
			mustScan(t, db, `SELECT max(version) FROM schema_migrations`, &version)
			if version != store.SchemaVersion() {
				t.Errorf("schema after opening = %d, want %d", version, store.SchemaVersion())
			}
			mustExec(t, db, `ATTACH DATABASE ? AS old`, pristine)
			for table, n := range before {
				var after, missing int
				mustScan(t, db, fmt.Sprintf(`SELECT count(*) FROM main.%s`, table), &after)
				if table == "schema_migrations" {
					continue
				}
				cols := strings.Join(commonColumns2(t, db, table), ", ")
				mustScan(t, db, fmt.Sprintf(`SELECT count(*) FROM (SELECT %s FROM old.%s EXCEPT SELECT %s FROM main.%s)`, cols, table, cols, table), &missing)
				if after < n || missing > 0 {
					t.Errorf("table %s: %d rows before, %d after, %d old rows missing or changed", table, n, after, missing)
				}
			}
			if from < 4 {
				// 0004 derives the monthly sums from the ledger lines it found.
				var ledger, months int64
				mustScan(t, db, `SELECT coalesce(sum(amount_fen), 0) FROM actuals`, &ledger)
				mustScan(t, db, `SELECT coalesce(sum(amount_fen), 0) FROM actual_months`, &months)
				if ledger == 0 || ledger != months {
					t.Errorf("actual_months sum %d, actuals %d", months, ledger)
				}
			}

			backups, err := store.ListAutoBackups(path)
			if err != nil {
				t.Fatal(err)
			}
			upgrade := 0
			for _, b := range backups {
				if b.Reason == store.ReasonUpgrade {
					upgrade++
					if b.Schema != from {
						t.Errorf("the pre-upgrade backup says schema %d, want %d", b.Schema, from)
					}
					if counts := rowCounts(t, b.Path); fmt.Sprint(counts) != fmt.Sprint(before) {
						t.Errorf("the pre-upgrade backup holds %v, want the old database %v", counts, before)
					}
				}
			}
			if want := 1; from == store.SchemaVersion() {
				want = 0
				if upgrade != want {
					t.Errorf("%d upgrade backups of a current database, want none", upgrade)
				}
			} else if upgrade != want {
				t.Errorf("%d upgrade backups in %s, want %d", upgrade, store.BackupDir(path), want)
			}
		})
	}
}

func plainDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // ATTACH belongs to one connection
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func mustScan(t *testing.T, db *sql.DB, q string, dest ...any) {
	t.Helper()
	if err := db.QueryRow(q).Scan(dest...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func tables(t *testing.T, db *sql.DB, schema string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM ` + schema + `.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

func columns(t *testing.T, db *sql.DB, schema, table string) []string {
	t.Helper()
	rows, err := db.Query(fmt.Sprintf(`SELECT name FROM pragma_table_info('%s', '%s')`, table, schema))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// commonColumns are main.table's columns that src.table has too.
func commonColumns(t *testing.T, db *sql.DB, table string) []string {
	return intersect(columns(t, db, "main", table), columns(t, db, "src", table))
}

// commonColumns2 are old.table's columns that main.table still has.
func commonColumns2(t *testing.T, db *sql.DB, table string) []string {
	return intersect(columns(t, db, "old", table), columns(t, db, "main", table))
}

func intersect(a, b []string) []string {
	in := map[string]bool{}
	for _, c := range b {
		in[c] = true
	}
	var out []string
	for _, c := range a {
		if in[c] {
			out = append(out, c)
		}
	}
	return out
}

// rowCounts counts the rows of every table of the database at path.
func rowCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]int{}
	for _, table := range tables(t, db, "main") {
		var n int
		mustScan(t, db, `SELECT count(*) FROM `+table, &n)
		out[table] = n
	}
	return out
}

func copyFile(t *testing.T, src, dest string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
