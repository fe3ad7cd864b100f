package prep

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

// SectionBudget is the shell's name of this area (ui.SectionBudget).
const SectionBudget = "budget"

// testHost is the window as the preparation screens see it, the way the
// shell (package ui) is: the services of a database, who is signed in,
// the year shown and the window; Refresh and setYear reload the screen.
type testHost struct {
	ctx   context.Context
	actor domain.Actor
	svc   *services.Services
	year  int
	win   fyne.Window
	prep  *Screen
	// folder is what ChooseFolder answers.
	folder string
}

func (h *testHost) Ctx() context.Context         { return h.ctx }
func (h *testHost) Actor() domain.Actor          { return h.actor }
func (h *testHost) Services() *services.Services { return h.svc }
func (h *testHost) Year() int                    { return h.year }
func (h *testHost) SetYear(year int)             { h.setYear(year) }
func (h *testHost) Window() fyne.Window          { return h.win }
func (h *testHost) BudgetChanged()               {}

// ChooseFolder gives the folder a test set, as if the user chose it.
func (h *testHost) ChooseFolder(done func(dir string)) {
	if h.folder != "" {
		done(h.folder)
	}
}

// Run runs work at once, as the shell's runner does in tests.
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

func (h *testHost) ShowError(err error) {
	dialog.ShowError(errors.New(i18n.Message(err)), h.win)
}

func (h *testHost) Refresh() {
	if h.prep != nil {
		h.prep.Refresh()
	}
}

// setYear switches to year as the shell does: what is typed is saved first.
func (h *testHost) setYear(year int) {
	if h.prep != nil {
		h.prep.Flush()
	}
	h.year = year
	h.Refresh()
}

// Show puts the budget screen in the window (the shell's Show(SectionBudget)).
func (h *testHost) Show(section string) {
	if section == SectionBudget {
		h.win.SetContent(h.prep.Root)
	}
}

// startApp opens dbPath on a test app in lang as the shell does: the
// local administrator signed in, the calendar year (or the newest earlier
// one with a budget) shown, the budget screen made and refreshed.
func startApp(t *testing.T, dbPath, lang string) (*testHost, fyne.App) {
	t.Helper()
	a, svc, year := probe.OpenApp(t, dbPath, lang)
	h := &testHost{ctx: context.Background(), actor: domain.LocalUser, svc: svc, year: year}
	h.win = a.NewWindow("BudgetPerf")
	h.win.Resize(fyne.NewSize(1366, 768))
	h.prep = NewScreen(h)
	h.Refresh()
	h.win.Show()
	t.Cleanup(func() { h.win.Close() }) // before the services close (registered earlier, run later)
	return h, a
}
