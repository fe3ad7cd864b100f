package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// The acceptance: import a budget and a ledger, then monitor
// --json matches a hand computation from the two files.
func TestMonitorMatchesAHandComputation(t *testing.T) {
	db := tempDB(t)
	samples := filepath.Join("..", "xlsximport", "testdata")
	for _, args := range [][]string{
		{"import", "budget", "--year", "2025", "--create-missing", filepath.Join(samples, "budget_long_title_rows.xlsx")},
		{"import", "actuals", "--year", "2025", "--create-missing", filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx")},
	} {
		if code, _, stderr := run(t, append([]string{"--db", db}, args...)...); code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	var expected map[string]json.RawMessage
	readJSON(t, filepath.Join(samples, "expected.json"), &expected)
	var budgets, actuals map[string]int64
	_ = json.Unmarshal(expected["budget_long_title_rows.xlsx"], &budgets)
	_ = json.Unmarshal(expected["actuals_ledger_2025_jan_sep.xlsx"], &actuals)

	// The budget's lines, to split each evenly by hand: an imported budget
	// has no monthly distribution, so each line's plan is amount ÷ 12 a
	// month, the remainder fen going to the first months.
	code, stdout, stderr := run(t, "--db", db, "budget", "show", "--year", "2025", "--json")
	if code != ExitOK {
		t.Fatal(stderr)
	}
	var shown struct {
		Departments []struct {
			Name  string
			Lines []struct {
				AmountFen int64 `json:"amount_fen"`
			}
		}
	}
	_ = json.Unmarshal([]byte(stdout), &shown)
	plan := map[string]int64{}
	for _, d := range shown.Departments {
		for _, l := range d.Lines {
			q, r := l.AmountFen/12, l.AmountFen%12
			plan[d.Name] += 9*q + min(r, 9)
		}
	}

	code, stdout, stderr = run(t, "--db", db, "monitor", "--year", "2025", "--month", "9", "--json")
	if code != ExitOK {
		t.Fatalf("monitor: exit %d %s", code, stderr)
	}
	var got monitorJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if got.Year != 2025 || got.Month != 9 || got.TimeProgress != 0.75 {
		t.Errorf("year %d month %d time progress %v", got.Year, got.Month, got.TimeProgress)
	}
	var budgetSum, actualSum int64
	for _, d := range got.Departments {
		b, a := budgets[d.Name], actuals[d.Name]
		budgetSum += b
		actualSum += a
		if d.BudgetFen != b || d.ActualFen != a || d.PlanToDateFen != plan[d.Name] {
			t.Errorf("%s: budget %d actual %d plan %d; by hand %d %d %d", d.Name, d.BudgetFen, d.ActualFen, d.PlanToDateFen, b, a, plan[d.Name])
		}
		rate := math.Round(float64(a)/float64(b)*10000) / 10000
		dev := math.Round(float64(a-plan[d.Name])/float64(plan[d.Name])*10000) / 10000
		if d.ExecutionRate != rate || d.DeviationRate != dev {
			t.Errorf("%s: rates %v %v; by hand %v %v", d.Name, d.ExecutionRate, d.DeviationRate, rate, dev)
		}
		wantStatus, wantLevel := "overspent", "red"
		switch {
		case math.Abs(dev) <= 0.05:
			wantStatus, wantLevel = "normal", "green"
		case math.Abs(dev) <= 0.10:
			wantStatus, wantLevel = "watch", "amber"
		case dev < 0:
			wantStatus = "lagging"
		}
		if d.Status != wantStatus || d.Level != wantLevel {
			t.Errorf("%s: status %s %s, deviation %v wants %s %s", d.Name, d.Status, d.Level, dev, wantStatus, wantLevel)
		}
	}
	if len(got.Departments) != len(budgets) || got.Total.BudgetFen != budgetSum || got.Total.ActualFen != actualSum {
		t.Errorf("%d departments, total %d/%d; by hand %d departments %d/%d", len(got.Departments), got.Total.BudgetFen, got.Total.ActualFen, len(budgets), budgetSum, actualSum)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}
