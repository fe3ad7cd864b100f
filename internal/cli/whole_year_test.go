package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// yearRun runs one command of the whole year and decodes its JSON.
type yearRun struct {
	t    *testing.T
	db   string
	seen *[]string // every JSON printed, in order, times blanked
}

func (y yearRun) ok(args ...string) string {
	y.t.Helper()
	code, stdout, stderr := run(y.t, append([]string{"--db", y.db, "--lang", "zh"}, args...)...)
	if code != ExitOK {
		y.t.Fatalf("%v: exit %d\n%s", args, code, stderr)
	}
	return stdout
}

func (y yearRun) json(v any, args ...string) {
	y.t.Helper()
	out := y.ok(append(args, "--json")...)
	if y.seen != nil {
		*y.seen = append(*y.seen, strings.Join(args, " ")+"\n"+stampRE.ReplaceAllString(out, "<time>"))
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		y.t.Fatalf("%v: not JSON: %v\n%s", args, err, out)
	}
}

// cycleDone decodes a cycle step and fails on any refusal.
func (y yearRun) step(args ...string) cycleOutJSON {
	y.t.Helper()
	var out cycleOutJSON
	y.json(&out, args...)
	if len(out.Refused) > 0 {
		y.t.Fatalf("%v refused %+v", args, out.Refused)
	}
	return out
}

// The whole year from the command line alone (issue 21, deliverable 6):
// on the demo hospital's base (2025 and 2026 closed or running, nothing of
// 2027), the 2027 budget is prepared through the two ups and two downs,
// adjusted, split into months, spent (a ledger imported), monitored,
// evaluated and finalised, the bonus computed, saved and approved, the
// reports written; and every total the JSON prints equals what the
// services the window calls return for the same database.
//
// It runs on each engine (issue 22): the JSON of every step is the same on
// SQLite and on PostgreSQL, but for the times things were done.
func TestWholeYearFromTheCommandLine(t *testing.T) {
	seen := map[string][]string{}
	enginetest.Each(t, func(t *testing.T, e enginetest.Engine) {
		db := e.Target(t)
		if code, _, stderr := run(t, "--db", db, "init"); code != ExitOK {
			t.Fatalf("init: %d %s", code, stderr)
		}
		var out []string
		wholeYear(t, yearRun{t, db, &out})
		seen[e.Name] = out
	})
	if pg, ok := seen["postgres"]; ok {
		lite := seen["sqlite"]
		for i := range min(len(lite), len(pg)) {
			if lite[i] != pg[i] {
				t.Fatalf("step %d differs between the engines:\nSQLite:     %.600s\nPostgreSQL: %.600s", i, lite[i], pg[i])
			}
		}
		if len(lite) != len(pg) {
			t.Fatalf("%d steps on SQLite, %d on PostgreSQL", len(lite), len(pg))
		}
	}
}

// stampRE matches the times a step prints (when it was approved, saved…).
var stampRE = regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)?`)

func wholeYear(t *testing.T, y yearRun) {
	db := y.db
	baseDemo(t, db)
	dir := t.TempDir()

	var start struct{ Departments int }
	y.json(&start, "budget", "cycle", "start", "--year", "2027")
	fill := y.step("budget", "proposal", "fill", "--year", "2027", "--all", "--growth", "3%")
	if start.Departments == 0 || len(fill.Done) != start.Departments {
		t.Fatalf("opened %d departments, filled %d", start.Departments, len(fill.Done))
	}
	// The proposals are then set from the 2026 budget as a workbook.
	wholeYearFromWorkbook(t, y, dir)
	// A department with nothing from the prior year gets a line by hand.
	for _, d := range fill.Done {
		var p proposalJSON
		y.json(&p, "budget", "proposal", "--year", "2027", "--department", d.Code)
		var total int64
		for _, l := range p.Lines {
			total += l.FinalFen
		}
		if total == 0 {
			y.ok("budget", "proposal", "set", "--year", "2027", "--department", d.Code, "--subject", "30201", "--amount", "12000.50",
				"--line", "30205=800")
		}
	}
	submitted := y.step("budget", "cycle", "submit", "--year", "2027", "--all")
	if len(submitted.Done) != start.Departments {
		t.Fatalf("submitted %d of %d", len(submitted.Done), start.Departments)
	}
	// The budget office returns one with a comment; it is submitted again.
	back := submitted.Done[0].Code
	y.step("budget", "cycle", "return", "--year", "2027", "--department", back, "--comment", "请压缩办公费")
	y.step("budget", "cycle", "submit", "--year", "2027", "--department", back)
	// A step out of order is refused by name, and exits 1.
	if code, _, stderr := run(t, "--db", db, "--lang", "zh", "budget", "cycle", "approve", "--year", "2027", "--department", back); code != ExitRefused || stderr == "" {
		t.Fatalf("approve before control figures: exit %d %q", code, stderr)
	}
	controls := y.step("budget", "cycle", "control", "--year", "2027", "--all", "--comment", "按上报数下达")
	y.step("budget", "cycle", "revise", "--year", "2027", "--all")
	sameAsConsolidation(t, y, controls)
	approved := y.step("budget", "cycle", "approve", "--year", "2027", "--all", "--hospital")
	if approved.Hospital == nil || !approved.Hospital.Approved || len(approved.Done) != start.Departments {
		t.Fatalf("approve: %+v", approved)
	}

	var budget budgetJSON
	y.json(&budget, "budget", "show", "--year", "2027")
	var controlSum int64
	for _, c := range controls.Done {
		controlSum += *c.ControlTotalFen
	}
	if budget.ExpenditureFen != controlSum {
		t.Errorf("approved expenditure %d, control totals %d (issued as submitted)", budget.ExpenditureFen, controlSum)
	}
	y.ok("budget", "split", "--year", "2027", "--method", "prior")
	adjustYear(t, y, budget)
	wholeYearActuals(t, y, dir, budget)
	wholeYearEvaluation(t, y)
	pool := wholeYearBonus(t, y, dir)
	for _, kind := range []string{"budget", "execution", "evaluation", "bonus"} {
		out := filepath.Join(dir, kind+".pdf")
		y.ok("report", kind, "--year", "2027", "-o", out)
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("report %s: %v", kind, err)
		}
	}
	sameAsServices(t, y, pool)
}

// adjustYear raises one line by a request the committee approves.
func adjustYear(t *testing.T, y yearRun, budget budgetJSON) {
	t.Helper()
	var line lineJSON
	var dept string
	for _, d := range budget.Departments {
		for _, l := range d.Lines {
			if l.Kind != "revenue" && l.AmountFen > 0 && dept == "" {
				dept, line = d.Code, l
			}
		}
	}
	newAmount := money.Amount(line.AmountFen + 1_000_000)
	var req adjustJSON
	y.json(&req, "budget", "adjust", "request", "--year", "2027", "--line", dept+"/"+line.SubjectCode+"="+money.FormatPlain(newAmount),
		"--category", "new_task", "--reason", "新增设备维护")
	var dec adjustJSON
	y.json(&dec, "budget", "adjust", "approve", "--id", strconv.FormatInt(req.ID, 10), "--comment", "同意")
	var after budgetJSON
	y.json(&after, "budget", "show", "--year", "2027")
	if dec.State != "approved" || after.ExpenditureFen != budget.ExpenditureFen+1_000_000 {
		t.Errorf("adjustment %s: expenditure %d → %d", dec.State, budget.ExpenditureFen, after.ExpenditureFen)
	}
}

// wholeYearActuals imports a ledger of the year and monitors it.
func wholeYearActuals(t *testing.T, y yearRun, dir string, budget budgetJSON) {
	t.Helper()
	ledger := filepath.Join(dir, "ledger-2027.csv")
	writeYearLedger(t, ledger, budget)
	y.ok("import", "actuals", "--year", "2027", ledger)
	var m monitorJSON
	y.json(&m, "monitor", "--year", "2027")
	if m.Month != 12 || m.Total.ActualFen <= 0 {
		t.Errorf("monitor: month %d, actual %d", m.Month, m.Total.ActualFen)
	}
}

// wholeYearEvaluation starts the evaluation, enters every indicator of two
// departments (each with a reason) and finalises them.
func wholeYearEvaluation(t *testing.T, y yearRun) {
	t.Helper()
	y.ok("evaluate", "start", "--year", "2027")
	var depts struct {
		Departments []struct{ Code, Type string }
	}
	y.json(&depts, "departments", "list")
	types := map[string]string{}
	for _, d := range depts.Departments {
		types[d.Code] = d.Type
	}
	for _, unit := range []string{"101", "103"} {
		var lib struct {
			Indicators []libIndicatorJSON `json:"indicators"`
		}
		y.json(&lib, "indicators", "list", "dept-"+types[unit])
		if len(lib.Indicators) == 0 {
			t.Fatalf("scheme dept-%s has no indicators", types[unit])
		}
		for _, in := range lib.Indicators {
			actual := "90"
			switch scoring.Rule(in.Rule) {
			case scoring.Qualitative:
				actual = "达成"
			case scoring.Deduction:
				actual = "0"
			}
			y.ok("evaluate", "values", "--year", "2027", "--unit", unit, "--indicator", in.Code, "--actual", actual,
				"--reason", "偏差原因：年中人员变动；措施：加强考核")
		}
	}
	var v valuesJSON
	y.json(&v, "evaluate", "values", "--year", "2027", "--unit", "101", "--indicator", "1.1.1", "--actual", "0.3", "--reason", "原因：无；措施：保持")
	if v.Status != "scored" || v.Score == nil || *v.Score <= 0 {
		t.Errorf("evaluate values --json: %+v", v)
	}
	fin := y.step("evaluate", "finalise", "--year", "2027", "--all")
	if len(fin.Done) != 2 {
		t.Errorf("finalised %+v", fin.Done)
	}
}

// wholeYearBonus computes the bonus on half the approved 绩效工资 budget,
// saves and approves it and writes the pay sheet.
func wholeYearBonus(t *testing.T, y yearRun, dir string) money.Amount {
	t.Helper()
	// The pool the rules allow now: the approved 绩效工资 less what the
	// year's ledger already paid (bonus --json states it).
	var probe struct {
		Cap capJSON `json:"cap"`
	}
	y.json(&probe, "bonus", "--year", "2027", "--pool", "1")
	cap := probe.Cap.AvailableFen
	if probe.Cap.ApprovedFen == 0 || cap <= 0 {
		t.Fatalf("the approved 2027 budget leaves no 绩效工资 (30107) for a bonus pool: %+v", probe.Cap)
	}
	pool := money.FormatPlain(money.Amount(cap / 2))
	y.ok("bonus", "save", "--year", "2027", "--pool", pool)
	y.ok("bonus", "approve", "--year", "2027")
	y.ok("bonus", "export", "--year", "2027", "-o", filepath.Join(dir, "pay.xlsx"))
	return money.Amount(cap / 2)
}

// sameAsServices compares the JSON totals with the services the window
// calls (批复预算, 执行监测, 绩效评价, 绩效奖金) on the same database.
func sameAsServices(t *testing.T, y yearRun, pool money.Amount) {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, y.db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	by := domain.LocalUser

	var budget budgetJSON
	y.json(&budget, "budget", "show", "--year", "2027")
	v, err := svc.Budgets.Show(ctx, by, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if budget.RevenueFen != v.Revenue.Fen() || budget.ExpenditureFen != v.Expenditure.Fen() || budget.BalanceFen != v.Balance().Fen() {
		t.Errorf("budget show %d/%d/%d, service %d/%d/%d", budget.RevenueFen, budget.ExpenditureFen, budget.BalanceFen, v.Revenue, v.Expenditure, v.Balance())
	}

	var act actualsJSON
	y.json(&act, "actuals", "show", "--year", "2027")
	av, err := svc.Execution.Actuals(ctx, by, 2027, 0)
	if err != nil {
		t.Fatal(err)
	}
	if act.RevenueFen != av.Revenue.Fen() || act.ExpenditureFen != av.Expenditure.Fen() {
		t.Errorf("actuals show %d/%d, service %d/%d", act.RevenueFen, act.ExpenditureFen, av.Revenue, av.Expenditure)
	}

	var m monitorJSON
	y.json(&m, "monitor", "--year", "2027")
	ex, err := svc.Execution.Execution(ctx, by, 2027, 0)
	if err != nil {
		t.Fatal(err)
	}
	tot := ex.Total.Expenditure
	if m.Total.BudgetFen != tot.Budget.Fen() || m.Total.PlanToDateFen != tot.PlanToDate.Fen() || m.Total.ActualFen != tot.Actual.Fen() ||
		m.Total.Revenue.ActualFen != ex.Total.Revenue.Actual.Fen() || len(m.Departments) != len(ex.Departments) {
		t.Errorf("monitor total %+v, service %+v", m.Total, tot)
	}
	if m.Total.BudgetFen != budget.ExpenditureFen {
		t.Errorf("monitor budget %d, approved expenditure %d", m.Total.BudgetFen, budget.ExpenditureFen)
	}

	var ev evaluateJSON
	y.json(&ev, "evaluate", "--year", "2027")
	runs, err := svc.Evaluation.Results(ctx, by, 2027)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]float64{}
	for _, r := range runs {
		if r.Scored() {
			scores[r.Unit.Ref] = scoring.Round2(evaluation.Percent(r))
		}
	}
	scored := 0
	for _, u := range ev.Units {
		if u.Score != nil {
			scored++
			if *u.Score != scores[u.Code] || !u.Finalised {
				t.Errorf("evaluate %s: %v (final %v), service %v", u.Code, *u.Score, u.Finalised, scores[u.Code])
			}
		}
	}
	if scored != len(scores) || scored != 2 {
		t.Errorf("%d units scored in the JSON, %d by the service", scored, len(scores))
	}

	var bonus bonusJSON
	y.json(&bonus, "bonus", "--year", "2027", "--pool", money.FormatPlain(pool))
	res, err := svc.Bonus.Compute(ctx, by, 2027, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{}
	var sum int64
	for _, d := range res.Departments {
		want[d.Code] = d.Bonus.Fen()
	}
	for _, d := range bonus.Departments {
		sum += d.BonusFen
		if d.BonusFen != want[d.Code] {
			t.Errorf("bonus %s: %d, service %d", d.Code, d.BonusFen, want[d.Code])
		}
	}
	if sum != pool.Fen() || bonus.PoolFen != res.Pool.Fen() {
		t.Errorf("bonus shares add up to %d of a pool of %d (service %d)", sum, bonus.PoolFen, res.Pool)
	}
}

// writeYearLedger writes the year's spending as a ledger export: for up to
// three expenditure lines of every department, a voucher a month of 9/10
// of the line's monthly budget.
func writeYearLedger(t *testing.T, path string, budget budgetJSON) {
	t.Helper()
	var b strings.Builder
	b.WriteString("日期,凭证号,摘要,科室,科目编码,科目名称,借方金额,贷方金额\n")
	n := 0
	for _, d := range budget.Departments {
		lines := 0
		for _, l := range d.Lines {
			if l.Kind == "revenue" || l.AmountFen <= 0 || lines == 3 {
				continue
			}
			lines++
			for m := 1; m <= 12; m++ {
				n++
				fmt.Fprintf(&b, "2027-%02d-15,记-%06d,报销%s,%s,%s,%s,%s,\n", m, n, l.SubjectName, d.Name, l.SubjectCode, l.SubjectName,
					yuanText(l.AmountFen*9/10/12))
			}
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// yuanText is fen as plain yuan with two decimals, no grouping (a CSV cell).
func yuanText(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

// wholeYearFromWorkbook sets the 2027 proposals from the 2026 budget
// exported as a workbook, and checks one line came through.
func wholeYearFromWorkbook(t *testing.T, y yearRun, dir string) {
	t.Helper()
	book := filepath.Join(dir, "budget-2026.xlsx")
	y.ok("export", "budget", "--year", "2026", "-o", book)
	y.ok("budget", "proposal", "set", "--year", "2027", "--file", book)
	var prior budgetJSON
	y.json(&prior, "budget", "show", "--year", "2026")
	d := prior.Departments[len(prior.Departments)-1]
	var p proposalJSON
	y.json(&p, "budget", "proposal", "--year", "2027", "--department", d.Code)
	got := map[string]int64{}
	for _, l := range p.Lines {
		got[l.SubjectCode] = l.ProposalFen
	}
	for _, l := range d.Lines {
		if got[l.SubjectCode] != l.AmountFen {
			t.Errorf("%s %s: proposal %d, 2026 budget %d", d.Code, l.SubjectCode, got[l.SubjectCode], l.AmountFen)
		}
	}
}

// sameAsConsolidation compares the revised proposals as budget proposal
// --json prints them with 汇总审核 (budgeting.Consolidation): each
// department's final expenditure and control figure, and the total.
func sameAsConsolidation(t *testing.T, y yearRun, controls cycleOutJSON) {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, y.db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	c, err := svc.Budgets.Consolidation(ctx, domain.LocalUser, 2027)
	if err != nil {
		t.Fatal(err)
	}
	control := map[string]int64{}
	for _, d := range controls.Done {
		control[d.Code] = *d.ControlTotalFen
	}
	var total int64
	for _, d := range c.Departments {
		var p proposalJSON
		y.json(&p, "budget", "proposal", "--year", "2027", "--department", d.DeptCode)
		exp := p.ProjectsFen
		for _, l := range p.Lines {
			if l.Kind != "revenue" {
				exp += l.FinalFen
			}
		}
		total += exp
		if exp != d.ExpFinal.Fen() || d.Control == nil || d.Control.Fen() != control[d.DeptCode] || p.State != string(d.State) {
			t.Errorf("%s: proposal %d (%s), 汇总审核 %d (%s), control %v vs %d", d.DeptCode, exp, p.State, d.ExpFinal, d.State, d.Control, control[d.DeptCode])
		}
	}
	if total != c.Total.ExpFinal.Fen() {
		t.Errorf("proposals add up to %d, 汇总审核 total %d", total, c.Total.ExpFinal)
	}
}
