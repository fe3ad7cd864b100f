package report

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// rawText is the text of a PDF in content order, a table row to a line.
func rawText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// Every table of the budget report lists what either year budgets, so
// that its current-year and prior-year columns add up to the totals
// Budgets.Show gives for each year (a subject budgeted only the year
// before, as 31006 大型修缮 in the demo, shows 0 this year).
func TestBudgetTablesAddUpToShowForBothYears(t *testing.T) {
	useLang(t, "zh")
	svc := demo(t)
	now, err := svc.Budgets.Show(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	prior, err := svc.Budgets.Show(ctx, domain.LocalUser, 2025)
	if err != nil {
		t.Fatal(err)
	}
	both := bothYears(now.Breakdown, prior.Breakdown)
	var rev, exp, prev, pexp money.Amount
	for _, d := range both {
		rev, exp, prev, pexp = rev+d.rev, exp+d.exp, prev+d.priorRev, pexp+d.priorExp
		var lr, le, lpr, lpe money.Amount
		for _, l := range d.lines {
			if l.kind == domain.Revenue {
				lr, lpr = lr+l.now, lpr+l.prior
			} else {
				le, lpe = le+l.now, lpe+l.prior
			}
		}
		if lr != d.rev || le != d.exp || lpr != d.priorRev || lpe != d.priorExp {
			t.Errorf("department %s: lines %d/%d, %d/%d; totals %d/%d, %d/%d", d.code, lr, le, lpr, lpe, d.rev, d.exp, d.priorRev, d.priorExp)
		}
	}
	if rev != now.Revenue || exp != now.Expenditure || prev != prior.Revenue || pexp != prior.Expenditure {
		t.Errorf("departments add up to %d/%d and %d/%d; Show gives %d/%d and %d/%d", rev, exp, prev, pexp, now.Revenue, now.Expenditure, prior.Revenue, prior.Expenditure)
	}
	var srev, sexp, sprev, spexp money.Amount
	for _, l := range subjectsOf(both) {
		if l.kind == domain.Revenue {
			srev, sprev = srev+l.now, sprev+l.prior
		} else {
			sexp, spexp = sexp+l.now, spexp+l.prior
		}
	}
	if srev != now.Revenue || sexp != now.Expenditure || sprev != prior.Revenue || spexp != prior.Expenditure {
		t.Errorf("subjects add up to %d/%d and %d/%d; Show gives %d/%d and %d/%d", srev, sexp, sprev, spexp, now.Revenue, now.Expenditure, prior.Revenue, prior.Expenditure)
	}

	// The printed tables carry the same totals.
	wan := money.TenThousand
	path := generate(t, Request{Kind: Budget, Year: 2026, Unit: &wan})
	text := rawText(t, path)
	w := func(a money.Amount) string { return money.FormatIn(a, money.TenThousand, 2) }
	contains(t, "table 1", text, "合计 "+w(now.Revenue)+" "+w(prior.Revenue)+" "+w(now.Expenditure)+" "+w(prior.Expenditure))
	contains(t, "table 2", text,
		i18n.T("report.subtotal", "Kind", i18n.T("kind.revenue"))+" "+w(now.Revenue)+" "+w(prior.Revenue),
		i18n.T("report.subtotal", "Kind", i18n.T("kind.expenditure"))+" "+w(now.Expenditure)+" "+w(prior.Expenditure),
		"收支差额 "+w(now.Balance())+" "+w(prior.Balance()),
		"31006 大型修缮 支出 0.00")
	if strings.Contains(squeeze(text), squeeze("支出小计 "+w(now.Expenditure)+" 37,549.91")) {
		t.Error("table 2 still leaves out the subjects budgeted only the year before")
	}
}

// The deficit is a framed warning under the balance, in the report's unit.
func TestBudgetDeficitWarningInReportUnit(t *testing.T) {
	useLang(t, "zh")
	v, err := demo(t).Budgets.Show(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	wan := money.TenThousand
	text := rawText(t, generate(t, Request{Kind: Budget, Year: 2026, Unit: &wan}))
	warning := i18n.Message(v.DeficitWarningIn(money.TenThousand))
	contains(t, "budget", text, warning, "赤字 "+money.FormatIn(-v.Balance(), money.TenThousand, 2)+" 万元")
	s := squeeze(text)
	bal, at := strings.Index(s, squeeze("收支差额")), strings.Index(s, squeeze(warning))
	if bal < 0 || at < bal || at > strings.Index(s, squeeze("编列预算科室数")) {
		t.Errorf("the warning is not right under the balance (balance at %d, warning at %d)", bal, at)
	}
}
