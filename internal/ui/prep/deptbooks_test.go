package prep

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/deptbook"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// The budget office writes the departments' workbooks from the
// consolidation into a folder it chooses: one per department with its
// proposal to fill in, and the dialog says how many, where, and what to
// do next. A submitted department gets none and is named.
func TestConsolidationWritesDepartmentWorkbooks(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	pr, err := s.svc.Budgets.Proposal(s.ctx, s.actor, 2027, "101")
	must(t, err)
	must(t, s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, "101", []budgeting.LineEdit{{SubjectCode: pr.Lines[0].SubjectCode, Amount: 100}}))
	must(t, s.svc.Budgets.Transition(s.ctx, s.actor, 2027, "101", domain.ActSubmit, ""))
	s.setYear(2027)
	s.Show(SectionBudget)
	b := s.prep
	b.tabs.Select(b.consTab)
	s.folder = t.TempDir()
	tapButton(t, b.Root, "生成科室预算建议表…")
	files, _ := filepath.Glob(filepath.Join(s.folder, "*.xlsx"))
	if len(files) != 27 {
		t.Fatalf("%d workbooks written, want 27 (28 departments, 101 submitted)", len(files))
	}
	if _, err := os.Stat(filepath.Join(s.folder, "2027年预算建议表_102_妇科_一上.xlsx")); err != nil {
		t.Error(err)
	}
	top := s.win.Canvas().Overlays().Top()
	for _, w := range []string{"已在 " + s.folder + " 生成 27 个科室预算建议表", "101 产科", "导入"} {
		if top == nil || !hasText(top, w) {
			t.Errorf("the dialog does not say %q", w)
		}
	}
	if _, err := deptbook.Read(filepath.Join(s.folder, "2027年预算建议表_102_妇科_一上.xlsx"), nil); err == nil {
		t.Error("a workbook read without the database's key")
	}
	if out := os.Getenv("BP_SHOT"); out != "" {
		f, err := os.Create(out)
		must(t, err)
		must(t, png.Encode(f, s.win.Canvas().Capture()))
		f.Close()
		b, err := os.ReadFile(filepath.Join(s.folder, "2027年预算建议表_105_生殖医学科_一上.xlsx"))
		must(t, err)
		must(t, os.WriteFile(out+".xlsx", b, 0o644))
	}
}
