package ui

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/budgetperf/budgetperf/internal/cli"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The dashboard's figures are the ones the command line reports for the
// same database: the budget of `budget show` and the spending of `actuals show`.
func TestDashboardAgreesWithTheCommandLine(t *testing.T) {
	path := demoDB(t, 2026)
	cliJSON := func(args ...string) map[string]any {
		var out, errOut bytes.Buffer
		if code := cli.Run(append([]string{"--db", path}, args...), &out, &errOut, nil); code != cli.ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		m := map[string]any{}
		if err := json.Unmarshal(out.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	budget := cliJSON("budget", "show", "--year", "2026", "--json")
	actuals := cliJSON("actuals", "show", "--year", "2026", "--month", "9", "--json")
	s, _ := startApp(t, path, "zh")
	fen := func(m map[string]any, k string) money.Amount { return money.Amount(int64(m[k].(float64))) }
	d := s.dashboard
	if got, want := d.budget.Value(), kit.Wan(fen(budget, "expenditure_fen")); got != want {
		t.Errorf("budget card %s, CLI budget show %s", got, want)
	}
	if got, want := d.actual.Value(), kit.Wan(fen(actuals, "expenditure_fen")); got != want {
		t.Errorf("spent card %s, CLI actuals show %s", got, want)
	}
	if d.ex.Total.Expenditure.Budget != fen(budget, "expenditure_fen") || d.ex.Total.Revenue.Actual != fen(actuals, "revenue_fen") {
		t.Errorf("dashboard %+v disagrees with the CLI to the fen", d.ex.Total)
	}
}
