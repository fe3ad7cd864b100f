package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// NewSelect is widget.NewSelect with its empty text in the interface
// language: Fyne's own placeholder, "(Select one)", is a constant that
// its translations do not reach.
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = i18n.T("select.placeholder")
	return s
}

// SelectWidth is the width of a picker that shows the longest of options
// whole: the text, its padding and the drop-down arrow.
func SelectWidth(options []string) float32 {
	var w float32
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 4*theme.InnerPadding() + theme.IconInlineSize()
}
