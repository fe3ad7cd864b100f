package ui

import (
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// offerDemoIfEmpty asks, on a database without a hospital, whether to load
// the demo hospital so that a new user sees every screen with real figures.
func (s *Shell) offerDemoIfEmpty() {
	empty, err := s.svc.Master.IsEmpty(s.ctx, s.actor)
	if err != nil || !empty {
		return
	}
	d := dialog.NewConfirm(i18n.T("firstrun.title"), i18n.T("firstrun.message"), func(ok bool) {
		if ok {
			s.loadDemo()
		}
		s.offerFirstAdmin() // then protect the new database with an account
	}, s.win)
	d.SetConfirmText(i18n.T("firstrun.load"))
	d.SetDismissText(i18n.T("firstrun.skip"))
	d.Show()
}

// loadDemo loads the demo hospital for the current calendar year.
func (s *Shell) loadDemo() {
	year := time.Now().Year()
	if _, err := s.svc.LoadDemo(s.ctx, s.actor, year); err != nil {
		s.showError(err)
		return
	}
	s.year = year
	s.Rebuild()
}
