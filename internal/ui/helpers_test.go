package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// demoDB makes a database holding the demo hospital for year.
func demoDB(t *testing.T, year int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	svc, err := services.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Demo.Load(context.Background(), domain.LocalUser, year); err != nil {
		t.Fatal(err)
	}
	return path
}

// startApp opens the shell on a test app in lang. The day's check runs
// before Start returns (dailyNow), so screens do not change under a test;
// settings_daily_test.go runs it in the background as the program does.
// Background jobs run on the test's goroutine (runner.sync), so a test
// sees an action's result when the action returns; the backup, restore
// and responsiveness tests turn it off to run them as the program does.
func startApp(t *testing.T, dbPath, lang string) (*Shell, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	s := Start(a, Options{DBPath: dbPath, Lang: lang, Version: "test", runDaily: dailyNow})
	s.runs.sync = true
	t.Cleanup(func() { s.win.Close() })
	return s, a
}

// walk visits o and everything under it that is visible; visit returns
// false to stop descending into an object.
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

// dailyNow runs the day's check at once instead of in the background.
func dailyNow(st *store.Store, done func(store.DailyStatus)) {
	if r := st.DailyCheck(context.Background()); r.State == store.DailyDone {
		done(r)
	}
}

// confirmTop taps the confirming (highlighted) button of the dialog on top.
func confirmTop(t *testing.T, s *Shell) {
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

// entriesIn lists the visible entries under o in order.
func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walk(o, func(o fyne.CanvasObject) bool {
		switch e := o.(type) {
		case *widget.Entry:
			out = append(out, e)
			return false
		case *kit.AmountEntry:
			out = append(out, &e.Entry)
			return false
		}
		return true
	})
	return out
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

func closeOverlays(s *Shell) {
	for top := s.win.Canvas().Overlays().Top(); top != nil; top = s.win.Canvas().Overlays().Top() {
		s.win.Canvas().Overlays().Remove(top)
	}
}
