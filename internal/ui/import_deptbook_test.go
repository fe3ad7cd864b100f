package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/deptbook"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// Two workbooks come back: one filled in, one with a protected cell
// changed. The card imports the first as 105's submission and refuses the
// second naming the cell, each on its own; the lock file Excel leaves
// beside an open workbook is not taken for one.
func TestImportScreenDepartmentWorkbooks(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	ctx := s.ctx
	if _, err := s.svc.Budgets.OpenCycle(ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, d := range []string{"105", "106"} {
		if _, _, err := s.svc.Budgets.DeptWorkbooks(ctx, s.actor, 2027, d, dir, i18n.T); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, filepath.Join(dir, "2027年预算建议表_105_生殖医学科_一上.xlsx"), "G", "30201", 12345.6)
	edit(t, filepath.Join(dir, "2027年预算建议表_106_乳腺科_一上.xlsx"), "D", "30201", 1)
	if err := os.WriteFile(filepath.Join(dir, "~$2027年预算建议表_105_生殖医学科_一上.xlsx"), []byte("lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.setYear(2027)
	s.Show(SectionImport)
	im := s.importer
	files := workbooksIn(dir)
	if len(files) != 2 {
		t.Fatalf("workbooks in the folder: %v", files)
	}
	im.importDeptbooks(files)
	text := im.deptbookResult.Text
	for _, w := range []string{"✓ 2027年预算建议表_105_生殖医学科_一上.xlsx：105 生殖医学科 已导入并提交", "已提交（一上）",
		"✗ 2027年预算建议表_106_乳腺科_一上.xlsx：被拒绝", "是受保护的单元格", "预算建议表!D"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q not in %s", w, text)
		}
	}
	st, err := s.svc.Budgets.Status(ctx, s.actor, 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range st.Departments {
		want := domain.StateDraft
		if d.DeptCode == "105" {
			want = domain.StateSubmitted
		}
		if d.State != want {
			t.Errorf("%s is %s, want %s", d.DeptCode, d.State, want)
		}
	}
	if !hasText(im.root, "导入文件夹中的全部预算建议表…") {
		t.Error("no folder button on the Import screen")
	}
	if out := os.Getenv("BP_SHOT"); out != "" {
		im.root.(*container.Scroll).ScrollToBottom()
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, s.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}

// edit sets the cell of subject's row in column col of the proposal
// sheet, as a department would.
func edit(t *testing.T, path, col, subject string, v any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(deptbook.ProposalSheet)
	cell := ""
	for i, r := range rows {
		if len(r) > 0 && r[0] == subject {
			cell = col + strconv.Itoa(i+1)
		}
	}
	if err := f.SetCellValue(deptbook.ProposalSheet, cell, v); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
