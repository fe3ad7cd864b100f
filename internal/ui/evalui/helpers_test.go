package evalui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walk, texts, hasText and findButton are the screen tests' helpers (as in ui/helpers_test.go).
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

// findButton finds a visible button by its text.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	return found
}

// findForms finds the forms under o.
func findForms(o fyne.CanvasObject) []*widget.Form {
	var out []*widget.Form
	walk(o, func(o fyne.CanvasObject) bool {
		if f, ok := o.(*widget.Form); ok {
			out = append(out, f)
			return false
		}
		return true
	})
	return out
}

// confirmTop taps the confirming (highlighted) button of the dialog on top.
func confirmTop(t *testing.T, s *testHost) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var confirm *widget.Button
	walk(top, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && confirm == nil && (b.Importance == widget.HighImportance || b.Importance == widget.DangerImportance) {
			confirm = b
		}
		return confirm == nil
	})
	if confirm == nil {
		t.Fatalf("the dialog has no confirm button: %q", texts(top))
	}
	test.Tap(confirm)
}

func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no button %q among %q", text, texts(o))
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// formEntries returns the entries of the form dialog on top, in order.
func formEntries(t *testing.T, s *testHost) ([]*widget.Entry, *widget.Select) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no form is open")
	}
	var entries []*widget.Entry
	var sel *widget.Select
	for _, f := range findForms(top) {
		for _, it := range f.Items {
			switch w := it.Widget.(type) {
			case *widget.Entry:
				entries = append(entries, w)
			case *widget.Select:
				sel = w
			}
		}
	}
	return entries, sel
}
