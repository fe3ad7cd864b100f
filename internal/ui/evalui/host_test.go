package evalui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// testHost is the window as the evaluation screens see it, the way the
// shell (package ui) is: the services of a database, who is signed in,
// the year shown, and a window whose body shows a screen. Background
// jobs run on the test's goroutine (as the shell's runner does with its
// sync hook), so a test sees a result when its tap returns.
type testHost struct {
	ctx   context.Context
	actor domain.Actor
	svc   *services.Services
	year  int
	win   fyne.Window
	body  *fyne.Container

	evaluation *EvaluationScreen
	indicators *IndicatorsScreen
}

func (h *testHost) Ctx() context.Context         { return h.ctx }
func (h *testHost) Actor() domain.Actor          { return h.actor }
func (h *testHost) Services() *services.Services { return h.svc }
func (h *testHost) Year() int                    { return h.year }
func (h *testHost) Window() fyne.Window          { return h.win }

func (h *testHost) ShowError(err error) {
	dialog.ShowError(errors.New(i18n.Message(err)), h.win)
}

// ChooseFile is never reached in the tests: they hand paths in directly.
func (h *testHost) ChooseFile(_ []string, _ func(string)) {}

// Run runs work at once and reports its outcome as the shell's runner does.
func (h *testHost) Run(j kit.Job, work func(ctx context.Context, progress kit.Progress) (any, error), done func(any)) bool {
	ctx, cancel := context.WithCancel(h.ctx)
	defer cancel()
	v, err := work(ctx, func(int, int) {})
	switch {
	case err == nil:
		if done != nil {
			done(v)
		}
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		if j.Cancelled != nil {
			j.Cancelled()
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

// startApp opens dbPath on a test app in lang as the shell does: the
// local administrator signed in, the calendar year (or the newest earlier
// one with a budget) shown, the two screens made and refreshed.
func startApp(t *testing.T, dbPath, lang string) (*testHost, fyne.App) {
	t.Helper()
	a, svc, year := probe.OpenApp(t, dbPath, lang)
	h := &testHost{ctx: context.Background(), actor: domain.LocalUser, svc: svc, year: year}
	h.win = a.NewWindow("BudgetPerf")
	h.win.Resize(fyne.NewSize(1366, 768))
	h.body = container.NewStack()
	h.win.SetContent(h.body)
	h.indicators = NewIndicatorsScreen(h)
	h.evaluation = NewEvaluationScreen(h)
	h.indicators.Refresh()
	h.evaluation.Refresh()
	h.win.Show()
	t.Cleanup(func() { h.win.Close() }) // before the services close (registered earlier, run later)
	return h, a
}
