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

// cancelStep checks that the dialog on top of an irreversible step names
// its consequence (want) and has a button named by the action beside
// 取消, then taps 取消.
func cancelStep(t *testing.T, s *testHost, action, want string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s acts without asking", action)
	}
	if !hasText(top, want) || findButton(top, action) == nil || findButton(top, "取消") == nil {
		t.Fatalf("the %s dialog does not name its consequence %q with %s / 取消: %q", action, want, action, texts(top))
	}
	tapButton(t, top, "取消")
}
