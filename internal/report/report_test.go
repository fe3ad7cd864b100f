package report

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

var ctx = context.Background()

// contains reports each wanted text missing from the extracted text.
// Spaces are left out of the comparison: pdftotext puts them where the
// glyphs' spacing suggests, not where the text had them.
func contains(t *testing.T, what, text string, want ...string) {
	t.Helper()
	text = squeeze(text)
	for _, w := range want {
		if !strings.Contains(text, squeeze(w)) {
			t.Errorf("%s: %q not found", what, w)
		}
	}
}

// pages is the page count pdfinfo reports.
func pages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// furniture checks what every page carries: page X of Y on each page.
func furniture(t *testing.T, path, text string) {
	t.Helper()
	n := pages(t, path)
	for _, p := range []int{1, n} {
		contains(t, path, text, "第 "+strconv.Itoa(p)+" 页 / 共 "+strconv.Itoa(n)+" 页")
	}
	contains(t, path, text, "滨江市妇幼保健院", "内部资料", "生成时间")
}

func TestBudgetReport(t *testing.T) {
	useLang(t, "zh")
	yuan := money.Yuan
	path := generate(t, Request{Kind: Budget, Year: 2026, Unit: &yuan})
	checkPDF(t, path)
	text := pdfText(t, path)
	furniture(t, path, text)
	v, err := demo(t).Budgets.Show(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "budget", text, "2026年度预算报告", "一、分科室收支预算", "二、分科目收支预算", "三、科室预算明细",
		"四、项目支出及绩效目标", "单位：元", "表1  2026年分科室收支预算表（续）",
		money.FormatPlain(v.Revenue), money.FormatPlain(v.Expenditure), money.FormatPlain(v.Balance()),
		"收入合计", "支出合计", "收支差额")
	// The demo runs a deficit: the report says so, with what to do, and
	// never adds revenue and expenditure together.
	if v.Balance() >= 0 {
		t.Fatal("the demo budget no longer runs a deficit")
	}
	contains(t, "budget", text, "收不抵支", "赤字"+money.FormatPlain(-v.Balance())+"元", i18n.Message(v.DeficitWarning()))
	if strings.Contains(squeeze(text), "收支合计") || strings.Contains(squeeze(text), squeeze(money.FormatPlain(v.Revenue+v.Expenditure))) {
		t.Error("the report still adds revenue and expenditure together")
	}
	for _, d := range v.Departments {
		contains(t, "budget", text, d.Name, money.FormatPlain(d.Expenditure))
	}
	ps, _ := demo(t).Budgets.Projects(ctx, domain.LocalUser, 2026, "")
	if len(ps) == 0 {
		t.Fatal("the demo has no projects")
	}
	for _, p := range ps {
		contains(t, "budget", text, p.Name)
	}
}

func TestExecutionReport(t *testing.T) {
	useLang(t, "zh")
	path := generate(t, Request{Kind: Execution, Year: 2026, Month: 9})
	checkPDF(t, path)
	text := pdfText(t, path)
	furniture(t, path, text)
	ex, err := demo(t).Execution.Execution(ctx, domain.LocalUser, 2026, 9)
	if err != nil {
		t.Fatal(err)
	}
	e := ex.Total.Expenditure
	wan := func(a money.Amount) string { return money.FormatIn(a, money.TenThousand, 2) }
	contains(t, "execution", text, "2026年9月预算执行报告", "一、总体情况", "序时进度 75.0%", "二、执行图表",
		"全院·累计支出：计划与实际", "三、科室执行情况", "四、预警科室及科目", "五、绩效目标运行监控（双监控）",
		wan(e.Budget), wan(e.PlanToDate), wan(e.Actual), i18n.Percent(e.ExecutionRate()))
	behind := 0
	for _, d := range ex.Departments {
		contains(t, "execution", text, d.Name)
		if d.Expenditure.Pace == "behind" {
			behind++
		}
	}
	contains(t, "execution", text, strconv.Itoa(behind)+"个科室执行进度慢于序时进度")
}

func TestEvaluationReport(t *testing.T) {
	useLang(t, "zh")
	path := generate(t, Request{Kind: Evaluation, Year: 2025})
	checkPDF(t, path)
	text := pdfText(t, path)
	furniture(t, path, text)
	runs, err := demo(t).Evaluation.Runs(ctx, domain.LocalUser, 2025)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "evaluation", text, "2025年度绩效评价报告", "一、全院汇总及排名", "表1  2025年绩效评价排名",
		"偏差原因分析及改进措施", "结果应用", "平衡计分卡", "签字确认", "预算管理委员会", "单元负责人")
	for i, r := range runs {
		// The score as `evaluate --json` gives it, as printed.
		s := strconv.FormatFloat(scoring.Round2(evaluation.Percent(r)), 'f', 2, 64)
		contains(t, "evaluation", text, r.Unit.Name, s, strconv.Itoa(i+1)+". "+r.Unit.Name+"（"+i18n.T("evaluation.kind."+string(r.Unit.Kind))+"）", "绩效自评表："+r.Unit.Name)
	}
}

func TestBonusReport(t *testing.T) {
	useLang(t, "zh")
	yuan := money.Yuan
	path := generate(t, Request{Kind: Bonus, Year: 2026, Unit: &yuan})
	checkPDF(t, path)
	text := pdfText(t, path)
	furniture(t, path, text)
	res, err := demo(t).Bonus.ForReport(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "bonus", text, "2026年度绩效奖金分配报告", "一、分配方案与权重", "公益性权重：15%", "二、绩效奖金分配结果",
		"三、公益性权重敏感性分析", "公益性权重变化对各科室奖金的影响·公共卫生科室", "四、合规性声明", "签字确认", money.FormatPlain(res.Pool))
	// The cap's figures, the floor and the weight used, and the ±5-point move.
	sh, _ := bonus.WelfareShift(res)
	contains(t, "bonus", text, money.FormatPlain(res.Limit.Approved), money.FormatPlain(res.Limit.Paid), "截至 9 月",
		"下限为 0%", "下调 5 个百分点", money.FormatPlain(sh.MovedUp))
	var sum money.Amount
	for _, d := range res.Departments {
		contains(t, "bonus", text, d.Name, money.FormatPlain(d.Bonus))
		sum += d.Bonus
	}
	if sum != res.Pool {
		t.Errorf("bonuses sum to %v, the pool is %v", sum, res.Pool)
	}
}

func TestEnglishReports(t *testing.T) {
	useLang(t, "en")
	text := pdfText(t, generate(t, Request{Kind: Budget, Year: 2026}))
	contains(t, "budget (en)", text, "Budget Report 2026", "1. Budget by department", "Page 1 of", "Unit: 10k yuan")
	v, _ := demo(t).Budgets.Show(ctx, domain.LocalUser, 2026)
	for _, d := range v.Departments {
		if d.NameEn != "" {
			contains(t, "budget (en)", text, d.NameEn)
		}
	}
	text = pdfText(t, generate(t, Request{Kind: Bonus, Year: 2026}))
	contains(t, "bonus (en)", text, "Performance Bonus Report 2026", "Public-welfare weight: 15%", "Compliance statement")
}

func TestAmountUnitSetting(t *testing.T) {
	svc := demo(t)
	t.Cleanup(func() { _ = SetAmountUnit(ctx, svc, domain.LocalUser, DefaultUnit) })
	if u, err := AmountUnit(ctx, svc, domain.LocalUser); err != nil || u != money.TenThousand {
		t.Fatalf("default unit %v, %v", u, err)
	}
	if err := SetAmountUnit(ctx, svc, domain.LocalUser, money.Yuan); err != nil {
		t.Fatal(err)
	}
	if u, _ := AmountUnit(ctx, svc, domain.LocalUser); u != money.Yuan {
		t.Fatalf("unit %v after choosing yuan", u)
	}
	if err := SetAmountUnit(ctx, svc, domain.LocalUser, money.Thousand); domain.AsProblems(err) == nil {
		t.Errorf("千元 accepted: %v", err)
	}
}

func TestRefusals(t *testing.T) {
	svc := demo(t)
	for _, req := range []Request{
		{Kind: "balance", Year: 2026},
		{Kind: Budget, Year: 2031},     // no budget
		{Kind: Execution, Year: 2031},  // no actuals
		{Kind: Evaluation, Year: 2026}, // no evaluation yet
		{Kind: Execution, Year: 2026, Month: 13},
	} {
		err := GenerateRequest(ctx, svc, domain.LocalUser, req, io.Discard, nil)
		if domain.AsProblems(err) == nil {
			t.Errorf("%+v: %v, want a problem for the user", req, err)
		}
	}
}

func TestCancelStops(t *testing.T) {
	svc := demo(t)
	c, cancel := context.WithCancel(ctx)
	calls := 0
	err := GenerateRequest(c, svc, domain.LocalUser, Request{Kind: Evaluation, Year: 2025}, io.Discard, func(done, total int) {
		calls++
		if done >= 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled report: %v", err)
	}
	if calls > 6 {
		t.Errorf("%d progress calls after cancelling", calls)
	}
}

// The subset tag replaces fpdf's font name in place: same length, or the
// cross-reference offsets would be wrong.
func TestSubsetNameKeepsOffsets(t *testing.T) {
	if len(fpdfFontName) != len(subsetName) {
		t.Fatalf("%q and %q differ in length", fpdfFontName, subsetName)
	}
}

func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// A cancelled report leaves neither the file nor a temporary one, and an
// earlier report at the same path stays as it was.
func TestWriteFileCancelledLeavesNothing(t *testing.T) {
	svc := demo(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(path, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, cancel := context.WithCancel(ctx)
	err := WriteFile(c, svc, domain.LocalUser, Request{Kind: Evaluation, Year: 2025}, path, func(done, total int) {
		if done >= 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	data, _ := os.ReadFile(path)
	if len(entries) != 1 || string(data) != "earlier" {
		t.Errorf("after cancelling: %v, %q", entries, data)
	}
}
