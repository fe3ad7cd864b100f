// Package payui is the performance-pay area of the window: the year's
// allocation among departments with the public-welfare weight, its saving
// and approval, the staff split and the pay sheet. Its screen reaches the
// window only through Host, which the shell (package ui) implements;
// payui never imports ui.
package payui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Host is what the bonus screen needs from the window.
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
	// SaveFile asks where to save a file named name with extension ext.
	SaveFile(name, ext string, done func(path string))
	// Run runs work in the background with progress and Cancel (kit.Run).
	kit.Runner
}
