package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// run executes a command line in-process and returns its status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut, nil)
	return code, out.String(), errOut.String()
}

// tempDB is an empty database in a fresh folder: commands other than demo,
// users add and init need an existing one.
func tempDB(t *testing.T) string {
	t.Helper()
	path := enginetest.File(t, filepath.Join(t.TempDir(), "cli.db"))
	if code, _, stderr := run(t, "--db", path, "init"); code != ExitOK {
		t.Fatalf("init: %d %s", code, stderr)
	}
	return path
}

func TestDemoThenDepartmentsList(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "departments", "list", "--json")
	if code != ExitOK {
		t.Fatalf("departments list: exit %d, %s", code, stderr)
	}
	var got struct {
		Departments []map[string]any `json:"departments"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(got.Departments) < 24 {
		t.Fatalf("%d departments listed", len(got.Departments))
	}
	for _, d := range got.Departments {
		for _, field := range []string{"code", "name", "name_en", "type", "headcount", "coefficient"} {
			if _, ok := d[field]; !ok {
				t.Errorf("department %v lacks %q", d["code"], field)
			}
		}
	}
	types := map[any]bool{}
	for _, d := range got.Departments {
		types[d["type"]] = true
	}
	for _, want := range []string{"clinical", "medical-technical", "public-health", "administrative", "logistics"} {
		if !types[want] {
			t.Errorf("no %s department", want)
		}
	}
}

func TestSecondDemoIsRefused(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo")
	code, _, stderr := run(t, "--db", db, "--lang", "zh", "demo")
	if code != ExitRefused {
		t.Fatalf("second demo: exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "已有数据") {
		t.Errorf("refusal not explained in Chinese: %q", stderr)
	}
}

func TestBudgetShowSumsItsLines(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo", "--year", "2026")
	for _, year := range []string{"2025", "2026"} {
		code, stdout, stderr := run(t, "--db", db, "budget", "show", "--year", year, "--json")
		if code != ExitOK {
			t.Fatalf("budget show %s: exit %d %s", year, code, stderr)
		}
		var b budgetJSON
		if err := json.Unmarshal([]byte(stdout), &b); err != nil {
			t.Fatal(err)
		}
		var rev, exp int64
		for _, d := range b.Departments {
			var r, e int64
			for _, l := range d.Lines {
				if l.Kind == "revenue" {
					r += l.AmountFen
				} else {
					e += l.AmountFen
				}
				if l.SubjectName == "" {
					t.Errorf("%s line %s has no subject name", d.Code, l.SubjectCode)
				}
			}
			if r != d.RevenueFen || e != d.ExpenditureFen || d.BalanceFen == nil || *d.BalanceFen != r-e {
				t.Errorf("%s: lines %d/%d, department %d/%d balance %v", d.Code, r, e, d.RevenueFen, d.ExpenditureFen, d.BalanceFen)
			}
			rev, exp = rev+r, exp+e
		}
		if rev != b.RevenueFen || exp != b.ExpenditureFen || b.BalanceFen != rev-exp || b.Deficit != (rev < exp) {
			t.Errorf("%s: departments %d/%d, budget %d/%d balance %d", year, rev, exp, b.RevenueFen, b.ExpenditureFen, b.BalanceFen)
		}
		if strings.Contains(stdout, "total_fen") {
			t.Errorf("%s: a summed total_fen is still printed", year)
		}
	}
}

func TestActualsShowThroughMonth(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo", "--year", "2026")
	var all, june actualsJSON
	_, out, _ := run(t, "--db", db, "actuals", "show", "--year", "2026", "--json")
	json.Unmarshal([]byte(out), &all)
	_, out, _ = run(t, "--db", db, "actuals", "show", "--json", "--year", "2026", "--month", "6")
	json.Unmarshal([]byte(out), &june)
	if all.ExpenditureFen <= june.ExpenditureFen || june.ExpenditureFen <= 0 {
		t.Errorf("expenditure through June %d, whole year so far %d", june.ExpenditureFen, all.ExpenditureFen)
	}
	if code, _, _ := run(t, "--db", db, "actuals", "show", "--year", "2026", "--month", "13"); code != ExitRefused {
		t.Errorf("month 13: exit %d, want 1", code)
	}
}

func TestUsageErrorsAndHelp(t *testing.T) {
	db := tempDB(t)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"--help"}, ExitOK},
		{[]string{"help"}, ExitOK},
		{[]string{"demo", "--help"}, ExitOK},
		{[]string{"departments", "list", "--help"}, ExitOK},
		{[]string{"budget", "show", "-h"}, ExitOK},
		{[]string{"actuals", "show", "--help"}, ExitOK},
		{[]string{"version", "--help"}, ExitOK},
		{[]string{"bogus"}, ExitUsage},
		{[]string{"--db", db, "budget", "show"}, ExitUsage},
		{[]string{"--db", db, "budget", "show", "--year", "x"}, ExitUsage},
		{[]string{"--db", db, "demo", "extra"}, ExitUsage},
		{[]string{"--lang", "fr", "version"}, ExitUsage},
		{[]string{"--db", db, "budget", "show", "--year", "1999"}, ExitRefused},
		{[]string{"--db", db, "budget", "show", "--year", "2024"}, ExitRefused},
		{[]string{}, ExitUsage}, // no GUI in tests
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, c.args...)
		if code != c.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.want, stderr)
		}
		if c.want == ExitOK && stdout == "" {
			t.Errorf("%v printed no help", c.args)
		}
		if c.want != ExitOK && stderr == "" {
			t.Errorf("%v failed silently", c.args)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitOK || !strings.HasPrefix(out, "BudgetPerf ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestNewerDatabaseIsRefusedUntouched(t *testing.T) {
	enginetest.FileOnly(t) // about the SQLite file's bytes
	db := tempDB(t)
	run(t, "--db", db, "demo")
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(db)
	code, _, stderr := run(t, "--db", db, "--lang", "zh", "departments", "list", "--json")
	if code != ExitRefused || !strings.Contains(stderr, "更新版本") {
		t.Errorf("exit %d, stderr %q; want 1 and an explanation", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the newer database file was changed")
	}
}

func TestExportBudgetWritesAWorkbook(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo", "--year", "2026")
	out := filepath.Join(t.TempDir(), "预算 2026.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "budget", "--year", "2026", "-o", out); code != ExitOK {
		t.Fatalf("export: exit %d %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
		t.Fatalf("workbook not written: %v", err)
	}
	if code, _, _ := run(t, "--db", db, "export", "budget", "--year", "2026"); code != ExitUsage {
		t.Errorf("export without -o: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "--db", db, "export", "budget", "--year", "2020", "-o", out); code != ExitRefused {
		t.Errorf("export of a year without budget: exit %d, want 1", code)
	}
}

// A .bpbak file given alone (a file manager opening a backup) opens the
// window with it to restore; any other lone word is still a command.
func TestABackupFileOpensTheWindow(t *testing.T) {
	bak := filepath.Join(t.TempDir(), "h.bpbak")
	if err := os.WriteFile(bak, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got GUIOptions
	gui := func(o GUIOptions) error { got = o; return nil }
	var out, errOut bytes.Buffer
	if code := Run([]string{bak}, &out, &errOut, gui); code != ExitOK || got.RestoreFile != bak {
		t.Errorf("exit %d, options %+v", code, got)
	}
	if code := Run([]string{filepath.Join(t.TempDir(), "missing.bpbak")}, &out, &errOut, gui); code != ExitUsage {
		t.Errorf("a missing backup: exit %d, want the unknown-command usage error", code)
	}
}

// Mistaken options are said in the chosen language, and a mistyped --db
// is refused rather than made into an empty hospital.
func TestFlagErrorsAndMissingDatabaseInWords(t *testing.T) {
	db := tempDB(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "--lang", "zh", "budget", "show", "--yaer", "2026"}, "没有 --yaer 这个选项"},
		{[]string{"--db", db, "--lang", "zh", "budget", "show", "--year", "abc"}, "“abc” 不是 --year 的有效值"},
		{[]string{"--db", db, "--lang", "zh", "budget", "show", "--year"}, "选项 --year 需要一个值"},
		{[]string{"--lang", "zh", "--dbb", db, "version"}, "没有 --dbb 这个选项"},
	} {
		code, _, stderr := run(t, tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q", tt.args, code, stderr)
		}
	}
	typo := filepath.Join(filepath.Dir(db), "sub", "clli.db")
	code, _, stderr := run(t, "--db", typo, "--lang", "en", "departments", "list")
	if code != ExitRefused || !strings.Contains(stderr, "There is no database at "+typo) {
		t.Errorf("mistyped --db: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Errorf("a mistyped --db made the folder %s", filepath.Dir(typo))
	}
	fresh := filepath.Join(filepath.Dir(db), "new.db")
	if code, stdout, stderr := run(t, "--db", fresh, "--lang", "en", "init"); code != ExitOK || !strings.Contains(stderr, "New database created") || !strings.Contains(stdout, fresh) {
		t.Errorf("init: exit %d, %q %q", code, stdout, stderr)
	}
}
