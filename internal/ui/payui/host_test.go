package payui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// testHost is the window as the bonus screen sees it, the way the shell
// (package ui) is. Background jobs run on the test's goroutine, so a test
// sees a result when its tap returns.
type testHost struct {
	ctx   context.Context
	actor domain.Actor
	svc   *services.Services
	year  int
	win   fyne.Window
	bonus *BonusScreen
}

func (h *testHost) Ctx() context.Context                  { return h.ctx }
func (h *testHost) Actor() domain.Actor                   { return h.actor }
func (h *testHost) Services() *services.Services          { return h.svc }
func (h *testHost) Year() int                             { return h.year }
func (h *testHost) Window() fyne.Window                   { return h.win }
func (h *testHost) ChooseFile(_ []string, _ func(string)) {}
func (h *testHost) SaveFile(_, _ string, _ func(string))  {}

func (h *testHost) ShowError(err error) {
	dialog.ShowError(errors.New(i18n.Message(err)), h.win)
}

// Run runs work at once and reports its outcome as the shell's runner does.
func (h *testHost) Run(j kit.Job, work func(ctx context.Context, progress kit.Progress) (any, error), done func(any)) bool {
	v, err := work(h.ctx, func(int, int) {})
	switch {
	case err == nil:
		if done != nil {
			done(v)
		}
	case j.Failed != nil:
		j.Failed(err)
	default:
		h.ShowError(err)
	}
	if j.Always != nil {
		j.Always(err)
	}
	return true
}

// setYear shows year, as the shell's year picker does.
func (h *testHost) setYear(year int) {
	h.year = year
	h.bonus.Refresh()
}

// startApp opens dbPath on a test app in lang as the shell does, with the
// bonus screen in the window.
func startApp(t *testing.T, dbPath, lang string) (*testHost, fyne.App) {
	t.Helper()
	a, svc, year := probe.OpenApp(t, dbPath, lang)
	h := &testHost{ctx: context.Background(), actor: domain.LocalUser, svc: svc, year: year}
	h.win = a.NewWindow("BudgetPerf")
	h.win.Resize(fyne.NewSize(1366, 768))
	h.bonus = NewScreen(h)
	h.win.SetContent(h.bonus.Root)
	h.bonus.Refresh()
	h.win.Show()
	t.Cleanup(func() { h.win.Close() })
	return h, a
}

var demoDB = probe.DemoDB

// confirmTop taps the confirming (highlighted) button of the dialog on top.
func confirmTop(t *testing.T, s *testHost) {
	t.Helper()
	probe.ConfirmTop(t, s.win)
}
