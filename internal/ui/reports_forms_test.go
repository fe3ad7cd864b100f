package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// The Reports screen writes the bureau's forms: a project's declaration as
// a workbook, the monitoring form at the chosen month-end as a PDF; a form
// the data cannot give yet is refused in words and writes nothing.
func TestReportsScreenWritesForms(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2026)
	s.Show(SectionReports)
	p := s.reports.forms
	if len(p.project.Options) != 8 || p.month.SelectedIndex() != 8 {
		t.Fatalf("projects %q, month %d", p.project.Options, p.month.SelectedIndex()+1)
	}
	p.project.SetSelectedIndex(1)
	if !strings.HasSuffix(p.path.Text, "target-declaration-2026-"+p.codes[0]+".xlsx") {
		t.Errorf("default file %q", p.path.Text)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "declaration.xlsx")
	p.path.SetText(out)
	test.Tap(p.generate)
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Fatalf("no workbook: %v (%s)", err, p.result.Text)
	}
	if p.open.Disabled() || !strings.Contains(p.result.Text, out) {
		t.Errorf("after writing: %q", p.result.Text)
	}

	p.kind.SetSelected(i18n.T("reports.form.performance-monitoring"))
	p.format.SetSelected(i18n.T("reports.forms.pdf"))
	if p.month.Disabled() {
		t.Error("no month for the monitoring form")
	}
	p.month.SetSelectedIndex(5)
	pdf := filepath.Join(dir, "monitoring.pdf")
	p.path.SetText(pdf)
	test.Tap(p.generate)
	if data, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("no PDF: %v (%s)", err, p.result.Text)
	}

	p.kind.SetSelected(i18n.T("reports.form.self-evaluation"))
	bad := filepath.Join(dir, "self.xlsx")
	p.path.SetText(bad)
	test.Tap(p.generate)
	if _, err := os.Stat(bad); err == nil || !strings.Contains(p.result.Text, "尚无2026年度评价") {
		t.Errorf("an unevaluated project's form: %v, %q", err, p.result.Text)
	}
}
