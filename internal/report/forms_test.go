package report

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// evaluatedDemo is the demo with the 2026 evaluation started: the
// projects are scored on their targets as monitoring reports them. It has
// a database of its own, as it writes.
func evaluatedDemo(t *testing.T) *services.Services {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, filepath.Join(t.TempDir(), "forms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Demo.Load(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	// The departments report each target's September value as the year's
	// (December) result, which the evaluation takes from monitoring.
	progress, err := svc.Execution.ProjectProgress(ctx, domain.LocalUser, 2026, 9)
	if err != nil {
		t.Fatal(err)
	}
	err = svc.Store.InTx(ctx, func(tx *store.Tx) error {
		for _, p := range progress {
			for _, tp := range p.Targets {
				if tp.Actual == "" {
					continue
				}
				v := store.TargetValue{ProjectID: p.ID, Position: tp.Position, Month: 12, Value: tp.Actual}
				if err := tx.SaveTargetValue(ctx, domain.LocalUser, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Evaluation.StartYear(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	return svc
}

// Each form, as a PDF and as a workbook, holds the figures of the data it
// is made from; the self-evaluation's total is the evaluation's score.
func TestFormsHoldTheFigures(t *testing.T) {
	useLang(t, "zh")
	svc := evaluatedDemo(t)
	ctx, by := context.Background(), domain.LocalUser
	projects, err := svc.Budgets.Projects(ctx, by, 2026, "")
	if err != nil || len(projects) == 0 {
		t.Fatalf("projects: %v %v", len(projects), err)
	}
	p := projects[0]
	runs, err := svc.Evaluation.Runs(ctx, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var total string
	for _, r := range runs {
		if r.Unit.Kind == scoring.ProjectScheme && r.Unit.Name == p.Name {
			total = score(scoring.Round2(evaluation.Percent(r)))
		}
	}
	if total == "" {
		t.Fatal("the project has no evaluation")
	}
	wan := money.FormatIn(p.Amount, money.TenThousand, 2)
	dir := t.TempDir()
	for _, c := range []struct {
		kind  string
		month int
		want  []string
	}{
		{TargetDeclaration, 0, []string{"项目支出绩效目标申报表", p.Code, p.Name, wan, p.AnnualGoal, "审核意见"}},
		{SelfEvaluation, 0, []string{"项目支出绩效自评表", p.Code, "年初预算数", "全年执行数", wan, "偏差原因分析及改进措施", "总分100.00" + total}},
		{PerformanceMonitoring, 6, []string{"项目支出绩效运行监控表", "2026年6月末", "1–6月实际完成值", "全年预计完成", "纠偏措施", "50.00%"}},
		{OverallSelfEvaluation, 0, []string{"整体支出绩效自评表", "收入合计", "支出合计", "项目支出绩效自评结果", p.Code, "存在的问题"}},
	} {
		req := FormRequest{Kind: c.kind, Year: 2026, Month: c.month, Project: p.Code}
		pdf := filepath.Join(dir, FormFileName(req, ".pdf"))
		if err := WriteForm(ctx, svc, by, req, pdf, nil); err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		text := strings.Join(strings.Fields(rawText(t, pdf)), "")
		for _, w := range c.want {
			if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
				t.Errorf("%s: %q not in the PDF", c.kind, w)
			}
		}
		xlsx := filepath.Join(dir, FormFileName(req, ".xlsx"))
		if err := WriteForm(ctx, svc, by, req, xlsx, nil); err != nil {
			t.Fatalf("%s workbook: %v", c.kind, err)
		}
		if c.kind == SelfEvaluation {
			if got := totalCell(t, xlsx, p.Code); got != total {
				t.Errorf("workbook total %q, evaluation %q", got, total)
			}
		}
	}
}

// totalCell is the score beside 总分 on sheet.
func totalCell(t *testing.T, path, sheet string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 6 && r[0] == "总分" {
			return r[6]
		}
	}
	return ""
}

// A department head gets their own departments' projects and is refused
// the hospital-wide form; an unknown code and a form in another format
// are refused in words.
func TestFormsRefusals(t *testing.T) {
	useLang(t, "en")
	svc := evaluatedDemo(t)
	ctx := context.Background()
	projects, err := svc.Budgets.Projects(ctx, domain.LocalUser, 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	head := domain.Actor{Login: "head", Role: domain.RoleDeptHead, Departments: []string{projects[0].DeptCode}}
	ds, err := svc.Budgets.Declarations(ctx, head, 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Project.DeptCode != projects[0].DeptCode {
			t.Errorf("department head sees %s of %s", d.Project.Code, d.Project.DeptCode)
		}
	}
	dir := t.TempDir()
	for _, c := range []struct {
		by   domain.Actor
		req  FormRequest
		path string
		want string
	}{
		{head, FormRequest{Kind: OverallSelfEvaluation, Year: 2026}, "o.pdf", "whole hospital"},
		{domain.LocalUser, FormRequest{Kind: SelfEvaluation, Year: 2026, Project: "XM2026999"}, "s.xlsx", "There is no project XM2026999"},
		{domain.LocalUser, FormRequest{Kind: PerformanceMonitoring, Year: 2026, Month: 11}, "m.pdf", "through month 9"},
		{domain.LocalUser, FormRequest{Kind: TargetDeclaration, Year: 2026}, "d.docx", ".xlsx"},
		{domain.LocalUser, FormRequest{Kind: "budget-form", Year: 2026}, "b.pdf", "There is no form"},
	} {
		err := WriteForm(ctx, svc, c.by, c.req, filepath.Join(dir, c.path), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.req, err, c.want)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) != 0 {
		t.Errorf("a refused form left %v", matches)
	}
}
