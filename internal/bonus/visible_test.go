package bonus_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/testbook"
)

// A department head reads their own departments' allocation and staff —
// the draft's as the approved run's — and nobody else's, in every read
// the window and the command line share; their figures are the budget
// office's, computed over the whole hospital.
func TestDepartmentHeadReadsOwnAllocation(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	office := domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"101", "301"}}
	pool := money.FromFen(1000000001)

	all, err := svc.Bonus.Compute(ctx, office, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	own, err := svc.Bonus.Compute(ctx, head, 2026, pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkOwnRows(t, "compute", own, "101", "301")
	for _, code := range []string{"101", "301"} {
		if got, want := deptOf(t, own, code).Bonus, deptOf(t, all, code).Bonus; got != want {
			t.Errorf("the head's %s bonus %s differs from the budget office's %s", code, got, want)
		}
	}
	if len(own.Sensitivity) != 2 || own.Sensitivity["103"] != nil {
		t.Errorf("the head's sensitivity curves: %d departments", len(own.Sensitivity))
	}

	if _, err := svc.Bonus.Save(ctx, office, all, ""); err != nil {
		t.Fatal(err)
	}
	staff := testbook.Write(t, "staff.xlsx", []any{"科室", "姓名", "岗位系数", "出勤天数"},
		[]any{"产科", "甲一", 1.5, 22}, []any{"儿科", "丙三", 1.0, 21})
	if _, err := svc.Bonus.ImportStaff(ctx, office, 2026, staff); err != nil {
		t.Fatal(err)
	}
	draft, ok, err := svc.Bonus.Current(ctx, head, 2026)
	if err != nil || !ok {
		t.Fatalf("the head reads the draft: %v %v", ok, err)
	}
	checkOwnRows(t, "draft", draft, "101", "301")
	lines, err := svc.Bonus.Staff(ctx, head, 2026)
	if err != nil || len(lines) != 1 || lines[0].Name != "甲一" {
		t.Errorf("the head's staff: %+v %v", lines, err)
	}
	if everyone, _ := svc.Bonus.Staff(ctx, office, 2026); len(everyone) != 2 {
		t.Errorf("the budget office's staff: %d people, want 2", len(everyone))
	}

	out := filepath.Join(t.TempDir(), "pay.xlsx")
	if err := svc.Bonus.ExportPaySheet(ctx, head, 2026, out, "医院", func(k string, _ ...any) string { return k }); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	for _, sheet := range book.GetSheetList() {
		rows, _ := book.GetRows(sheet)
		for _, r := range rows {
			for _, c := range r {
				if c == "103" || c == "儿科" || c == "丙三" {
					t.Errorf("sheet %s of the head's pay sheet holds %q", sheet, c)
				}
			}
		}
	}
}

func checkOwnRows(t *testing.T, what string, res bonus.Result, codes ...string) {
	t.Helper()
	if len(res.Departments) != len(codes) {
		t.Errorf("%s: the head sees %d departments, want %v", what, len(res.Departments), codes)
	}
	for i, d := range res.Departments {
		if i < len(codes) && d.Code != codes[i] {
			t.Errorf("%s: row %d is department %s, want %s", what, i, d.Code, codes[i])
		}
	}
}
