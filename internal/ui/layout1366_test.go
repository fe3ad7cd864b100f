package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// screenW and screenH are the smallest screen a hospital's finance office
// has: a 1366×768 laptop.
const screenW, screenH = 1366, 768

// fitCheck renders screens of one window at 1366×768 and records what
// does not fit: a content wider than the screen (the window would grow)
// and controls lying outside the window.
type fitCheck struct {
	t     *testing.T
	s     *Shell
	lang  string
	shots string
	n     int
	bad   []string
}

// check lays the window out at 1366×768 and records what lies outside it;
// where names the screen (section, tab, dialog).
func (f *fitCheck) check(where string) {
	// Two sizes, as a window being shown gets: a label that wraps knows
	// its height once it has its width.
	f.s.win.Resize(fyne.NewSize(screenW-1, screenH))
	f.s.win.Resize(fyne.NewSize(screenW, screenH))
	if min := f.s.win.Content().MinSize(); min.Width > screenW {
		f.bad = append(f.bad, fmt.Sprintf("%s %s: content needs %.0f px wide", f.lang, where, min.Width))
	}
	trees := append([]fyne.CanvasObject{f.s.win.Content()}, f.s.win.Canvas().Overlays().List()...)
	for _, o := range trees {
		outside(o, o.Position(), window, func(what string, p fyne.Position, sz fyne.Size) {
			f.bad = append(f.bad, fmt.Sprintf("%s %s: %s at (%.0f,%.0f) %.0f×%.0f lies outside %d×%d",
				f.lang, where, what, p.X, p.Y, sz.Width, sz.Height, screenW, screenH))
		})
	}
	f.nestedTables(where)
	f.shoot(where)
}

// nestedTables records each table that scrolls inside a scrolling page
// and shows fewer rows than it has: a table there has the height of its
// rows (kit.TableHeight), so that the page has the one scroll bar.
func (f *fitCheck) nestedTables(where string) {
	row := widget.NewLabel("0").MinSize().Height
	var visit func(o fyne.CanvasObject, inPage bool)
	visit = func(o fyne.CanvasObject, inPage bool) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *container.Scroll:
			inPage = inPage || w.Direction != container.ScrollHorizontalOnly
		case *widget.Table:
			if rows, _ := w.Length(); inPage && float32(rows)*row > w.Size().Height+row {
				f.bad = append(f.bad, fmt.Sprintf("%s %s: a table of %d rows shows %.0f of them inside a scrolling page",
					f.lang, where, rows, w.Size().Height/row))
			}
			return
		}
		for _, c := range children(o) {
			visit(c, inPage)
		}
	}
	visit(f.s.win.Content(), false)
}

// children are the objects o draws directly.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	if c, ok := o.(*fyne.Container); ok {
		return c.Objects
	}
	if w, ok := o.(fyne.Widget); ok {
		return test.WidgetRenderer(w).Objects()
	}
	return nil
}

// shoot saves the window as a PNG in the folder of BUDGETPERF_SHOTS.
func (f *fitCheck) shoot(where string) {
	f.n++
	name := fmt.Sprintf("%s-%03d-%s.png", f.lang, f.n, strings.NewReplacer("/", "_", " ", "_", "›", "_", "…", "").Replace(where))
	file, err := os.Create(filepath.Join(f.shots, name))
	if err != nil {
		f.t.Fatal(err)
	}
	defer file.Close()
	if err := png.Encode(file, f.s.win.Canvas().Capture()); err != nil {
		f.t.Fatal(err)
	}
}

// box is a rectangle of the window, in absolute positions.
type box struct{ x0, y0, x1, y1 float32 }

// window is the whole 1366×768 window.
var window = box{0, 0, screenW, screenH}

// unbounded has no edge: a scrolled area's content may run past it.
const unbounded = 1e9

// holds reports whether b holds the object at p of size sz (one pixel of
// rounding allowed).
func (b box) holds(p fyne.Position, sz fyne.Size) bool {
	return p.X >= b.x0-1 && p.Y >= b.y0-1 && p.X+sz.Width <= b.x1+1 && p.Y+sz.Height <= b.y1+1
}

// inside is what of b a scrolled area at p of size sz shows: along the
// direction it scrolls, anything; across it, its own width or height.
func (b box) inside(sc *container.Scroll, p fyne.Position, sz fyne.Size) box {
	out := b
	switch sc.Direction {
	case container.ScrollVerticalOnly:
		out.x0, out.x1, out.y0, out.y1 = max(b.x0, p.X), min(b.x1, p.X+sz.Width), -unbounded, unbounded
	case container.ScrollHorizontalOnly:
		out.x0, out.x1, out.y0, out.y1 = -unbounded, unbounded, max(b.y0, p.Y), min(b.y1, p.Y+sz.Height)
	case container.ScrollBoth:
		out = box{-unbounded, -unbounded, unbounded, unbounded}
	}
	return out
}

// controlName names the controls the check looks at: what a user has to
// see whole to read or use.
func controlName(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return "button " + w.Text
	case *widget.Select:
		return "picker " + w.Selected
	case *widget.Entry:
		return "entry " + w.Text
	case *widget.Check:
		return "check " + w.Text
	case *widget.Label:
		if w.Truncation == fyne.TextTruncateOff && w.Wrapping == fyne.TextWrapOff {
			return "label " + w.Text
		}
	case *widget.List, *widget.Table, *widget.Tree, *widget.GridWrap:
		return fmt.Sprintf("table %T", o)
	}
	return ""
}

// outside reports each control under o (at absolute position at) that b
// does not hold whole. Rows of lists and tables move with their scroll
// bar and are checked as the table they are in; a scrolled area's content
// is checked across the direction it scrolls.
func outside(o fyne.CanvasObject, at fyne.Position, b box, report func(string, fyne.Position, fyne.Size)) {
	if o == nil || !o.Visible() {
		return
	}
	sz := o.Size()
	if name := controlName(o); name != "" && sz.Width > 0 && sz.Height > 0 && !b.holds(at, sz) {
		report(name, at, sz)
		return
	}
	switch w := o.(type) {
	case *widget.List, *widget.Table, *widget.Tree, *widget.GridWrap, *widget.Select, *widget.Entry:
		return
	case *container.Scroll:
		b = b.inside(w, at, sz)
	}
	for _, c := range children(o) {
		outside(c, at.Add(c.Position()), b, report)
	}
}

// screen shows section sec of the window's year and checks it, its
// dialogs and its tabs.
func (f *fitCheck) screen(sec string) {
	f.s.Show(sec)
	where := fmt.Sprintf("%s %d", sec, f.s.year)
	f.check(where)
	f.dialogs(where, f.s.body)
	f.tabs(where, f.s.body)
}

// tabs checks o's screen and then each tab of every tab container in it.
func (f *fitCheck) tabs(where string, o fyne.CanvasObject) {
	var found []*container.AppTabs
	walk(o, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*container.AppTabs); ok {
			found = append(found, t)
			return false
		}
		return true
	})
	for _, t := range found {
		was := t.SelectedIndex()
		for i, item := range t.Items {
			t.SelectIndex(i)
			f.check(where + " › " + item.Text)
			f.tabs(where+" › "+item.Text, item.Content)
			f.dialogs(where+" › "+item.Text, item.Content)
		}
		t.SelectIndex(was)
	}
}

// dialogs opens each dialog that a "…" button directly on o's screen
// (not in its tabs) opens, checks it, and closes it.
func (f *fitCheck) dialogs(where string, o fyne.CanvasObject) {
	var buttons []*widget.Button
	walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *container.AppTabs:
			return false
		case *widget.Button:
			if strings.HasSuffix(w.Text, "…") && !w.Disabled() && w.OnTapped != nil {
				buttons = append(buttons, w)
			}
		}
		return true
	})
	for _, b := range buttons {
		test.Tap(b)
		if top := f.s.win.Canvas().Overlays().Top(); top != nil && !hasFileGrid(top) {
			f.check(where + " › " + b.Text)
		}
		closeOverlays(f.s)
	}
}

// Every screen fits a 1366×768 window in both languages: the window does
// not have to grow, no button, picker, entry, label or table lies outside
// it, and no table scrolls inside a scrolling page.
// Screenshots of every screen go to BUDGETPERF_SHOTS (a temporary folder
// otherwise).
func TestScreensFit1366x768(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every screen in two languages")
	}
	shots := os.Getenv("BUDGETPERF_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	db := fullDemoDB(t, 2026)
	for _, lang := range []string{"zh", "en"} {
		s, _ := startApp(t, db, lang)
		f := &fitCheck{t: t, s: s, lang: lang, shots: shots}
		for _, sec := range sections {
			f.screen(sec)
		}
		s.setYear(2027) // the next year's preparation and evaluation
		for _, sec := range []string{SectionBudget, SectionEvaluation} {
			f.screen(sec)
		}
		for _, b := range f.bad {
			t.Error(b)
		}
	}
}
