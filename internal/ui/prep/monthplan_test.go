package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// openMonthlyTab shows the monthly tab of the demo's 2026 budget alone in
// the window, the way the budget screen will hold it.
func openMonthlyTab(t *testing.T) (*testHost, *MonthlyTab) {
	t.Helper()
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.year = 2026
	m := newMonthlyTab(s)
	s.win.SetContent(m.root)
	m.Refresh()
	return s, m
}

// mpSelect selects the line dept/subject in the table.
func mpSelect(t *testing.T, m *MonthlyTab, dept, subject string) {
	t.Helper()
	for i, l := range m.shown {
		if l.DeptCode == dept && l.SubjectCode == subject {
			m.table.Select(widget.TableCellID{Row: i + mpTotalRows, Col: mpColLine})
			return
		}
	}
	t.Fatalf("line %s/%s is not shown", dept, subject)
}

// mpTap taps the button labelled text in the dialog on top.
func mpTap(t *testing.T, s *testHost, text string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to tap %q", text)
	}
	b := findButton(top, text)
	if b == nil {
		t.Fatalf("no button %q among %q", text, texts(top))
	}
	test.Tap(b)
}

func TestMonthlyTabShowsThePlan(t *testing.T) {
	_, m := openMonthlyTab(t)
	if len(m.shown) < 100 {
		t.Fatalf("%d lines shown", len(m.shown))
	}
	// The year at a glance: twelve months in 万元 beside the line and its
	// annual budget; a half year in 元 exact to the fen.
	if got := m.header(mpColMonth); got != "1月" {
		t.Errorf("month header %q", got)
	}
	if got := m.header(m.colMethod() - 1); got != "12月" {
		t.Errorf("last month header %q", got)
	}
	if got := m.header(mpColAnnual); got != "全年（万元）" {
		t.Errorf("annual header %q", got)
	}
	// The totals rows come first and add up the lines.
	if text, _ := m.cell(0, mpColLine); text != "支出合计" {
		t.Errorf("first row %q", text)
	}
	if text, align := m.cell(0, mpColAnnual); text != kit.Wan(m.expenditure.Annual) || align != fyne.TextAlignTrailing {
		t.Errorf("total %q align %v", text, align)
	}
	m.view.SetSelectedIndex(int(mpSecondHalf))
	if got := m.header(mpColMonth); got != "7月" || m.colMethod() != mpColMonth+6 {
		t.Errorf("second half starts with %q, method column %d", got, m.colMethod())
	}
	if text, _ := m.cell(0, mpColAnnual); text != money.FormatPlain(m.expenditure.Annual) || !strings.Contains(text, ",") {
		t.Errorf("exact total %q", text)
	}
	if text, _ := m.cell(0, mpColMonth); text != money.FormatPlain(m.expenditure.Months[6]) {
		t.Errorf("July total %q, want %s", text, money.FormatPlain(m.expenditure.Months[6]))
	}
	m.view.SetSelectedIndex(int(mpYear))
	m.deptFilter.SetSelected("101 产科")
	for _, l := range m.shown {
		if l.DeptCode != "101" {
			t.Fatalf("the filter shows %s", l.DeptCode)
		}
	}
	// With one department picked a line names its subject alone.
	if text, _ := m.cell(mpTotalRows, mpColLine); text != kit.PickName(m.shown[0].SubjectName, m.shown[0].SubjectNameEn) {
		t.Errorf("line of one department %q", text)
	}
	n := len(m.shown)
	m.search.SetText("卫生材料收入")
	if len(m.shown) != 1 || m.shown[0].SubjectCode != "4101010208" || len(m.shown) >= n {
		t.Errorf("search shows %d of %d lines: %+v", len(m.shown), n, m.shown)
	}
	if !m.manual.Disabled() {
		t.Error("manual split enabled without a selected line")
	}
}

func TestManualSplitThroughTheDialog(t *testing.T) {
	s, m := openMonthlyTab(t)
	changed := 0
	m.OnPlanChanged = func() { changed++ }
	m.deptFilter.SetSelected("101 产科")
	mpSelect(t, m, "101", "30218")
	test.Tap(m.manual)
	d := m.editor
	if d == nil || s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the manual split dialog did not open")
	}
	annual := d.line.Annual
	if !hasText(s.win.Canvas().Overlays().Top(), "差额：0.00 元") {
		t.Errorf("a stored split should show no difference: %q", d.diff.Text)
	}
	// Accountant input: separators and 万.
	// Typing replaces the figure in a cell, as in a spreadsheet.
	test.Type(d.entries[0], "12.3万")
	if d.entries[0].Text != "12.3万" {
		t.Fatalf("typing gave %q", d.entries[0].Text)
	}
	d.entries[1].SetText("1,234.5")
	for i := 3; i < 12; i++ {
		d.entries[i].SetText("0")
	}
	if !strings.Contains(d.diff.Text, "差额：") || d.diff.Text == "差额：0.00 元，各月合计与全年预算一致。" || d.diff.Importance != widget.DangerImportance {
		t.Errorf("live difference %q", d.diff.Text)
	}
	d.entries[2].SetText("abc")
	if !strings.Contains(d.problem.Text, "3月：“abc”不是金额") {
		t.Errorf("bad month not explained: %q", d.problem.Text)
	}
	d.entries[2].SetText("0")

	// Save is refused while the months do not add up.
	mpTap(t, s, "保存")
	if !strings.Contains(d.problem.Text, "未保存") || !strings.Contains(d.problem.Text, "全年预算") {
		t.Errorf("refusal not shown: %q", d.problem.Text)
	}
	if l, _ := s.svc.Store.PlanLine(context.Background(), 2026, "101", "30218"); l.Method == domain.SplitMethodManual {
		t.Fatal("an unbalanced split was saved")
	}
	if changed != 0 {
		t.Error("a refused split told the other screens the plan changed")
	}

	// The remainder goes into December, and then it saves.
	mpTap(t, s, "差额计入12月")
	if d.diff.Importance != widget.SuccessImportance {
		t.Fatalf("still unbalanced: %q", d.diff.Text)
	}
	mpTap(t, s, "保存")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the dialog stayed open: %q", texts(top))
	}
	l, err := s.svc.Store.PlanLine(context.Background(), 2026, "101", "30218")
	if err != nil || l.Method != domain.SplitMethodManual {
		t.Fatalf("stored %+v %v", l, err)
	}
	if changed != 1 {
		t.Errorf("the plan-changed hook ran %d times after the save, want 1 (dashboard and Execution reload)", changed)
	}
	want := domain.Months{123_000_00, 1_234_50}
	want, _ = domain.BalanceIntoDecember(annual, want)
	if l.Months != want {
		t.Errorf("stored months %v, want %v", l.Months, want)
	}
	// The table shows the new split, exact in the first half year.
	m.view.SetSelectedIndex(int(mpFirstHalf))
	for i, x := range m.shown {
		if x.DeptCode == "101" && x.SubjectCode == "30218" {
			if text, _ := m.cell(i+mpTotalRows, mpColMonth); text != "123,000.00" {
				t.Errorf("January shows %q", text)
			}
			if text, _ := m.cell(i+mpTotalRows, m.colMethod()); text != "手工" {
				t.Errorf("method shows %q", text)
			}
		}
	}
}

func TestPastedRowFillsTheMonths(t *testing.T) {
	s, m := openMonthlyTab(t)
	mpSelect(t, m, "101", "30218")
	test.Tap(m.manual)
	d := m.editor
	d.entries[0].SetText("1\t2\t3,000")
	if d.entries[0].Text != "1.00" || d.entries[1].Text != "2.00" || d.entries[2].Text != "3,000.00" {
		t.Errorf("pasted row: %q %q %q", d.entries[0].Text, d.entries[1].Text, d.entries[2].Text)
	}
	mpTap(t, s, "取消")
}

func TestSplitAllByPriorYearFromTheButtons(t *testing.T) {
	s, m := openMonthlyTab(t)
	changed := 0
	m.OnPlanChanged = func() { changed++ }
	test.Tap(m.priorAll)
	mpTap(t, s, "分解")
	if changed != 1 {
		t.Errorf("the plan-changed hook ran %d times, want 1", changed)
	}
	if !strings.Contains(m.status.Text, "按 2025 年同期分解") {
		t.Errorf("status %q", m.status.Text)
	}
	prior := 0
	for _, l := range m.shown {
		if l.Method == domain.SplitMethodPrior {
			prior++
		}
	}
	if prior < len(m.shown)/2 {
		t.Errorf("only %d of %d lines follow the prior year", prior, len(m.shown))
	}
	test.Tap(m.evenAll)
	mpTap(t, s, "分解")
	for _, l := range m.shown {
		if l.Method != domain.SplitMethodEven {
			t.Fatalf("%s/%s not even", l.DeptCode, l.SubjectCode)
		}
	}
}

func TestMonthlyTabWithoutBudget(t *testing.T) {
	s, m := openMonthlyTab(t)
	s.year = 2031
	m.Refresh()
	if len(m.shown) != 0 || !strings.Contains(m.status.Text, "2031") || !m.evenAll.Disabled() {
		t.Errorf("no-budget state: %d lines, %q", len(m.shown), m.status.Text)
	}
}

// On a 1366×768 screen (the table 1140 pixels wide beside the navigation)
// the year view shows the twelve months of a line beside its name and its
// annual budget, each figure whole.
func TestMonthlyYearViewFitsTwelveMonths(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		s, _ := startApp(t, demoDB(t, 2026), lang)
		s.year = 2026
		m := newMonthlyTab(s)
		s.win.SetContent(m.root)
		m.Refresh()
		s.win.Resize(fyne.NewSize(1140, 700))
		if len(m.widths) != 3 {
			t.Fatalf("%s: columns not fitted: %v", lang, m.widths)
		}
		pad := theme.Padding()
		used := m.widths[0] + m.widths[1] + 12*m.widths[2] + 14*pad + theme.ScrollBarSize()
		if used > m.table.Size().Width {
			t.Errorf("%s: the twelve months need %.0f px, the table has %.0f", lang, used, m.table.Size().Width)
		}
		if m.widths[0] < mpLineMin {
			t.Errorf("%s: line column %.0f px", lang, m.widths[0])
		}
		// Every total fits its column whole.
		for c := mpColAnnual; c < m.colMethod(); c++ {
			text, _ := m.cell(0, c)
			w := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*mpAmountPad
			if col := m.widths[min(c, 2)]; w > col {
				t.Errorf("%s: %q is %.0f px in a %.0f px column", lang, text, w, col)
			}
		}
	}
}
