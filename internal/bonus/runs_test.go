package bonus_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

func deptOf(t *testing.T, r bonus.Result, code string) bonus.Dept {
	t.Helper()
	for _, d := range r.Departments {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("department %s not in the allocation", code)
	return bonus.Dept{}
}

func keyOf(err error) string {
	var p *domain.Problem
	if errors.As(err, &p) {
		return p.Key
	}
	var ps domain.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0].Key
	}
	return ""
}

// Save, approve, and then the year is locked: the approved run is what is
// read back, saving again or entering scores is refused with who approved.
func TestApprovalLocksTheRun(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	w := 0.3
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), &w)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := svc.Bonus.Current(ctx, domain.LocalUser, 2026); ok {
		t.Fatal("a run before anything was saved")
	}
	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2026); keyOf(err) != "problem.bonusrun.no_draft" {
		t.Fatalf("approving nothing: %v", err)
	}
	info, err := svc.Bonus.Save(ctx, domain.LocalUser, res, "2026年度")
	if err != nil || info.Approved || info.ID == 0 {
		t.Fatalf("save: %+v %v", info, err)
	}
	got, ok, err := svc.Bonus.Current(ctx, domain.LocalUser, 2026)
	if err != nil || !ok || got.Run == nil || got.Run.Approved {
		t.Fatalf("draft read back: %v %v %+v", ok, err, got.Run)
	}
	var sum money.Amount
	for i, d := range got.Departments {
		sum += d.Bonus
		if d.Bonus != res.Departments[i].Bonus || d.AtZero != res.Departments[i].AtZero {
			t.Errorf("%s: stored %v (at 0: %v), computed %v (%v)", d.Code, d.Bonus, d.AtZero, res.Departments[i].Bonus, res.Departments[i].AtZero)
		}
	}
	if sum != res.Pool || got.Weights[scoring.BonusPublicWelfare] != 0.3 || len(got.Drivers) != len(res.Drivers) {
		t.Errorf("stored run: sum %v of %v, weight %v, %d drivers of %d", sum, res.Pool, got.Weights[scoring.BonusPublicWelfare], len(got.Drivers), len(res.Drivers))
	}
	if len(got.Sensitivity["301"]) != len(got.Steps) || got.Sensitivity["301"][0] != deptOf(t, got, "301").AtZero {
		t.Errorf("sensitivity of a stored run: %v", got.Sensitivity["301"])
	}

	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	got, _, _ = svc.Bonus.Current(ctx, domain.LocalUser, 2026)
	if got.Run == nil || !got.Run.Approved || got.Run.ApprovedBy != domain.LocalUser.Login {
		t.Fatalf("approved run: %+v", got.Run)
	}
	_, err = svc.Bonus.Save(ctx, domain.LocalUser, res, "")
	if keyOf(err) != "problem.bonusrun.locked" || !strings.Contains(err.Error(), domain.LocalUser.Login) {
		t.Errorf("saving over an approved run: %v", err)
	}
	score := 90.0
	if err := svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "101", scoring.BonusWorkload, &score, "门急诊人次"); keyOf(err) != "problem.bonusrun.locked" {
		t.Errorf("entering a score in a locked year: %v", err)
	}
	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2026); keyOf(err) != "problem.bonusrun.locked" {
		t.Errorf("approving twice: %v", err)
	}
	// The report prints the approved run.
	rep, err := svc.Bonus.ForReport(ctx, domain.LocalUser, 2026)
	if err != nil || rep.Run == nil || !rep.Run.Approved || rep.Pool != res.Pool {
		t.Errorf("report allocation: %+v %v", rep.Run, err)
	}
}

// An entered score replaces the evaluation's and moves the allocation;
// removing it brings the evaluation's back.
func TestEnteredScores(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	pool := money.FromFen(1000000000)
	before, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	score := 100.0
	if err := svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "303", scoring.BonusSatisfaction, &score, "患者满意度"); err != nil {
		t.Fatal(err)
	}
	after, _ := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	d := deptOf(t, after, "303")
	if d.Scores[scoring.BonusSatisfaction] != 100 || !d.Entered[scoring.BonusSatisfaction] || d.Bonus <= deptOf(t, before, "303").Bonus {
		t.Errorf("303 after a satisfaction score of 100: %v entered %v, bonus %v (was %v)", d.Scores[scoring.BonusSatisfaction], d.Entered, d.Bonus, deptOf(t, before, "303").Bonus)
	}
	bad := 120.0
	if err := svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "303", scoring.BonusSatisfaction, &bad, "患者满意度"); keyOf(err) != "problem.bonusrun.score_range" {
		t.Errorf("a score of 120: %v", err)
	}
	if err := svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "303", scoring.BonusSatisfaction, nil, ""); err != nil {
		t.Fatal(err)
	}
	again, _ := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, pool, nil)
	if deptOf(t, again, "303").Bonus != deptOf(t, before, "303").Bonus {
		t.Error("removing the entered score did not restore the evaluation's")
	}
}

// The previous year's approved run is the "last period" of the next.
func TestChangeAgainstLastPeriod(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	// 2025's actuals run through December: what is left of its reward
	// performance pay is the pool.
	l25, err := svc.Bonus.Limit(ctx, domain.LocalUser, 2025)
	if err != nil {
		t.Fatal(err)
	}
	r25, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2025, l25.Available(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, r25, ""); err != nil {
		t.Fatal(err)
	}
	r26, _ := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(900000000), nil)
	if deptOf(t, r26, "101").LastPeriod != nil {
		t.Error("a draft counted as the last period")
	}
	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2025); err != nil {
		t.Fatal(err)
	}
	r26, _ = svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(900000000), nil)
	last := deptOf(t, r26, "101").LastPeriod
	if last == nil || *last != deptOf(t, r25, "101").Bonus {
		t.Errorf("last period of 101: %v, want %v", last, deptOf(t, r25, "101").Bonus)
	}
}

func writeStaff(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "staff.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// The second level: a staff list splits each department's saved amount
// exactly; a bad cell is named and nothing is written.
func TestStaffSplit(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	header := []any{"科室", "工号", "姓名", "岗位", "岗位系数", "出勤天数", "应出勤天数"}
	good := writeStaff(t, [][]any{header,
		{"妇女保健科", "W001", "张敏", "主任", 1.5, 22, 22},
		{"妇女保健科", "W002", "李娜", "医师", 1.2, 22, 22},
		{"妇女保健科", "W003", "王芳", "护士", 1.0, 11, 22},
		{"[302]儿童保健科", "C001", "赵磊", "医师", "1.2", "21", "22"},
		{"合计", "", "", "", "", "", ""},
	})
	if _, err := svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, good); keyOf(err) != "problem.bonusrun.staff_no_draft" {
		t.Fatalf("staff before a saved run: %v", err)
	}
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, res, ""); err != nil {
		t.Fatal(err)
	}
	bad := writeStaff(t, [][]any{header,
		{"妇女保健科", "W001", "张敏", "主任", "一点五", 22, 22},
		{"不存在科", "X001", "某某", "医师", 1, 22, 22},
	})
	_, err = svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, bad)
	if err == nil || !strings.Contains(err.Error(), "Sheet1!E2") || !strings.Contains(err.Error(), "Sheet1!A3") {
		t.Fatalf("bad staff list: %v", err)
	}
	if got, _ := svc.Bonus.Staff(ctx, domain.LocalUser, 2026); len(got) != 0 {
		t.Fatalf("a refused list wrote %d people", len(got))
	}
	sum, err := svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, good)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Departments != 2 || sum.People != 4 || len(sum.Missing) != len(res.Departments)-2 {
		t.Errorf("summary %+v", sum)
	}
	if want := deptOf(t, res, "301").Bonus + deptOf(t, res, "302").Bonus; sum.Total != want {
		t.Errorf("staff total %v, departments 301+302 %v", sum.Total, want)
	}
	got, _ := svc.Bonus.Staff(ctx, domain.LocalUser, 2026)
	var women money.Amount
	for _, s := range got {
		if s.DeptCode == "301" {
			women += s.Amount
		}
	}
	if women != deptOf(t, res, "301").Bonus || got[0].Name != "张敏" || got[0].Amount <= got[1].Amount || got[2].Amount >= got[1].Amount {
		t.Errorf("301 split: %+v", got)
	}

	// The pay sheet carries the pool and the people.
	path := filepath.Join(t.TempDir(), "pay.xlsx")
	T := func(key string, args ...any) string { return key }
	if err := svc.Bonus.ExportPaySheet(ctx, domain.LocalUser, 2026, path, "示例医院", T); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("bonus.sheet.depts", excelize.Options{RawCellValue: true})
	// The totals row follows the departments; the signature block follows it.
	last := rows[3+len(res.Departments)]
	if last[0] != "bonus.sheet.total" || last[len(last)-1] != "10000000.01" {
		t.Errorf("pay-sheet totals row %v", last)
	}
	staff, _ := f.GetRows("bonus.sheet.staff", excelize.Options{RawCellValue: true})
	if len(staff) < 3+4+1 || staff[3][2] != "张敏" || staff[3+4][0] != "bonus.sheet.total" {
		t.Errorf("staff sheet: %v", staff)
	}
	// Approval locks the split too.
	if _, err := svc.Bonus.Approve(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, good); keyOf(err) != "problem.bonusrun.locked" {
		t.Errorf("staff after approval: %v", err)
	}
}

// A score entered by hand names its source: none is refused; a revenue
// source, from the library (医疗收入增幅, flagged) or typed (科室医疗收入完成率),
// is refused citing the rule; a workload measure is taken and kept.
func TestEnteredScoreSource(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	score := 90.0
	set := func(src string) error {
		return svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "101", scoring.BonusWorkload, &score, src)
	}
	if err := set("  "); keyOf(err) != "problem.bonus.score_source_missing" {
		t.Errorf("no source: %v", err)
	}
	for _, src := range []string{"医疗收入增幅", "2.3.1 医疗收入增幅", "科室医疗收入完成率", "收支结余"} {
		err := set(src)
		if keyOf(err) != "problem.bonus.score_source_revenue" {
			t.Errorf("source %s: %v, want the revenue refusal", src, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "国办发〔2019〕4号") || !strings.Contains(msg, "九项准则") {
			t.Errorf("source %s: refusal does not cite the rule: %s", src, msg)
		}
	}
	if err := set("不存在的指标"); keyOf(err) != "problem.bonus.score_source_unknown" {
		t.Errorf("unknown source: %v", err)
	}
	if err := set("手术台次"); err != nil {
		t.Fatal(err)
	}
	if src, err := svc.Bonus.ScoreSource(ctx, domain.LocalUser, 2026, "101", scoring.BonusWorkload); err != nil || src != "手术台次" {
		t.Errorf("stored source %q %v", src, err)
	}
	if err := set("甲级病历率"); err != nil {
		t.Errorf("a library quality indicator as source: %v", err)
	}
	if _, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000000), nil); err != nil {
		t.Errorf("allocation with sourced entered scores: %v", err)
	}
}
