package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

const budgetSample = "../xlsximport/testdata/budget_long_title_rows.xlsx"

// dbState is every row of the tables a budget import, the cycle or an
// adjustment could touch, as text: equal before and after a refusal.
func dbState(t *testing.T, db string) string {
	t.Helper()
	return sqlfixture.Rows(t, db, "budgets", "budget_lines", "budget_line_months", "budget_adjustments", "prep_cycles",
		"prep_departments", "departments", "import_batches", "audit_log", "bonus_runs")
}

// refused runs args expecting exit 1 with every wanted text on stderr and
// the database exactly as it was.
func refused(t *testing.T, db string, args []string, want ...string) {
	t.Helper()
	before := dbState(t, db)
	code, _, stderr := run(t, append([]string{"--db", db}, args...)...)
	if code != ExitRefused {
		t.Errorf("%v: exit %d, want 1: %s", args, code, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%v: %q not in %s", args, w, stderr)
		}
	}
	rawSQL(t, stderr)
	if dbState(t, db) != before {
		t.Errorf("%v: the refusal changed the database", args)
	}
}

// A budget cannot be imported into a year whose preparation is running:
// the cycle's 27 drafts and an imported "approved v1" would contradict.
func TestImportIntoYearWithOpenCycleIsRefused(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Budgets.OpenCycle(context.Background(), domain.LocalUser, 2027); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	for _, replace := range [][]string{nil, {"--replace"}} {
		args := append([]string{"--lang", "en", "import", "budget", "--year", "2027", "--create-missing"}, replace...)
		refused(t, db, append(args, budgetSample), "2027 budget preparation is in progress", "finish the preparation", "or cancel it", "budgetperf budget cancel", "Nothing was imported")
		args[1] = "zh"
		refused(t, db, append(args, budgetSample), "2027年预算编制正在进行中", "完成编制", "取消本年度编制", "budget cancel")
	}
	refused(t, db, []string{"--lang", "en", "import", "budget", "--dry-run", "--year", "2027", "--create-missing", budgetSample}, "in progress")
}

// The committee's approved budget is changed by an adjustment the
// committee approves, never by the budget office's import.
func TestImportReplaceOverApprovedBudgetIsRefused(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	refused(t, db, []string{"--lang", "en", "import", "budget", "--year", "2026", "--create-missing", "--replace", budgetSample},
		"carries the budget committee's approval", "budget adjustment", "Nothing was imported")
	refused(t, db, []string{"--lang", "zh", "import", "budget", "--year", "2026", "--create-missing", "--replace", budgetSample},
		"预算管理委员会批准", "预算调整")
}

// A year whose bonus allocation is approved and locked keeps its budget.
func TestImportReplaceInBonusLockedYearIsRefused(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	mustRun(t, "--db", db, "bonus", "save", "--year", "2026", "--pool", "10000000", "--welfare-weight", "0.3")
	f := excelize.NewFile()
	for i, r := range [][]any{{"科室", "姓名", "岗位系数", "出勤天数"}, {"妇女保健科", "张敏", 1.5, 22}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	staff := filepath.Join(t.TempDir(), "staff.xlsx")
	if err := f.SaveAs(staff); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "import", "staff", "--year", "2026", staff)
	mustRun(t, "--db", db, "bonus", "approve", "--year", "2026")
	refused(t, db, []string{"--lang", "en", "import", "budget", "--year", "2026", "--create-missing", "--replace", budgetSample},
		"2026 bonus allocation was approved", "locked", "Nothing was imported")
	refused(t, db, []string{"--lang", "zh", "import", "budget", "--year", "2026", "--create-missing", "--replace", budgetSample},
		"绩效奖金分配已于", "锁定")
}

// budget show gives revenue, expenditure and their balance, never their
// sum, and warns of the demo's deficit.
func TestBudgetShowBalanceAndDeficit(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	code, stdout, stderr := run(t, "--db", db, "--lang", "zh", "budget", "show", "--year", "2026")
	if code != ExitOK || !strings.Contains(stdout, "收入合计") || !strings.Contains(stdout, "支出合计") || !strings.Contains(stdout, "收支差额") {
		t.Errorf("exit %d: %s", code, stdout)
	}
	if !strings.Contains(stderr, "收不抵支") || !strings.Contains(stderr, "预算调整") {
		t.Errorf("no deficit warning: %q", stderr)
	}
	_, stdout, _ = run(t, "--db", db, "budget", "show", "--year", "2026", "--json")
	if !strings.Contains(stdout, `"balance_fen": -`) || !strings.Contains(stdout, `"deficit": true`) || strings.Contains(stdout, "total_fen") {
		t.Errorf("JSON: %.300s", stdout)
	}
}
