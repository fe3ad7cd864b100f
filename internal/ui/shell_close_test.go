package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Typing and then closing the window keeps what was typed.
func TestClosingTheWindowKeepsTypedFigures(t *testing.T) {
	db := demoDB(t, 2026)
	// Not startApp: its clean-up would close this window a second time.
	s := Start(test.NewTempApp(t), Options{DBPath: db, Lang: "zh", Version: "test"})
	s.setYear(2027)
	s.Show(SectionBudget)
	must(t, func() error { _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); return err }())
	s.prep.Refresh()
	s.prep.SelectDepartment("301")
	var entry *kit.AmountEntry // the first line's amount in 301's proposal grid
	walk(s.prep.Root, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*kit.AmountEntry); ok && entry == nil && !e.Disabled() {
			entry = e
		}
		return entry == nil
	})
	if entry == nil {
		t.Fatal("no amount to type into in 301's proposal")
	}
	test.Type(entry, "4,321.5")
	s.win.Close()
	s2, _ := startApp(t, db, "zh")
	p, err := s2.svc.Budgets.Proposal(s2.ctx, s2.actor, 2027, "301")
	if err != nil {
		t.Fatal(err)
	}
	typed := false
	for _, l := range p.Lines {
		typed = typed || l.Proposal == money.FromYuan(4321)+50
	}
	if !typed {
		t.Errorf("after closing, no line of 301 holds the typed 4,321.50: %+v", p.Lines)
	}
}
