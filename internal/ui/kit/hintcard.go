package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// HintCard is a card whose hint wraps to the card's width: a card's own
// subtitle is one line, and a long hint in English would widen the window
// past a 1366-pixel screen.
func HintCard(title, hint string, content fyne.CanvasObject) *widget.Card {
	if hint == "" {
		return widget.NewCard(title, "", content)
	}
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	return widget.NewCard(title, "", container.NewVBox(h, content))
}
