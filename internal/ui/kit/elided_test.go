package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tipTexts are the lines of the tip shown over w's content.
func tipTexts(w fyne.Window) []string {
	var out []string
	walk(w.Content(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*tipLayer); ok {
			for _, t := range l.box.lines {
				if t.Visible() {
					out = append(out, t.Text)
				}
			}
			return false
		}
		return true
	})
	return out
}

// A department name cut short by its column shows whole while the pointer
// is over it, in a tip inside the window; a name that fits shows none.
func TestElidedLabelShowsWholeTextOnHover(t *testing.T) {
	test.NewTempApp(t)
	long := "心血管内科重症监护病房（CCU）及介入治疗中心"
	cut, whole := NewElidedLabel(long), NewElidedLabel("内科")
	w := test.NewTempWindow(t, nil)
	w.SetContent(WithTips(w.Canvas(), container.NewGridWithColumns(2,
		container.NewGridWrap(fyne.NewSize(120, 36), cut), container.NewGridWrap(fyne.NewSize(120, 36), whole))))
	w.Resize(fyne.NewSize(400, 200))
	if !cut.Cut() || whole.Cut() {
		t.Fatalf("Cut: long %v, short %v", cut.Cut(), whole.Cut())
	}
	whole.MouseIn(&desktop.MouseEvent{})
	if got := tipTexts(w); len(got) != 0 {
		t.Errorf("a name that fits shows a tip %q", got)
	}
	cut.MouseIn(&desktop.MouseEvent{})
	got := strings.Join(tipTexts(w), "")
	if got != long {
		t.Errorf("tip %q, want the whole name %q", got, long)
	}
	layer := w.Content().(*fyne.Container).Objects[1].(*tipLayer)
	p, s := layer.box.bg.Position(), layer.box.bg.Size()
	if p.X < 0 || p.Y < 0 || p.X+s.Width > 400 || p.Y+s.Height > 200 {
		t.Errorf("tip at %v size %v outside the 400×200 window", p, s)
	}
	if min := w.Content().MinSize(); min.Width > 250 {
		t.Errorf("the tip widened the content to %v", min)
	}
	cut.MouseOut()
	if got := tipTexts(w); len(got) != 0 {
		t.Errorf("tip %q still shown after the pointer left", got)
	}
}

// A finalised reason is read whole by tapping it: a read-only dialog with
// the whole text.
func TestDetailLabelOpensWholeText(t *testing.T) {
	test.NewTempApp(t)
	reason := strings.Repeat("门诊量下降系院区改造停诊两个月所致，", 6)
	l := NewDetailLabel("偏差原因分析及改进措施：门诊人次", reason)
	w := test.NewTempWindow(t, container.NewGridWrap(fyne.NewSize(190, 36), l))
	w.Resize(fyne.NewSize(800, 600))
	test.Tap(l)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog after tapping the reason")
	}
	var body *widget.Label
	walk(top, func(o fyne.CanvasObject) bool {
		if lb, ok := o.(*widget.Label); ok && lb.Text == reason {
			body = lb
		}
		_, isEntry := o.(*widget.Entry)
		if isEntry {
			t.Error("the reason's dialog has an entry: it is read-only")
		}
		return true
	})
	if body == nil || body.Wrapping != fyne.TextWrapWord {
		t.Errorf("dialog does not show the whole reason wrapped: %q", texts(top))
	}
	if !hasText(top, "偏差原因分析及改进措施：门诊人次") {
		t.Errorf("dialog title missing: %q", texts(top))
	}
	// From the keyboard: Tab to it, Enter opens it.
	w.Canvas().Overlays().Remove(top)
	w.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if top := w.Canvas().Overlays().Top(); top == nil || !hasText(top, reason) {
		t.Error("Enter on the focused reason did not open it")
	}
}

// Long tips wrap inside their width, Chinese between any two characters,
// and end in "…" past the last line.
func TestWrapText(t *testing.T) {
	test.NewTempApp(t)
	lines := wrapText(strings.Repeat("很长的说明", 40), 200, 12, 4)
	if len(lines) != 4 || !strings.HasSuffix(lines[3], "…") {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := fyne.MeasureText(l, 12, fyne.TextStyle{}).Width; w > 200 {
			t.Errorf("line %q is %v wide", l, w)
		}
	}
	if got := wrapText("Outpatient visits fell while the ward was rebuilt", 150, 12, 6); len(got) < 2 || strings.HasPrefix(got[1], " ") {
		t.Errorf("English wraps at spaces: %q", got)
	}
}
