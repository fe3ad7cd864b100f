package kit

import (
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
