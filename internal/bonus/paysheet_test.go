package bonus_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// Deliverable 6: 妇女保健科 lists 3 people (科主任 and 护士长 with their
// management extra) against its headcount, and 儿童保健科 one; the import, the
// reconciliation and the pay sheet name the differences; the pay sheet has
// its signature block and prints on A4.
func TestStaffReconciledAndPaySheetPrints(t *testing.T) {
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Use(i18n.English) })
	svc := demo(t)
	ctx := context.Background()
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, domain.LocalUser, res, ""); err != nil {
		t.Fatal(err)
	}
	women := deptOf(t, res, "301")
	path := writeStaff(t, [][]any{{"科室", "工号", "姓名", "岗位", "岗位系数", "管理岗位", "出勤天数", "应出勤天数"},
		{"妇女保健科", "W001", "张敏", "主任医师", 1.5, "科主任", 22, 22},
		{"妇女保健科", "W002", "李娜", "医师", 1.2, "", 22, 22},
		{"妇女保健科", "W003", "王芳", "主管护师", 1.0, "护士长", 22, 22},
		{"儿童保健科", "C001", "赵磊", "医师", 1.2, 0.25, 22, 22},
	})
	sum, err := svc.Bonus.ImportStaff(ctx, domain.LocalUser, 2026, path)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: coefficients 1.5+0.5, 1.2, 1.0+0.3 → 2000 : 1200 : 1300 of 4500.
	staff, _ := svc.Bonus.Staff(ctx, domain.LocalUser, 2026)
	if len(staff) != 4 || staff[0].PostCoefficientMilli != 2000 || staff[2].PostCoefficientMilli != 1300 || staff[3].PostCoefficientMilli != 1450 ||
		staff[0].Post != "主任医师（科主任+0.500）" || staff[2].Post != "主管护师（护士长+0.300）" || staff[3].Post != "医师（管理+0.250）" {
		t.Fatalf("management extras: %+v", staff)
	}
	b := women.Bonus.Fen()
	want := []int64{b * 2000 / 4500, b * 1200 / 4500, b * 1300 / 4500}
	if left := b - want[0] - want[1] - want[2]; left < 0 || left > 2 {
		t.Fatalf("remainder %d", left)
	}
	for i := range want {
		if d := staff[i].Amount.Fen() - want[i]; d < 0 || d > 1 {
			t.Errorf("%s: %v, by hand %d fen (+ at most 1 of the remainder)", staff[i].Name, staff[i].Amount, want[i])
		}
	}
	if staff[0].Amount+staff[1].Amount+staff[2].Amount != women.Bonus {
		t.Errorf("301 people do not add up to %v", women.Bonus)
	}

	var line string
	for _, r := range sum.Reconciliation {
		if r.Code == "301" {
			line = bonus.ReconcileLine(r, i18n.T)
		}
	}
	wantLine := "妇女保健科：名单 3 人，编制/人数 " + itoa(women.Headcount) + " 人（名单相差 " + itoa(3-women.Headcount) + " 人）；分配合计 " +
		money.FormatPlain(women.Bonus) + " 元，与科室金额 " + money.FormatPlain(women.Bonus) + " 元一致"
	if line != wantLine {
		t.Errorf("import reconciliation:\n%s\nwant\n%s", line, wantLine)
	}
	if len(sum.Reconciliation) != len(res.Departments) {
		t.Errorf("%d departments reconciled, want every one of %d", len(sum.Reconciliation), len(res.Departments))
	}
	summary := strings.Join(bonus.ReconcileSummary(sum.Reconciliation, i18n.T), "\n")
	if !strings.Contains(summary, wantLine) || !strings.Contains(summary, "个有差异") {
		t.Errorf("summary: %s", summary)
	}

	out := filepath.Join(t.TempDir(), "pay.xlsx")
	if err := svc.Bonus.ExportPaySheet(ctx, domain.LocalUser, 2026, out, "示例医院", i18n.T); err != nil {
		t.Fatal(err)
	}
	checkPrintedSheet(t, out, wantLine)
}

func itoa(n int) string { return strconv.Itoa(n) }

// checkPrintedSheet reads the pay sheet back: every sheet has the signature
// block and A4 page setup with repeated header rows and a print area; the
// reconciliation sheet holds the finding.
func checkPrintedSheet(t *testing.T, path, finding string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 3 || sheets[2] != "名单核对" {
		t.Fatalf("sheets %v", sheets)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"|"+dn.Name] = dn.RefersTo
	}
	for _, sh := range sheets {
		rows, _ := f.GetRows(sh)
		text := ""
		for _, r := range rows {
			text += strings.Join(r, "|") + "\n"
		}
		for _, w := range []string{"制表人", "科室负责人", "财务科", "分管院领导", "签字：", "日期：    年   月   日"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: signature block lacks %q", sh, w)
			}
		}
		pl, err := f.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v %v, want A4 (9), one page wide", sh, pl, err)
		}
		props, _ := f.GetSheetProps(sh)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to page", sh)
		}
		if got := names[sh+"|_xlnm.Print_Titles"]; !strings.HasSuffix(got, "!$1:$3") {
			t.Errorf("%s: print titles %q, want rows 1–3", sh, got)
		}
		area := names[sh+"|_xlnm.Print_Area"]
		if !strings.Contains(area, "!$A$1:$") || !strings.HasSuffix(area, "$"+itoa(len(rows))) {
			t.Errorf("%s: print area %q, want A1 to the last row %d (the signature block)", sh, area, len(rows))
		}
		if sh == "名单核对" && !strings.Contains(text, finding) {
			t.Errorf("reconciliation sheet lacks %q:\n%s", finding, text)
		}
	}
}
