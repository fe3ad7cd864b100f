package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
)

// budget cancel: the way out that the import refusal names. It needs a
// reason, leaves an approved year alone, and once it has run the year
// takes an import.
func TestBudgetCancel(t *testing.T) {
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
	refused(t, db, []string{"--lang", "en", "budget", "cancel", "--year", "2027"}, "Give the reason for cancelling the 2027 budget preparation")
	refused(t, db, []string{"--lang", "zh", "budget", "cancel", "--year", "2027", "--reason", "  "}, "请填写取消2027年预算编制的原因")
	refused(t, db, []string{"--lang", "en", "budget", "cancel", "--year", "2026", "--reason", "redo"},
		"2026 budget is already approved by the budget committee", "budget adjustment")
	refused(t, db, []string{"--lang", "zh", "budget", "cancel", "--year", "2026", "--reason", "重新编制"}, "已由预算管理委员会批准", "预算调整")
	refused(t, db, []string{"--lang", "zh", "budget", "cancel", "--year", "2028", "--reason", "重新编制"}, "2028年预算编制尚未启动")

	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "budget", "cancel", "--year", "2027", "--reason", "口径调整，重新编制")
	if code != ExitOK || !strings.Contains(stdout, "Cancelled the 2027 budget preparation") || !strings.Contains(stdout, "removed 28 departments") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	_, stdout, _ = run(t, "--db", db, "audit", "list", "--entity", "prep_cycle", "--key", "2027")
	if !strings.Contains(stdout, "cancelled") || !strings.Contains(stdout, "口径调整，重新编制") {
		t.Errorf("no trail of the cancellation: %s", stdout)
	}
	if code, _, stderr := run(t, "--db", db, "budget", "status", "--year", "2027"); code != ExitRefused {
		t.Errorf("status after the cancellation: exit %d %s", code, stderr)
	}
	mustRun(t, "--db", db, "import", "budget", "--year", "2027", "--create-missing", budgetSample)

	code, stdout, _ = run(t, "--db", db, "--lang", "zh", "budget", "cancel", "--help")
	if code != ExitOK || !strings.Contains(stdout, "--reason") || !strings.Contains(stdout, "审计日志") {
		t.Errorf("help: exit %d %s", code, stdout)
	}
}
