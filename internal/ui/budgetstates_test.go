package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The import screen refuses a budget for a year whose preparation cycle
// is running, says what to do, and writes nothing.
func TestImportScreenRefusesYearWithOpenCycle(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	ctx := context.Background()
	if _, err := s.svc.Budgets.OpenCycle(ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_long_title_rows.xlsx"))
	im.year.SetText("2027")
	test.Tap(im.previewBtn)
	if im.preview != nil || !strings.Contains(im.problems.Text, "预算编制正在进行中") || !strings.Contains(im.problems.Text, "完成编制") ||
		!strings.Contains(im.problems.Text, "预算编制 › 取消本年度编制") {
		t.Errorf("preview %v, problems %q", im.preview != nil, im.problems.Text)
	}
	if ok, _ := s.svc.Store.BudgetExists(ctx, 2027); ok {
		t.Error("a budget was written into the cycle's year")
	}
	if st, _ := s.svc.Budgets.Status(ctx, s.actor, 2027); !st.Opened || st.Locked() || st.ApprovedBudget {
		t.Errorf("the cycle changed: %+v", st.Cycle)
	}
}

// The window opens on the calendar year, not on a later year that has a
// budget already.
func TestWindowOpensOnTheCurrentYear(t *testing.T) {
	now := time.Now().Year()
	path := demoDB(t, now)
	s, _ := startApp(t, path, "zh")
	if s.year != now {
		t.Errorf("opened on %d, want %d", s.year, now)
	}
	for _, c := range []struct {
		years []int
		want  int
	}{{nil, 2026}, {[]int{2027, 2026, 2025}, 2026}, {[]int{2027, 2025}, 2025}, {[]int{2027}, 2026}} {
		if got := kit.OpeningYear(2026, func() ([]int, error) { return c.years, nil }); got != c.want {
			t.Errorf("budgets %v: opens on %d, want %d", c.years, got, c.want)
		}
	}
}
