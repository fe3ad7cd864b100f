package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// An import names revenue and expenditure apart, per department and in
// all: the demo's 2026 budget, exported and read back into a new
// database, shows 382,308,900.00 of revenue and 404,875,900.00 of
// expenditure, never their sum.
func TestImportShowsRevenueAndExpenditureApart(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	book := filepath.Join(t.TempDir(), "b2026.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "budget", "--year", "2026", "-o", book); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	code, stdout, stderr := run(t, "--db", tempDB(t), "--lang", "zh", "import", "budget", "--year", "2026", "--create-missing", "--dry-run", book)
	if code != ExitOK {
		t.Fatalf("dry run: exit %d, %s", code, stderr)
	}
	for _, want := range []string{"收入（元）", "支出（元）", "382,308,900.00", "404,875,900.00"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the dry run does not show %q:\n%s", want, stdout)
		}
	}
	// Only the sheet's check of its amount column may state the column's
	// sum, and it says so.
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "787,184,800.00") && !strings.Contains(line, "核对") {
			t.Errorf("revenue and expenditure are added together: %s", line)
		}
	}
}

// Importing over the committee's approved budget, with or without
// --replace, is refused pointing to a budget adjustment: never advice to
// add --replace that would then be refused too.
func TestImportOverApprovedBudgetPointsToAdjustment(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	book := filepath.Join(t.TempDir(), "b2026.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "budget", "--year", "2026", "-o", book); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	for _, extra := range [][]string{nil, {"--replace"}} {
		args := append([]string{"--db", db, "--lang", "zh", "import", "budget", "--year", "2026"}, extra...)
		code, _, stderr := run(t, append(args, book)...)
		if code != ExitRefused || !strings.Contains(stderr, "预算调整") || strings.Contains(stderr, "--replace") {
			t.Errorf("%v: exit %d, %s", extra, code, stderr)
		}
	}
}
