package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Picking a text export shows the encoding choice and the preview names
// the detected encoding; choosing another re-reads the file at once, and a
// workbook hides the choice again.
func TestImportScreenEncodingChoice(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "empty.db"), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // decline the demo offer
	}
	s.Show(SectionImport)
	im := s.importer
	im.year.SetText("2025")
	if im.encoding.row.Visible() {
		t.Fatal("the encoding choice is shown before a text file is picked")
	}
	im.path.SetText(filepath.Join(samples, "text_budget_long_title_rows_gbk.csv"))
	if !im.encoding.row.Visible() {
		t.Fatal("no encoding choice for a CSV export")
	}
	test.Tap(im.previewBtn)
	if im.preview == nil || im.preview.Expenditure.Fen() != 9985228301 || !strings.Contains(im.summary.Text, "文本编码：GB18030（自动检测）") {
		t.Fatalf("preview %v: %q %q", im.preview, im.summary.Text, im.problems.Text)
	}
	im.encoding.sel.SetSelected("UTF-8")
	if im.preview != nil || !hasText(im.problems, "不是 UTF-8 文本") {
		t.Fatalf("read as UTF-8: %q", im.problems.Text)
	}
	im.encoding.sel.SetSelected("GB18030 (GBK)")
	if im.preview == nil || !strings.Contains(im.summary.Text, "文本编码：GB18030\n") {
		t.Fatalf("read as GB18030: %q %q", im.summary.Text, im.problems.Text)
	}
	test.Tap(im.confirm)
	if ok, _ := s.svc.Store.BudgetExists(context.Background(), 2025); !ok {
		t.Fatalf("not imported: %s", im.result.Text)
	}
	im.path.SetText(filepath.Join(samples, "budget_long_title_rows.xlsx"))
	if im.encoding.row.Visible() || im.encoding.value() != "" {
		t.Error("the encoding choice stays for a workbook")
	}
}
