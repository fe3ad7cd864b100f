package evalui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// formEntries returns the entries of the form dialog on top, in order.
func formEntries(t *testing.T, s *testHost) ([]*widget.Entry, *widget.Select) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no form is open")
	}
	var entries []*widget.Entry
	var sel *widget.Select
	for _, f := range findForms(top) {
		for _, it := range f.Items {
			switch w := it.Widget.(type) {
			case *widget.Entry:
				entries = append(entries, w)
			case *widget.Select:
				sel = w
			}
		}
	}
	return entries, sel
}

// The screens' tests share their helpers (package probe).
var (
	texts      = probe.Texts
	hasText    = probe.HasText
	findButton = probe.FindButton
	findForms  = probe.FindForms
	tapButton  = probe.TapButton
	demoDB     = probe.DemoDB
)

// confirmTop taps the confirming (highlighted) button of the dialog on top.
func confirmTop(t *testing.T, s *testHost) {
	t.Helper()
	probe.ConfirmTop(t, s.win)
}
