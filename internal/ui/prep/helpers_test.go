package prep

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// The screens' tests share their helpers (package probe).
var (
	texts      = probe.Texts
	hasText    = probe.HasText
	findButton = probe.FindButton
	entriesIn  = probe.EntriesIn
	tapButton  = probe.TapButton
	demoDB     = probe.DemoDB
)

// confirmTop taps the confirming (highlighted) button of the dialog on top.
func confirmTop(t *testing.T, s *testHost) {
	t.Helper()
	probe.ConfirmTop(t, s.win)
}
