package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// reportText extracts a PDF's text with spaces removed (pdftotext places
// them by glyph spacing), skipping when poppler is missing outside CI.
func reportText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed (poppler-utils)")
		}
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := run(t, args...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr)
	}
	return stdout
}

func wantIn(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
			t.Errorf("%s: %q not in the PDF", what, w)
		}
	}
}

// The totals printed equal the CLI's JSON for the same period.
func TestReportTotalsEqualTheJSON(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	mustRun(t, "--db", db, "--lang", "zh", "demo", "--year", "2026")
	yuan := func(fen int64) string { return money.FormatPlain(money.FromFen(fen)) }
	wan := func(fen int64) string { return money.FormatIn(money.FromFen(fen), money.TenThousand, 2) }

	var b budgetJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "budget", "show", "--year", "2026", "--json")), &b); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "budget.pdf")
	if out := mustRun(t, "--db", db, "--lang", "zh", "report", "budget", "--year", "2026", "--unit", "yuan", "-o", pdf); !strings.Contains(out, "已将2026年度预算报告写入 "+pdf) {
		t.Errorf("report says %q on success", out)
	}
	text := reportText(t, pdf)
	wantIn(t, "budget", text, yuan(b.BalanceFen), yuan(b.RevenueFen), yuan(b.ExpenditureFen))
	for _, d := range b.Departments {
		wantIn(t, "budget", text, d.Name, yuan(d.ExpenditureFen), yuan(d.RevenueFen))
	}

	var m monitorJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "monitor", "--year", "2026", "--month", "9", "--json")), &m); err != nil {
		t.Fatal(err)
	}
	pdf = filepath.Join(dir, "execution.pdf")
	mustRun(t, "--db", db, "--lang", "zh", "report", "execution", "--year", "2026", "--month", "9", "-o", pdf)
	text = reportText(t, pdf)
	wantIn(t, "execution", text, wan(m.Total.BudgetFen), wan(m.Total.PlanToDateFen), wan(m.Total.ActualFen),
		strconv.FormatFloat(m.Total.ExecutionRate*100, 'f', 1, 64)+"%")
	for _, d := range m.Departments {
		wantIn(t, "execution", text, d.Name, wan(d.ActualFen))
	}

	var e evaluateJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "evaluate", "--year", "2025", "--json")), &e); err != nil {
		t.Fatal(err)
	}
	pdf = filepath.Join(dir, "evaluation.pdf")
	mustRun(t, "--db", db, "--lang", "zh", "report", "evaluation", "--year", "2025", "-o", pdf)
	text = reportText(t, pdf)
	for i, u := range e.Units {
		wantIn(t, "evaluation", text, strconv.Itoa(i+1)+". "+u.Name, strconv.FormatFloat(*u.Score, 'f', 2, 64))
	}

	// The report prints all the reward performance pay available (approved
	// 30107 less its actuals through September) under the default weights;
	// the same pool through `bonus` gives the same split.
	pdf = filepath.Join(dir, "bonus.pdf")
	mustRun(t, "--db", db, "--lang", "zh", "report", "bonus", "--year", "2026", "--unit", "yuan", "-o", pdf)
	text = reportText(t, pdf)
	var cap int64
	for _, d := range b.Departments {
		for _, l := range d.Lines {
			if l.SubjectCode == "30107" {
				cap += l.AmountFen
			}
		}
	}
	cap -= demo30107(t, db, "actuals").Fen()
	var bo bonusJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "bonus", "--year", "2026", "--pool", money.FromFen(cap).String(), "--json")), &bo); err != nil {
		t.Fatal(err)
	}
	wantIn(t, "bonus", text, yuan(bo.PoolFen), "15%")
	for _, d := range bo.Departments {
		wantIn(t, "bonus", text, d.Name, yuan(d.BonusFen))
	}
}

func TestReportExitStatus(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	mustRun(t, "--db", db, "demo", "--year", "2026")
	out := filepath.Join(dir, "r.pdf")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"report", "balance", "--year", "2026", "-o", out}, ExitUsage},
		{[]string{"report", "--year", "2026", "-o", out}, ExitUsage},
		{[]string{"report", "budget", "-o", out}, ExitUsage},
		{[]string{"report", "budget", "--year", "2026"}, ExitUsage},
		{[]string{"report", "budget", "--year", "2026", "--unit", "千元", "-o", out}, ExitUsage},
		{[]string{"report", "budget", "--year", "2031", "-o", out}, ExitRefused},
		{[]string{"report", "evaluation", "--year", "2026", "-o", out}, ExitRefused},
		{[]string{"report", "budget", "--year", "2026", "-o", filepath.Join(dir, "missing", "r.pdf")}, ExitRefused},
	} {
		code, _, stderr := run(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s", c.args, code, c.code, stderr)
		}
	}
	// A refused report leaves no file, not even a temporary one.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	code, _, stderr := run(t, "--db", db, "report", "execution", "--year", "2026", "-o", out)
	if code != ExitOK {
		t.Fatalf("execution at the latest month: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") || !strings.Contains(string(data[len(data)-32:]), "%%EOF") {
		t.Errorf("not a whole PDF (%d bytes): %v", len(data), err)
	}
}
