package execution_test

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

const progressYear = 2026

// progressDemo opens a database holding the demo hospital of progressYear.
func progressDemo(t *testing.T) *services.Services {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Demo.Load(ctx, domain.LocalUser, progressYear); err != nil {
		t.Fatal(err)
	}
	return svc
}

func projectNamed(t *testing.T, ps []execution.ProjectProgress, name string) execution.ProjectProgress {
	t.Helper()
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no project %q", name)
	return execution.ProjectProgress{}
}

// The demo's story at September: three projects on track, two to watch,
// the equipment renewal behind, health education far ahead.
func TestDemoProjectsAtSeptember(t *testing.T) {
	svc := progressDemo(t)
	ps, err := svc.Execution.ProjectProgress(context.Background(), domain.LocalUser, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]domain.TargetLevel{
		"农村妇女两癌筛查项目":           domain.LevelGreen,
		"新生儿疾病筛查项目":            domain.LevelAmber,
		"基层妇幼健康服务能力提升项目":       domain.LevelGreen,
		"孕产妇健康教育项目":            domain.LevelBlue,
		"医疗设备更新项目":             domain.LevelRed,
		"智慧医院信息系统（电子病历五级）建设项目": domain.LevelAmber,
		"无创产前基因检测平台建设项目":       domain.LevelGreen,
	}
	if len(ps) != len(want) {
		t.Fatalf("%d projects, want %d", len(ps), len(want))
	}
	for _, p := range ps {
		if p.Level != want[p.Name] {
			for _, tp := range p.Targets {
				t.Logf("  %s %s actual %q: %+v", p.Name, tp.Target.Indicator, tp.Actual, tp.Assessment)
			}
			t.Errorf("%s: level %s, want %s", p.Name, p.Level, want[p.Name])
		}
		if p.Lagging != (p.Level == domain.LevelRed) {
			t.Errorf("%s: lagging %v at level %s", p.Name, p.Lagging, p.Level)
		}
		if p.Unreported != 0 || p.Month != 9 || p.TimeProgress != 0.75 {
			t.Errorf("%s: %d unreported, month %d, time progress %v", p.Name, p.Unreported, p.Month, p.TimeProgress)
		}
		if p.Spent <= 0 || p.Spent > p.Budget || p.SpendingRate != float64(p.Spent)/float64(p.Budget) {
			t.Errorf("%s: spent %v of %v, rate %v", p.Name, p.Spent, p.Budget, p.SpendingRate)
		}
		for _, tp := range p.Targets {
			if tp.ActualMonth != 9 {
				t.Errorf("%s / %s: latest report from month %d", p.Name, tp.Target.Indicator, tp.ActualMonth)
			}
		}
	}
	// Delivery delayed: the equipment money lags time progress as well.
	eq := projectNamed(t, ps, "医疗设备更新项目")
	if eq.SpendingRate > 0.4 || eq.Targets[0].Assessment.Completion > 0.5 {
		t.Errorf("equipment: spending rate %.2f, first target completion %.2f", eq.SpendingRate, eq.Targets[0].Assessment.Completion)
	}
	// At March the quarterly satisfaction surveys have reported once.
	early, err := svc.Execution.ProjectProgress(context.Background(), domain.LocalUser, progressYear, 2)
	if err != nil {
		t.Fatal(err)
	}
	if p := projectNamed(t, early, "孕产妇健康教育项目"); p.Unreported != 1 || p.Lagging {
		t.Errorf("February: %d unreported, lagging %v; the survey is due in March", p.Unreported, p.Lagging)
	}
}

func TestBuildProjectProgress(t *testing.T) {
	p := domain.Project{ID: 7, Year: 2025, DeptCode: "301", Name: "两癌筛查", Type: domain.ProjectPublicHealth, Amount: money.FromYuan(1200),
		Targets: []domain.Target{
			{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "1200", Unit: "人", Direction: domain.DirHigher},
			{Category: domain.TargetQuality, Indicator: "随访率", Value: "95", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetSocial, Indicator: "早诊", Value: "达成", Direction: domain.DirQualitative},
		}}
	other := domain.Project{ID: 8, Year: 2025, DeptCode: "999", Name: "无目标"}
	depts := []domain.Department{{Code: "301", Name: "妇女保健科", NameEn: "Women's Health Care"}}
	values := []store.TargetValue{
		{ProjectID: 7, Position: 1, Month: 2, Value: "250"},
		{ProjectID: 7, Position: 1, Month: 5, Value: "520", Note: "五月"},
		{ProjectID: 7, Position: 1, Month: 8, Value: "900"},
		{ProjectID: 7, Position: 2, Month: 4, Value: "96"},
		{ProjectID: 9, Position: 1, Month: 1, Value: "1"},
	}
	spending := []store.ProjectSpend{
		{ProjectID: 7, Month: 1, Amount: money.FromYuan(100)},
		{ProjectID: 7, Month: 6, Amount: money.FromYuan(300)},
		{ProjectID: 7, Month: 7, Amount: money.FromYuan(1000)},
	}
	got := execution.BuildProjectProgress(2025, 6, []domain.Project{p, other}, depts, values, spending)
	if len(got) != 2 {
		t.Fatalf("%d projects", len(got))
	}
	g := got[0]
	if g.DeptName != "妇女保健科" || g.DeptNameEn != "Women's Health Care" || g.Spent != money.FromYuan(400) ||
		g.MonthSpent != money.FromYuan(300) || !g.MonthRecorded || g.SpendingRate != 400.0/1200 || g.TimeProgress != 0.5 {
		t.Errorf("money: %+v", g)
	}
	t1, t2, t3 := g.Targets[0], g.Targets[1], g.Targets[2]
	// The latest report at or before June is May's: 520 against 600 expected.
	if t1.Actual != "520" || t1.ActualMonth != 5 || t1.Note != "五月" || t1.Assessment.Level != domain.LevelGreen || t1.Assessment.Expected != 600 {
		t.Errorf("target 1: %+v", t1)
	}
	if t2.Actual != "96" || t2.Assessment.Level != domain.LevelGreen || t2.Assessment.Prorated {
		t.Errorf("target 2: %+v", t2)
	}
	// Nothing reported by June: grey, and overdue after the first quarter.
	if t3.Assessment.Level != domain.LevelNone || t3.ActualMonth != 0 || g.Unreported != 1 || !g.Lagging || g.Level != domain.LevelNone {
		t.Errorf("target 3 %+v; project unreported %d lagging %v level %s", t3, g.Unreported, g.Lagging, g.Level)
	}
	// In March the same gap is not yet a warning.
	march := execution.BuildProjectProgress(2025, 3, []domain.Project{p}, depts, values, spending)[0]
	if march.Lagging || march.MonthRecorded || march.Spent != money.FromYuan(100) {
		t.Errorf("March: %+v", march)
	}
	if o := got[1]; o.Level != domain.LevelNone || o.Lagging || o.SpendingRate != 0 || len(o.Targets) != 0 {
		t.Errorf("project without targets: %+v", o)
	}
}

func problemKeys(err error) []string {
	var out []string
	for _, p := range domain.AsProblems(err) {
		out = append(out, p.Key)
	}
	sort.Strings(out)
	return out
}

func TestRecordTargetValuesAndSpending(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	m := svc.Execution
	ps, err := m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	eq := projectNamed(t, ps, "医疗设备更新项目")
	it := projectNamed(t, ps, "智慧医院信息系统（电子病历五级）建设项目")

	cases := []struct {
		name string
		err  error
		want []string
	}{
		{"no actor", m.RecordTargetValue(ctx, domain.Actor{}, eq.ID, 1, 9, "5", ""), []string{"problem.no_actor"}},
		{"month 13", m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 1, 13, "5", ""), []string{"problem.month_range"}},
		{"month 0", m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 1, 0, "5", ""), []string{"problem.month_range"}},
		{"no project", m.RecordTargetValue(ctx, domain.LocalUser, 9999, 1, 9, "5", ""), []string{"problem.project.not_found"}},
		{"no row", m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 9, 9, "5", ""), []string{"problem.progress.position"}},
		{"not a number", m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 1, 9, "五台", ""), []string{"problem.progress.number"}},
		{"not a word", m.RecordTargetValue(ctx, domain.LocalUser, it.ID, 3, 9, "80%", ""), []string{"problem.progress.words"}},
		{"long note", m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 1, 9, "5", string(make([]rune, 201))), []string{"problem.progress.note_long"}},
		{"every problem at once", m.RecordTargetValues(ctx, domain.LocalUser, eq.ID, 9, []execution.TargetEntry{
			{Position: 1, Value: "6"}, {Position: 2, Value: "x"}, {Position: 7, Value: "1"}}),
			[]string{"problem.progress.number", "problem.progress.position"}},
		{"spending month", m.RecordProjectSpending(ctx, domain.LocalUser, eq.ID, 13, 1), []string{"problem.month_range"}},
		{"spending project", m.RecordProjectSpending(ctx, domain.LocalUser, 9999, 9, 1), []string{"problem.project.not_found"}},
		{"spending huge", m.RecordProjectSpending(ctx, domain.LocalUser, eq.ID, 9, money.FromYuan(2_000_000_000_000)), []string{"problem.progress.spending_large"}},
	}
	for _, c := range cases {
		if got := problemKeys(c.err); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: problems %v (%v), want %v", c.name, got, c.err, c.want)
		}
	}
	// Nothing of the refused batch was written: target 1 still says 4.
	after, _ := m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	if got := projectNamed(t, after, "医疗设备更新项目").Targets[0].Actual; got != "4" {
		t.Fatalf("target 1 = %q after refused writes", got)
	}

	// Deliveries caught up: 12 devices, 97% on time, satisfaction 91%.
	err = m.RecordTargetValues(ctx, domain.LocalUser, eq.ID, 9, []execution.TargetEntry{
		{Position: 1, Value: "12", Note: "四季度设备提前到货"}, {Position: 2, Value: "97"}, {Position: 5, Value: " 91 "}})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.RecordTargetValue(ctx, domain.LocalUser, it.ID, 3, 9, "达成", ""); err != nil {
		t.Fatal(err)
	}
	if err := m.RecordProjectSpending(ctx, domain.LocalUser, eq.ID, 9, money.FromYuan(5000000)); err != nil {
		t.Fatal(err)
	}
	after, _ = m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	p := projectNamed(t, after, "医疗设备更新项目")
	if p.Level != domain.LevelBlue || p.Lagging || p.Targets[0].Note != "四季度设备提前到货" || p.Targets[4].Actual != "91" {
		t.Errorf("after catching up: level %s lagging %v targets %+v", p.Level, p.Lagging, p.Targets)
	}
	if p.MonthSpent != money.FromYuan(5000000) || p.Spent != eq.Spent-eq.MonthSpent+money.FromYuan(5000000) {
		t.Errorf("spending: month %v, to date %v (was %v with month %v)", p.MonthSpent, p.Spent, eq.Spent, eq.MonthSpent)
	}
	if l := projectNamed(t, after, "智慧医院信息系统（电子病历五级）建设项目").Level; l != domain.LevelGreen {
		t.Errorf("IT project after 达成: %s", l)
	}
	// An empty value clears the month: the latest report is August's again.
	if err := m.RecordTargetValue(ctx, domain.LocalUser, eq.ID, 1, 9, "", ""); err != nil {
		t.Fatal(err)
	}
	after, _ = m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	if tp := projectNamed(t, after, "医疗设备更新项目").Targets[0]; tp.ActualMonth != 8 {
		t.Errorf("after clearing September: %+v", tp)
	}
}

// writeValues writes one sheet of rows to a workbook in dir.
func writeValues(t *testing.T, dir, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "完成值"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("完成值", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportTargetValues(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	dir := t.TempDir()
	header := []any{"科室", "项目名称", "指标名称", "月份", "实际值", "说明"}
	bad := writeValues(t, dir, "bad.xlsx", [][]any{header,
		{"设备科", "医疗设备更新项目", "设备购置数量", 10, 6, ""},
		{"", "不存在的项目", "设备购置数量", 10, 6, ""},
		{"信息科", "医疗设备更新项目", "设备购置数量", 10, 6, ""},
		{"财务处", "医疗设备更新项目", "设备购置数量", 10, 6, ""},
		{"", "医疗设备更新项目", "设备数量", 10, 6, ""},
		{"", "医疗设备 更新项目", "设备按期到货率", 10, "很好", ""},
		{"", "智慧医院信息系统(电子病历五级)建设项目", "通过电子病历系统应用水平五级评审", 10, "80", ""},
		{"502", "医疗设备更新项目", "设备购置数量", "10月", 7, ""},
		{"", "医疗设备更新项目", "设备完好率", 14, 96, ""},
	})
	n, err := svc.Execution.ImportTargetValues(ctx, domain.LocalUser, progressYear, bad)
	type at struct{ key, cell string }
	var got []at
	for _, p := range domain.AsProblems(err) {
		c, _ := p.Args["Cell"].(string)
		got = append(got, at{p.Key, c})
	}
	sort.Slice(got, func(i, j int) bool { return got[i].cell < got[j].cell })
	want := []at{
		{"problem.progress.other_dept", "A4"},
		{"problem.progress.unknown_dept", "A5"},
		{"problem.progress.unknown_project", "B3"},
		{"problem.progress.unknown_indicator", "C6"},
		{"import.tv.bad_month", "D10"},
		{"problem.progress.import_number", "E7"},
		{"problem.progress.import_words", "E8"},
		{"problem.progress.duplicate", "E9"},
	}
	if n != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("imported %d with problems\n%v\nwant\n%v\n(%v)", n, got, want, err)
	}
	before, _ := svc.Store.TargetValues(ctx, progressYear)

	good := writeValues(t, dir, "good.xlsx", [][]any{header,
		{"设备科", "医疗设备更新项目", "设备购置数量", 10, 7, "十月到货三台"},
		{"设备科", "医疗设备更新项目", "设备按期到货率", "2026-10", "80%", ""},
		{"Information Technology", "智慧医院信息系统（电子病历五级）建设项目", "通过电子病历系统应用水平五级评审", "十月", "部分达成", ""},
		{"", "孕产妇健康教育项目", "孕妇学校授课场次", 10, "", ""},
	})
	n, err = svc.Execution.ImportTargetValues(ctx, domain.LocalUser, progressYear, good)
	if err != nil || n != 3 {
		t.Fatalf("imported %d, %v", n, err)
	}
	afterVals, _ := svc.Store.TargetValues(ctx, progressYear)
	if len(afterVals) != len(before)+3 {
		t.Errorf("%d values after import, %d before", len(afterVals), len(before))
	}
	ps, _ := svc.Execution.ProjectProgress(ctx, domain.LocalUser, progressYear, 10)
	eq := projectNamed(t, ps, "医疗设备更新项目")
	if eq.Targets[0].Actual != "7" || eq.Targets[0].Note != "十月到货三台" || eq.Targets[1].Actual != "80%" || eq.Targets[1].ActualMonth != 10 {
		t.Errorf("imported values: %+v", eq.Targets[:2])
	}
	empty := writeValues(t, dir, "empty.xlsx", [][]any{header, {"", "孕产妇健康教育项目", "孕妇学校授课场次", 10, ""}})
	if _, err := svc.Execution.ImportTargetValues(ctx, domain.LocalUser, progressYear, empty); !reflect.DeepEqual(problemKeys(err), []string{"problem.progress.import_empty"}) {
		t.Errorf("empty workbook: %v", err)
	}
	if _, err := svc.Execution.ImportTargetValues(ctx, domain.LocalUser, 1999, good); !reflect.DeepEqual(problemKeys(err), []string{"problem.year_range"}) {
		t.Errorf("year 1999: %v", err)
	}
}
