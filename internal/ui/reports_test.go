package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/report"
)

// Choosing the execution report, 元 and a file, then tapping 生成 writes
// the PDF, remembers the unit and offers to open it.
func TestReportsScreenGeneratesAPDF(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2026)
	s.Show(SectionReports)
	r := s.reports
	if r.month.SelectedIndex() != 8 {
		t.Errorf("month %d proposed, want 9 (the latest with actuals)", r.month.SelectedIndex()+1)
	}
	r.kind.SetSelected(i18n.T("reports.kind.execution"))
	if r.month.Disabled() {
		t.Error("the month cannot be chosen for the execution report")
	}
	if !strings.HasSuffix(r.path.Text, "execution-2026-09.pdf") {
		t.Errorf("default file %q", r.path.Text)
	}
	r.unit.SetSelected(i18n.T("report.unit.yuan"))
	if u, _ := report.AmountUnit(s.ctx, s.svc, s.actor); u != money.Yuan {
		t.Errorf("unit %v stored, want 元", u)
	}
	out := filepath.Join(t.TempDir(), "exec.pdf")
	r.path.SetText(out)
	test.Tap(r.generate)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no PDF written: %v (%s)", err, r.result.Text)
	}
	if !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("not a PDF: %q", data[:min(len(data), 16)])
	}
	if r.open.Disabled() || !strings.Contains(r.result.Text, out) || s.runs.busy(reportJob) || r.generate.Disabled() {
		t.Errorf("after writing: open disabled %v, result %q", r.open.Disabled(), r.result.Text)
	}
	test.Tap(r.open) // the test app opens nothing, but must not fail

	// The evaluation of a year not yet evaluated is refused and writes nothing.
	r.kind.SetSelected(i18n.T("reports.kind.evaluation"))
	if !r.month.Disabled() {
		t.Error("month offered for the evaluation report")
	}
	bad := filepath.Join(t.TempDir(), "eval.pdf")
	r.path.SetText(bad)
	test.Tap(r.generate)
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused report left a file")
	}
	if !strings.Contains(r.result.Text, "2026") {
		t.Errorf("refusal not explained: %q", r.result.Text)
	}
}

// A department head reads their own departments only, so the screen says
// at once that the hospital's reports are not theirs and offers no
// Generate; signed in as someone who may, it is offered again.
func TestReportsScreenRefusesADepartmentHead(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "en")
	s.setYear(2026)
	s.actor = domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"101"}}
	s.refresh() // as after signing in
	s.Show(SectionReports)
	r := s.reports
	if !r.generate.Disabled() || !strings.Contains(r.result.Text, "department head") {
		t.Errorf("head: generate disabled %v, %q", r.generate.Disabled(), r.result.Text)
	}
	s.actor = domain.Actor{Login: "shenji", Role: domain.RoleAuditor}
	r.Refresh()
	if r.generate.Disabled() {
		t.Error("the auditor is not offered Generate")
	}
}
