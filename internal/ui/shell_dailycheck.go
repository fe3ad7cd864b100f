package ui

import (
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// startDailyCheck runs the day's full check and backup of the open
// database in the background, so the window comes up at once however
// large the file; Settings › Data shows it running, then its result. A
// damaged database or a failed backup is also said in a dialog, since
// nobody may look at Settings. Closing the database cancels the check
// (store.Close) and the next start redoes it.
func (s *Shell) startDailyCheck() {
	svc := s.svc
	// The check is the store's own goroutine (its state shows in Settings
	// and closing the database cancels it), so it shows no progress
	// dialog; its result reaches the UI thread as the runner's do.
	done := func(st store.DailyStatus) {
		s.runs.post(func() { s.dailyFinished(svc, st) })
	}
	if s.opts.runDaily != nil {
		s.opts.runDaily(svc.Store, done)
		return
	}
	svc.Store.StartDailyCheck(done)
}

// dailyFinished shows the day's check's result, unless another database
// was opened meanwhile.
func (s *Shell) dailyFinished(svc *services.Services, st store.DailyStatus) {
	if s.svc != svc {
		return
	}
	if s.settings != nil {
		s.settings.refreshData()
	}
	if st.Err != nil {
		s.showError(st.Err)
	}
}
