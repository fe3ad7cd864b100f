package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// A backup whose schema is not the one of its version (issue 17: a trigger
// promoting a department head, one halving the actuals, the audit table
// replaced by a view, an extra index or column) is refused with exit 1,
// naming the object in either language, and the database stays as it was;
// the genuine backup it was made from still restores.
func TestRestoreRefusesTamperedBackups(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "budgetperf.db")
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "demo", "--year", "2025"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	genuine := filepath.Join(dir, "genuine.bpbak")
	if code, _, stderr := run(t, "--db", db, "backup", "-o", genuine); code != ExitOK {
		t.Fatalf("backup: exit %d, %s", code, stderr)
	}
	before := sqlfixture.Dump(t, db)
	english := regexp.MustCompile(`\b(not written|schema|refused|table|index|trigger|view|holds|missing|differs)\b`)
	for _, c := range sqlfixture.TamperedBackups {
		bad := filepath.Join(dir, c.What+".bpbak")
		sqlfixture.Tamper(t, genuine, bad, c.Statements...)
		code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bad)
		if code != ExitRefused || !strings.Contains(stderr, c.Type+" "+c.Name) || !strings.Contains(stderr, "not written by BudgetPerf") {
			t.Errorf("%s (en): exit %d, %q", c.What, code, stderr)
		}
		code, _, stderr = run(t, "--db", db, "--lang", "zh", "restore", bad)
		if code != ExitRefused || !strings.Contains(stderr, c.Name) || !strings.Contains(stderr, "未做任何更改") || english.MatchString(stderr) {
			t.Errorf("%s (zh): exit %d, %q", c.What, code, stderr)
		}
		if sqlfixture.Dump(t, db) != before {
			t.Fatalf("%s: the refused restore changed the database", c.What)
		}
	}
	if kept, _ := filepath.Glob(db + ".replaced-*"); len(kept) != 0 {
		t.Errorf("a refused restore kept the database as %v", kept)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", genuine); code != ExitOK {
		t.Errorf("the genuine backup: exit %d, %s", code, stderr)
	}
}
