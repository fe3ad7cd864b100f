package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// startApp opens the shell on a test app in lang. The day's check runs
// before Start returns (dailyNow), so screens do not change under a test;
// settings_daily_test.go runs it in the background as the program does.
// Background jobs run on the test's goroutine (runner.sync), so a test
// sees an action's result when the action returns; the backup, restore
// and responsiveness tests turn it off to run them as the program does.
func startApp(t *testing.T, dbPath, lang string) (*Shell, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	s := Start(a, Options{DBPath: dbPath, Lang: lang, Version: "test", runDaily: dailyNow})
	s.runs.sync = true
	t.Cleanup(func() { s.win.Close() })
	return s, a
}

// dailyNow runs the day's check at once instead of in the background.
func dailyNow(st *store.Store, done func(store.DailyStatus)) {
	if r := st.DailyCheck(context.Background()); r.State == store.DailyDone {
		done(r)
	}
}

func closeOverlays(s *Shell) {
	for top := s.win.Canvas().Overlays().Top(); top != nil; top = s.win.Canvas().Overlays().Top() {
		s.win.Canvas().Overlays().Remove(top)
	}
}

// The screens' tests share their helpers (package probe).
var (
	walk       = probe.Walk
	texts      = probe.Texts
	hasText    = probe.HasText
	findButton = probe.FindButton
	findForms  = probe.FindForms
	entriesIn  = probe.EntriesIn
	tapButton  = probe.TapButton
	demoDB     = probe.DemoDB
)
