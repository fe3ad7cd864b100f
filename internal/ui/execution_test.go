package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// rowOf finds the table row that opens code.
func rowOf(t *testing.T, e *ExecutionScreen, code string) int {
	t.Helper()
	for i, c := range e.table.codes {
		if c == code {
			return i
		}
	}
	t.Fatalf("no row opens %q among %v", code, e.table.codes)
	return -1
}

// The Execution screen on the demo hospital: month-end 9, drill hospital →
// department → subject → ledger lines and back by the breadcrumb.
func TestExecutionDrillDown(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionExecution)
	e := s.execution
	if e.ex.Month != 9 || e.month.Selected != "9月" {
		t.Fatalf("month-end %d, selector %q", e.ex.Month, e.month.Selected)
	}
	if e.table.rows != len(e.ex.Departments)+1 {
		t.Errorf("hospital level lists %d rows for %d departments", e.table.rows, len(e.ex.Departments))
	}
	if text, _, _ := e.table.cells(0, 4); text != kit.Wan(e.ex.Total.Expenditure.Actual) {
		t.Errorf("total row actual %q", text)
	}
	if !hasText(e.summary, "序时进度 75.0%") {
		t.Errorf("summary %q", e.summary.Text)
	}

	// Department: 儿科 (103).
	e.table.table.Select(widget.TableCellID{Row: rowOf(t, e, "103"), Col: 1})
	d, _ := e.ex.Department("103")
	if e.dept != "103" || !hasText(e.crumbs, "儿科") {
		t.Fatalf("did not drill to 儿科: %q %q", e.dept, texts(e.crumbs))
	}
	var exp int
	for _, sr := range d.Subjects {
		if sr.Kind == domain.Expenditure {
			exp++
		}
	}
	if e.table.rows != exp+1 {
		t.Errorf("儿科 shows %d rows for %d expenditure subjects", e.table.rows, exp)
	}

	// Subject: its ledger lines (monthly totals in the demo), nine months.
	subject := d.Subjects[0].Code
	e.table.table.Select(widget.TableCellID{Row: rowOf(t, e, subject), Col: 1})
	if e.subject != subject || e.table.rows != 9 {
		t.Fatalf("ledger of %s: subject %q, %d rows", subject, e.subject, e.table.rows)
	}
	if text, _, _ := e.table.cells(0, 0); text != "1月" {
		t.Errorf("first ledger line month %q", text)
	}

	// Back to the department by the breadcrumb.
	tapButton(t, e.crumbs, "儿科")
	if e.subject != "" || e.dept != "103" {
		t.Errorf("breadcrumb went to %q/%q", e.dept, e.subject)
	}
	tapButton(t, e.crumbs, "全院合计")
	if e.dept != "" {
		t.Errorf("breadcrumb to the hospital left %q", e.dept)
	}

	// Another month-end and revenue.
	e.month.SetSelected("6月")
	if e.ex.Month != 6 || e.ex.TimeProgress != 0.5 {
		t.Errorf("month-end 6: %d %v", e.ex.Month, e.ex.TimeProgress)
	}
	e.kind.SetSelected("收入")
	if e.kindShown != domain.Revenue {
		t.Fatal("revenue not shown")
	}
	if text, _, _ := e.table.cells(0, 4); text != kit.Wan(e.ex.Total.Revenue.Actual) {
		t.Errorf("revenue total row %q", text)
	}
}

// Alerts lead to what they are about.
func TestExecutionAlertsOpenTheirDetail(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionExecution)
	e := s.execution
	if len(e.ex.Alerts) == 0 || !hasText(e.tabs, "预警（") {
		t.Fatalf("no alerts on the demo hospital: %d", len(e.ex.Alerts))
	}
	var behind pace.Alert
	for _, a := range e.ex.Alerts {
		if a.Kind == pace.AlertDeptBehind {
			behind = a
			break
		}
	}
	e.tabs.Select(e.alertTb)
	for i, a := range e.alerts.Items() {
		if a == behind {
			e.alerts.List.Select(i)
		}
	}
	if e.dept != behind.DeptCode || e.tabs.Selected() != e.mainTab {
		t.Errorf("alert on %s opened %q", behind.DeptCode, e.dept)
	}
}
