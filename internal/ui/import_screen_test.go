package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/testbook"
)

const samples = "../xlsximport/testdata"

// Preview shows what the workbook holds; confirming imports it and the
// dashboard moves to the imported year.
func TestImportScreenPreviewThenImport(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "empty.db"), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // decline the demo offer
	}
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_long_title_rows.xlsx"))
	im.year.SetText("2025")
	test.Tap(im.previewBtn)
	if im.preview == nil {
		t.Fatalf("no preview: %s", im.problems.Text)
	}
	if len(im.preview.Totals) != 8 || im.preview.Expenditure.Fen() != 9985228301 {
		t.Errorf("preview %d departments, total %d", len(im.preview.Totals), im.preview.Expenditure.Fen())
	}
	if !hasText(im.root, "支出预算") || im.confirm.Disabled() {
		t.Errorf("the preview does not name the sheet or cannot be confirmed: %q", im.summary.Text)
	}
	if ok, _ := s.svc.Store.BudgetExists(context.Background(), 2025); ok {
		t.Fatal("the preview wrote the budget")
	}
	test.Tap(im.confirm)
	if ok, _ := s.svc.Store.BudgetExists(context.Background(), 2025); !ok {
		t.Fatalf("not imported: %s", im.result.Text)
	}
	if s.year != 2025 || s.dashboard.ex.Total.Expenditure.Budget.Fen() != 9985228301 {
		t.Errorf("dashboard shows %d for %d", s.dashboard.ex.Total.Expenditure.Budget.Fen(), s.year)
	}
	// The office copies budgetperf.db in Explorer while the program runs
	// (no restart, the -wal stays behind): the copy holds the import.
	b, err := os.ReadFile(s.svc.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(context.Background(), cp)
	if err != nil {
		t.Fatalf("opening the copy: %v", err)
	}
	defer c.Close()
	if ok, _ := c.BudgetExists(context.Background(), 2025); !ok {
		t.Error("a copy of the database file taken after the import does not hold it")
	}
}

// A workbook with errors lists every bad cell and cannot be confirmed.
func TestImportScreenShowsEveryProblem(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_with_errors.xlsx"))
	im.year.SetText("2024")
	test.Tap(im.previewBtn)
	for _, cell := range []string{"预算!D4", "预算!B7", "预算!A10"} {
		if !hasText(im.problems, cell) {
			t.Errorf("problem at %s not shown: %q", cell, im.problems.Text)
		}
	}
	if !im.confirm.Disabled() {
		t.Error("a refused workbook can be confirmed")
	}
	if ok, _ := s.svc.Store.BudgetExists(context.Background(), 2024); ok {
		t.Error("something was written")
	}
}

// Mapping an unknown department to an existing one books its lines there.
func TestImportScreenMapsDepartments(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_sheet_per_department.xlsx"))
	im.year.SetText("2024")
	test.Tap(im.previewBtn)
	if im.preview == nil || len(im.preview.NewDepartments) == 0 {
		t.Fatalf("no unknown departments offered for mapping: %v", im.preview)
	}
	im.mapChoices["儿科"] = "103" // the demo's paediatrics
	im.runPreview()
	test.Tap(im.confirm)
	ex, err := s.svc.Execution.Execution(context.Background(), domain.LocalUser, 2024, 0)
	det, _ := ex.Department("103")
	if err != nil || len(det.Subjects) == 0 {
		t.Fatalf("儿科 lines not booked to 103: %v", err)
	}
}

// A ledger is imported as actuals from the same screen.
func TestImportScreenActualsLedger(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionImport)
	im := s.importer
	im.kind.SetSelected("实际数（明细账或汇总表）")
	if im.replace.Visible() || !im.monthItem.Visible() {
		t.Error("actuals should offer a month, not replacing a budget")
	}
	im.path.SetText(filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"))
	im.year.SetText("2025")
	test.Tap(im.previewBtn)
	if im.preview == nil || im.preview.Lines != 343 || !hasText(im.summary, "明细账") {
		t.Fatalf("preview %+v: %s %s", im.preview, im.summary.Text, im.problems.Text)
	}
	test.Tap(im.confirm)
	before, _ := s.svc.Execution.Actuals(context.Background(), domain.LocalUser, 2025, 0)
	if !hasText(im.result, "343") {
		t.Fatalf("result %q", im.result.Text)
	}
	// The same file again is refused and explained.
	test.Tap(im.previewBtn)
	if im.preview != nil || !hasText(im.problems, "已于") {
		t.Errorf("a second import was not refused: %q", im.problems.Text)
	}
	after, _ := s.svc.Execution.Actuals(context.Background(), domain.LocalUser, 2025, 0)
	if after.Expenditure != before.Expenditure {
		t.Error("the refused import changed the actuals")
	}
}

// A summary that overlaps the month's summary is refused; ticking
// "Replace the month's summary" previews the replacement, names what it
// replaces, and imports it. A ledger has no month to replace: the box is
// not offered for it.
func TestImportScreenReplaceMonth(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "empty.db"), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // decline the demo offer
	}
	s.Show(SectionImport)
	im := s.importer
	im.kind.SetSelected("实际数（明细账或汇总表）")
	if !im.replaceMonth.Visible() || im.replaceMonth.Checked {
		t.Fatal("actuals should offer replacing the month, unticked")
	}
	im.year.SetText("2025")
	im.month.SetText("3")
	im.path.SetText(testbook.Summary(t, "first.xlsx", []any{"内科", "30201", "办公费", 100}))
	test.Tap(im.previewBtn)
	test.Tap(im.confirm)
	im.path.SetText(testbook.Summary(t, "second.xlsx", []any{"内科", "30201", "办公费", 300}))
	test.Tap(im.previewBtn)
	if im.preview != nil || !hasText(im.problems, "替换该月汇总数") || !im.replaceMonth.Visible() {
		t.Fatalf("the overlap was not refused with the way out: %q", im.problems.Text)
	}
	test.Tap(im.replaceMonth) // previews again
	if im.preview == nil || !hasText(im.summary, "first.xlsx") {
		t.Fatalf("the replacement is not previewed: %q %q", im.summary.Text, im.problems.Text)
	}
	test.Tap(im.confirm)
	totals, err := s.svc.Store.ActualSubjectTotals(context.Background(), 2025, 12)
	if err != nil || len(totals) != 1 || totals[0].Amount.Fen() != 30000 {
		t.Errorf("after replacing: %+v %v (%s)", totals, err, im.result.Text)
	}
	im.replaceMonth.SetChecked(false)
	im.path.SetText(filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"))
	im.month.SetText("")
	test.Tap(im.previewBtn)
	if im.preview == nil || im.replaceMonth.Visible() {
		t.Errorf("a ledger offers replacing a month: %v %q", im.replaceMonth.Visible(), im.problems.Text)
	}
}

// A revenue workbook whose inpatient group header is missing: the preview
// places every column, shows the sheet's amount cells against what is
// imported, and names each stated total that disagrees.
func TestImportScreenReconcilesRevenueWorkbook(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "empty.db"), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
	s.Show(SectionImport)
	im := s.importer
	im.kind.SetSelected("实际数（明细账或汇总表）")
	im.path.SetText(filepath.Join(samples, "revenue_family", "bad_subtotals.xlsx"))
	im.year.SetText("2020")
	im.createMissing.SetChecked(true)
	test.Tap(im.previewBtn)
	if im.preview == nil || im.preview.Revenue.Fen() != 44225237727 {
		t.Fatalf("preview %+v: %s %s", im.preview, im.summary.Text, im.problems.Text)
	}
	if !hasText(im.summary, "金额单元格之和 ¥442,252,377.27") || !hasText(im.summary, "导入各行之和 ¥442,252,377.27") {
		t.Errorf("no reconciliation in the preview: %q", im.summary.Text)
	}
	if !hasText(im.problems, "Sheet1!C7") || !hasText(im.problems, "Sheet1!N8") {
		t.Errorf("the disagreeing totals are not named: %q", im.problems.Text)
	}
}

// 导入 imports what was previewed, never a year typed in afterwards: any
// change of the form forgets the preview until the next one.
func TestImportScreenImportsOnlyWhatWasPreviewed(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "empty.db"), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_long_title_rows.xlsx"))
	im.year.SetText("2025")
	test.Tap(im.previewBtn)
	if im.preview == nil || im.confirm.Disabled() {
		t.Fatalf("no preview: %s", im.problems.Text)
	}
	im.year.SetText("2031")
	if im.preview != nil || !im.confirm.Disabled() || !hasText(im.summary, "重新预览") {
		t.Errorf("the preview of 2025 still stands for 2031: %q", im.summary.Text)
	}
	test.Tap(im.confirm) // disabled: nothing happens
	im.runImport()       // and even when called, it imports nothing
	for _, y := range []int{2025, 2031} {
		if ok, _ := s.svc.Store.BudgetExists(context.Background(), y); ok {
			t.Errorf("a budget of %d was imported without a preview of it", y)
		}
	}
	test.Tap(im.previewBtn)
	test.Tap(im.confirm)
	if ok, _ := s.svc.Store.BudgetExists(context.Background(), 2031); !ok {
		t.Errorf("the previewed 2031 import did not run: %s", im.result.Text)
	}
}
