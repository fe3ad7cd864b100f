package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FigureCard is one headline figure: a caption, a large value and a note.
type FigureCard struct {
	title *widget.Label
	value *canvas.Text
	note  *widget.Label
	Root  fyne.CanvasObject
}

// Value is the figure shown.
func (c *FigureCard) Value() string { return c.value.Text }

// NewFigureCard makes a card captioned title.
func NewFigureCard(title string) *FigureCard {
	c := &FigureCard{
		title: widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		value: canvas.NewText("—", theme.Color(theme.ColorNameForeground)),
		note:  widget.NewLabel(""),
	}
	c.value.TextSize = 26
	c.value.TextStyle = fyne.TextStyle{Bold: true}
	c.note.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 6
	c.Root = container.NewStack(bg, container.NewPadded(container.NewVBox(c.title, container.New(layout.NewCustomPaddedLayout(0, 0, theme.InnerPadding(), 0), c.value), c.note)))
	return c
}

// Set shows value and note; col colours the value (nil for the default).
func (c *FigureCard) Set(value, note string, col color.Color) {
	if col == nil {
		col = theme.Color(theme.ColorNameForeground)
	}
	c.value.Text = value
	c.value.Color = col
	c.value.Refresh()
	c.note.SetText(note)
}
