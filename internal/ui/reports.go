package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ReportsScreen lets the user choose a report and its period, generate the
// PDF and open it in the system viewer.
type ReportsScreen struct {
	shell *Shell
	root  fyne.CanvasObject
}

func newReportsScreen(s *Shell) *ReportsScreen {
	return &ReportsScreen{shell: s, root: widget.NewLabel("")}
}

// Refresh follows the shell's year.
func (r *ReportsScreen) Refresh() {}
