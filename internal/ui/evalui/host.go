// Package evalui is the evaluation area of the window: the indicator
// library (Indicators) and the performance evaluation of departments and
// the hospital (Evaluation: the value grid, scores and scorecards, the
// national assessment values and the result-application table). Its
// screens reach the window only through Host, which the shell (package
// ui) implements; evalui never imports ui. It may import Fyne, ui/kit,
// the services and the rules.
package evalui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Host is what the evaluation screens need from the window.
type Host interface {
	Ctx() context.Context
	Actor() domain.Actor
	Services() *services.Services
	// Year is the year the window shows.
	Year() int
	// Window is the parent of dialogs.
	Window() fyne.Window
	// ShowError reports err in the user's language.
	ShowError(err error)
	// ChooseFile asks for a file to open with one of exts.
	ChooseFile(exts []string, done func(path string))
	// Run runs work in the background with progress and Cancel (kit.Run).
	kit.Runner
}
