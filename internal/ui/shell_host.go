package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The Shell is the host of the area packages' screens (prep.Host): what a
// screen needs from the window, and nothing of its layout.

// Ctx is the context of the window's work.
func (s *Shell) Ctx() context.Context { return s.ctx }

// Actor is who is signed in.
func (s *Shell) Actor() domain.Actor { return s.actor }

// Year is the year the window shows.
func (s *Shell) Year() int { return s.year }

// SetYear switches the whole window to year.
func (s *Shell) SetYear(year int) { s.setYear(year) }

// Window is the main window, the parent of dialogs.
func (s *Shell) Window() fyne.Window { return s.win }

// ShowError reports err in the user's language.
func (s *Shell) ShowError(err error) { s.showError(err) }

// Refresh reloads the year list, the hospital name and every screen.
func (s *Shell) Refresh() { s.refresh() }

// BudgetChanged redraws what shows the budget outside its own screen: the
// dashboard and Execution monitoring (after an approved adjustment the
// monitor's full-year budget, plan and alerts change too).
func (s *Shell) BudgetChanged() {
	s.dashboard.Refresh()
	s.execution.Refresh()
}

// Run runs work in the background through the shell's runner (kit.Runner).
func (s *Shell) Run(j kit.Job, work func(ctx context.Context, progress kit.Progress) (any, error), done func(any)) bool {
	return run(s, j, work, done)
}

// ChooseFile asks for a file to open with one of exts and hands its path to done.
func (s *Shell) ChooseFile(exts []string, done func(path string)) { s.chooseFile(exts, done) }

// SaveFile asks where to save a file named name with extension ext.
func (s *Shell) SaveFile(name, ext string, done func(path string)) { s.saveFile(name, ext, done) }

// ChooseFolder asks for a folder and hands its path to done.
func (s *Shell) ChooseFolder(done func(dir string)) { s.chooseFolder(done) }
