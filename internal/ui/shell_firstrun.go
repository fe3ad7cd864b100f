package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// offerDemoIfEmpty asks, on a database without a hospital, whether to load
// the demo hospital so that a new user sees every screen with real figures.
func (s *Shell) offerDemoIfEmpty() {
	if s.svc == nil {
		return // a server waiting for its sign-in
	}
	empty, err := s.svc.Master.IsEmpty(s.ctx, s.actor)
	if err != nil || !empty {
		return
	}
	d := dialog.NewConfirm(i18n.T("firstrun.title"), i18n.T("firstrun.message"), func(ok bool) {
		if !ok {
			s.offerFirstAdmin() // protect the new database with an account
			return
		}
		s.loadDemo(s.offerFirstAdmin) // then protect it with an account
	}, s.win)
	d.SetConfirmText(i18n.T("firstrun.load"))
	d.SetDismissText(i18n.T("firstrun.skip"))
	d.Show()
}

// loadDemo loads the demo hospital for the current calendar year in the
// background (it writes two years of figures), shows it, then calls then,
// loaded or not.
func (s *Shell) loadDemo(then func()) {
	year := time.Now().Year()
	svc := s.svc
	j := kit.Job{Title: i18n.T("run.demo"), Key: "demo", Always: func(error) { then() }}
	run(s, j, func(ctx context.Context, _ kit.Progress) (demo.Loaded, error) {
		return svc.LoadDemo(ctx, s.actor, year)
	}, func(demo.Loaded) {
		s.year = year
		s.Rebuild()
	})
}
