// Package probe is what the window's tests share: walking a screen's
// widgets as the user sees them (texts, buttons, forms, entries), tapping
// a button or a dialog's confirm button, and a database with the demo
// hospital. Only tests import it.
package probe

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Walk visits o and everything under it that is visible; visit returns
// false to stop descending into an object.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			Walk(child, visit)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			Walk(child, visit)
		}
	}
}

// Texts collects every visible text under o.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *kit.ElidedLabel:
			out = append(out, w.Text)
		case *kit.DetailLabel:
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

// HasText reports whether a visible text under o contains want.
func HasText(o fyne.CanvasObject, want string) bool {
	for _, s := range Texts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// FindButton finds a visible button by its text.
func FindButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	return found
}

// FindForms finds the forms under o.
func FindForms(o fyne.CanvasObject) []*widget.Form {
	var out []*widget.Form
	Walk(o, func(o fyne.CanvasObject) bool {
		if f, ok := o.(*widget.Form); ok {
			out = append(out, f)
			return false
		}
		return true
	})
	return out
}

// EntriesIn lists the visible entries under o in order, amount entries too.
func EntriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	Walk(o, func(o fyne.CanvasObject) bool {
		switch e := o.(type) {
		case *widget.Entry:
			out = append(out, e)
			return false
		case *kit.AmountEntry:
			out = append(out, &e.Entry)
			return false
		case *kit.TextCell:
			out = append(out, &e.Entry)
			return false
		}
		return true
	})
	return out
}

// TapButton taps the enabled button labelled text under o.
func TapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := FindButton(o, text)
	if b == nil {
		t.Fatalf("no button %q among %q", text, Texts(o))
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// ConfirmTop taps the confirming (highlighted) button of the dialog on
// top of win.
func ConfirmTop(t *testing.T, win fyne.Window) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var confirm *widget.Button
	Walk(top, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && confirm == nil && (b.Importance == widget.HighImportance || b.Importance == widget.DangerImportance) {
			confirm = b
		}
		return confirm == nil
	})
	if confirm == nil {
		t.Fatalf("the dialog has no confirm button: %q", Texts(top))
	}
	test.Tap(confirm)
}

// DemoDB makes a database holding the demo hospital for year, without its
// year's story (the adjustments and the next year's preparation: see
// demo.BaseOnly), so that tests run those from a clean state.
func DemoDB(t *testing.T, year int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	svc, err := services.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Demo.LoadScope(context.Background(), domain.LocalUser, year, demo.BaseOnly); err != nil {
		t.Fatal(err)
	}
	return path
}

// OpenApp opens dbPath on a test app in lang as the shell does: the
// window's theme and language, the services, and the year the window
// opens on for the local administrator (kit.OpeningYear). The services
// are closed when the test ends.
func OpenApp(t *testing.T, dbPath, lang string) (fyne.App, *services.Services, int) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(kit.NewTheme())
	if err := kit.UseLanguage(lang); err != nil {
		t.Fatal(err)
	}
	svc, err := services.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	year := kit.OpeningYear(time.Now().Year(), func() ([]int, error) {
		return svc.Budgets.Years(context.Background(), domain.LocalUser)
	})
	return a, svc, year
}
