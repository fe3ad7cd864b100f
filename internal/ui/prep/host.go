// Package prep is the Budget preparation area of the window: the year's
// "two ups, two downs" cycle by department (proposal grid, projects and
// their target tables), the budget office's consolidation, the monthly
// plan and the adjustments. Its screens reach the window only through
// Host, which the shell (package ui) implements; prep never imports ui.
// It may import Fyne, ui/kit, the services and the rules.
package prep

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Host is what the preparation screens need from the window.
type Host interface {
	Ctx() context.Context
	Actor() domain.Actor
	Services() *services.Services
	// Year is the year shown; SetYear switches the whole window to another.
	Year() int
	SetYear(year int)
	// Window is the parent of dialogs.
	Window() fyne.Window
	// ShowError reports err in the user's language.
	ShowError(err error)
	// Refresh reloads the year list and every screen (after approval or
	// cancelling a cycle).
	Refresh()
	// BudgetChanged redraws what shows the budget elsewhere (the dashboard,
	// Execution) after an adjustment or a change of the monthly plan.
	BudgetChanged()
	// ChooseFolder asks for a folder and hands its path to done.
	ChooseFolder(done func(dir string))
	// Run runs work in the background with progress and Cancel (kit.Run).
	kit.Runner
}
