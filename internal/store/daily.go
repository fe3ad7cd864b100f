package store

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// The day's check: on the first start of a day the full integrity_check
// runs and, when the file is sound, the day's automatic backup is taken.
// On a large database that takes a minute, so Open only notes that it is
// due (afterOpen); the GUI runs it in the background once the window is up
// (StartDailyCheck), the CLI where it chooses to wait (DailyCheck). Both
// are read transactions in WAL mode: others keep writing meanwhile. Close
// cancels a running check and waits for it; an interrupted backup leaves
// no file (BackupTo removes its temporary file), so the next start, which
// finds no daily backup of today, checks again.

// DailyState is where the day's check stands.
type DailyState int

const (
	DailyNotDue  DailyState = iota // done earlier today, or a brand-new file
	DailyDue                       // due and not started (or cancelled)
	DailyRunning                   // running now
	DailyDone                      // finished: Backup or Err says how
)

// DailyStatus is the day's check as this session knows it.
type DailyStatus struct {
	State  DailyState
	Backup string // the day's backup it wrote
	Err    error  // a damaged database (problem.backup.damaged_db) or a failed backup
}

// DailyCheckStatus is where the day's check stands now.
func (s *Store) DailyCheckStatus() DailyStatus {
	s.auto.mu.Lock()
	defer s.auto.mu.Unlock()
	return s.auto.daily
}

// beginDaily marks a due check running, to be cancelled by cancel and
// waited for by Close; false when it is not due, already runs or the
// store is closing.
func (s *Store) beginDaily(cancel context.CancelFunc) bool {
	s.auto.mu.Lock()
	defer s.auto.mu.Unlock()
	if s.auto.daily.State != DailyDue || s.auto.closing {
		return false
	}
	s.auto.daily.State = DailyRunning
	s.auto.cancel = cancel
	s.auto.wg.Add(1)
	return true
}

// DailyCheck runs the day's check and backup now, when due, and returns
// how it went; when it is not due it returns at once.
func (s *Store) DailyCheck(ctx context.Context) DailyStatus {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if s.beginDaily(cancel) {
		defer s.auto.wg.Done()
		return s.finishDaily(ctx, s.runDaily(ctx))
	}
	return s.DailyCheckStatus()
}

// StartDailyCheck runs the day's check and backup in the background, when
// due, and calls done with the result when it finished (not once Close
// began). It reports whether it started.
func (s *Store) StartDailyCheck(done func(DailyStatus)) bool {
	ctx, cancel := context.WithCancel(context.Background())
	if !s.beginDaily(cancel) {
		cancel()
		return false
	}
	go func() {
		defer s.auto.wg.Done()
		defer cancel()
		st := s.finishDaily(ctx, s.runDaily(ctx))
		if st.State == DailyDone && done != nil && ctx.Err() == nil { // not while closing
			done(st)
		}
	}()
	return true
}

// stopDaily cancels a running check and waits for it to end (Close); no
// check starts after it.
func (s *Store) stopDaily() {
	s.auto.mu.Lock()
	s.auto.closing = true
	if s.auto.cancel != nil {
		s.auto.cancel()
	}
	s.auto.mu.Unlock()
	s.auto.wg.Wait()
}

// dailyResult is what runDaily found.
type dailyResult struct {
	backup string
	err    error
}

// runDaily runs integrity_check and, on a sound file, takes the day's
// backup. A damaged database is not backed up and nothing is pruned, so
// the good backups stay until it is restored.
func (s *Store) runDaily(ctx context.Context) dailyResult {
	if detail := integrity(ctx, s.pool); detail != "" {
		if ctx.Err() != nil {
			return dailyResult{err: ctx.Err()}
		}
		return dailyResult{err: domain.NewProblem("problem.backup.damaged_db",
			"Today's check found the database {{.Path}} damaged ({{.Detail}}). No automatic backup was taken, so the good backups are all kept: restore the newest one under Settings › Data and backup before entering more work.",
			"Path", s.path, "Detail", detail)}
	}
	if err := ctx.Err(); err != nil {
		return dailyResult{err: err}
	}
	name, err := s.autoBackup(ctx, ReasonDaily, SchemaVersion())
	return dailyResult{backup: name, err: err}
}

// finishDaily records the result; a check cancelled before it finished
// is due again (the next start redoes it).
func (s *Store) finishDaily(ctx context.Context, r dailyResult) DailyStatus {
	s.auto.mu.Lock()
	defer s.auto.mu.Unlock()
	if r.err != nil && ctx.Err() != nil {
		s.auto.daily = DailyStatus{State: DailyDue}
	} else {
		s.auto.daily = DailyStatus{State: DailyDone, Backup: r.backup, Err: r.err}
	}
	return s.auto.daily
}
