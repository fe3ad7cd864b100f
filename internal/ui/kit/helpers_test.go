package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walk, texts and hasText are the screen tests' helpers (ui/helpers_test.go).
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			walk(child, visit)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			walk(child, visit)
		}
	}
}

// texts collects every visible text under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *ElidedLabel:
			out = append(out, w.Text)
		case *DetailLabel:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *canvas.Text:
			out = append(out, w.Text)
		case *widget.RadioGroup:
			out = append(out, w.Options...)
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
		}
		return true
	})
	return out
}

func hasText(o fyne.CanvasObject, want string) bool {
	for _, s := range texts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
