// Package ui is the Fyne window: the shell (navigation, the year, the one
// runner of background work, sign-in, opening and restoring a database)
// and the screens that belong to no area package. The areas' screens live
// in ui/prep (Budget preparation) and ui/evalui (Indicators, Evaluation),
// which reach the shell through their Host interface; the reusable
// widgets, the theme and the display formats are ui/kit. It does not
// import fyne.io/fyne/v2/app, so screens are tested with
// fyne.io/fyne/v2/test without a display.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Start opens the main window on a and shows it; the caller runs the app.
func Start(a fyne.App, opts Options) *Shell {
	a.Settings().SetTheme(kit.NewTheme())
	lang := opts.Lang
	if lang == "" {
		lang = a.Preferences().String(prefLanguage)
	}
	if err := kit.UseLanguage(lang); err != nil {
		fyne.LogError("loading translations", err)
	}
	win := a.NewWindow("BudgetPerf")
	win.Resize(fyne.NewSize(1366, 768))
	win.SetMaster()
	// Ctrl+Q (Cmd+Q on macOS) closes the application, as in office programs.
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { a.Quit() })
	s := NewShell(a, win, opts)
	// Opened with a backup, the window offers to restore it rather than the demo.
	if err := s.Open(s.DatabasePath()); err == nil && opts.RestoreFile == "" {
		s.offerDemoIfEmpty()
	}
	win.Show()
	return s
}
