package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// BonusScreen is the performance-bonus allocation with its public-welfare weight.
type BonusScreen struct {
	shell *Shell
	root  fyne.CanvasObject
}

func newBonusScreen(s *Shell) *BonusScreen {
	return &BonusScreen{shell: s, root: widget.NewLabel("")}
}

// Refresh follows the shell's year.
func (b *BonusScreen) Refresh() {}
