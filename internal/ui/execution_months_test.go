package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Issue 16: the demo's 2026 actuals stop at September. The Execution
// screen offers the month-ends 1月 … 9月 only and says where the actuals
// stop; the complete year 2025 offers all twelve.
func TestMonthChoiceStopsAtTheLastMonthWithActuals(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.win.Resize(fyne.NewSize(1366, 768))
	s.year = 2026
	e := s.execution
	e.monthChosen = 0
	e.Refresh()
	if got := e.month.Options; len(got) != 9 || got[0] != kit.MonthName(1) || got[8] != kit.MonthName(9) {
		t.Fatalf("2026 offers %v, want 1月 … 9月", got)
	}
	if e.month.Selected != kit.MonthName(9) || e.ex.Month != 9 {
		t.Errorf("selected %q (month %d), want the latest, 9月", e.month.Selected, e.ex.Month)
	}
	if !strings.Contains(e.through.Text, "实际数已导入至 9") || !e.through.Visible() {
		t.Errorf("beside the month choice: %q", e.through.Text)
	}
	if !strings.Contains(strings.Join(texts(e.root), "\n"), "实际数已导入至 9") {
		t.Error("the window does not show where the actuals stop")
	}
	// A month chosen in 2025 beyond September falls back to the latest.
	s.year = 2025
	e.monthChosen = 12
	e.Refresh()
	if len(e.month.Options) != 12 || e.ex.Month != 12 {
		t.Fatalf("2025 offers %d months, shows month %d", len(e.month.Options), e.ex.Month)
	}
	s.year = 2026
	e.Refresh()
	if e.ex.Month != 9 || len(e.month.Options) != 9 {
		t.Errorf("back in 2026: month %d, %d months offered", e.ex.Month, len(e.month.Options))
	}
}

// Issue 16: a pace is never red. At September 2026 设备科 is 慢于序时 with
// the status 正常: its pace column is amber, as in the 预警 tab, and the
// table's first row is the hospital total 全院合计, not 000 全院.
func TestPaceIsAmberNeverRed(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.year = 2026
	e := s.execution
	e.monthChosen = 9
	e.Refresh()
	e.goTo("", "")
	if name, _, _ := e.table.cells(0, 1); name != "全院合计" {
		t.Errorf("total row is %q, want 全院合计", name)
	}
	found := false
	for r := 0; r < e.table.rows; r++ {
		_, _, pace := e.table.cells(r, 6)
		if pace == widget.DangerImportance {
			name, _, _ := e.table.cells(r, 1)
			t.Errorf("%s: pace coloured red", name)
		}
		if e.table.codes[r] == "502" {
			found = true
			if pace != widget.WarningImportance {
				t.Errorf("设备科 pace importance %v, want amber", pace)
			}
			if st, _, imp := e.table.cells(r, len(figureHeader)-1); st != "正常" || imp != widget.SuccessImportance {
				t.Errorf("设备科 status %q %v", st, imp)
			}
		}
		if e.table.codes[r] == "000" {
			if name, _, _ := e.table.cells(r, 1); name != "全院" {
				t.Errorf("000 is named %q", name)
			}
		}
	}
	if !found {
		t.Error("设备科 not in the table")
	}
}

// Issue 16: 执行最快的科室 is not praise: at September 2026 儿科 and 新生儿科
// lead it and say that they are 超支预警, as the table does.
func TestFastestDepartmentsShowTheirStatus(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.year = 2026
	d := s.dashboard
	d.month = 9
	d.Refresh()
	shown := strings.Join(texts(d.ahead), "\n")
	for _, want := range []string{"儿科", "新生儿科", "超支预警"} {
		if !strings.Contains(shown, want) {
			t.Errorf("执行最快的科室 does not show %s:\n%s", want, shown)
		}
	}
}
