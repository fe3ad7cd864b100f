package kit

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// ElidedLabel is a label that ends in an ellipsis when its column is too
// narrow for it, and then shows its whole text in a tip while the pointer
// is over it (in a window whose content is wrapped by WithTips). A label
// whose text fits shows no tip.
type ElidedLabel struct {
	widget.Label
}

// NewElidedLabel is an ElidedLabel showing text.
func NewElidedLabel(text string) *ElidedLabel {
	l := &ElidedLabel{}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Cut reports whether the label shows less than its whole text.
func (l *ElidedLabel) Cut() bool {
	return TextCut(l.Text, l.TextStyle, l.SizeName, l.Size().Width, l.Theme())
}

// TextCut reports whether text needs more than a label of width has.
func TextCut(text string, style fyne.TextStyle, size fyne.ThemeSizeName, width float32, th fyne.Theme) bool {
	if size == "" {
		size = theme.SizeNameText
	}
	room := width - 2*th.Size(theme.SizeNameInnerPadding)
	for _, line := range strings.Split(text, "\n") {
		if fyne.MeasureText(line, th.Size(size), style).Width > room+0.5 {
			return true
		}
	}
	return false
}

// MouseIn shows the whole text when the label cuts it.
func (l *ElidedLabel) MouseIn(*desktop.MouseEvent) { ShowTip(l, l.Text, l.Cut()) }

// MouseMoved follows a table's cell that was given another text.
func (l *ElidedLabel) MouseMoved(*desktop.MouseEvent) { ShowTip(l, l.Text, l.Cut()) }

// MouseOut hides the tip.
func (l *ElidedLabel) MouseOut() { HideTip(l) }

// DetailLabel is an ElidedLabel that, tapped, opens its whole text in a
// read-only dialog titled Title: for texts a user has to read whole, such
// as a finalised evaluation's reasons, without a pointer too.
type DetailLabel struct {
	ElidedLabel
	Title string
}

// NewDetailLabel is a DetailLabel showing text; a tap opens it whole
// under title.
func NewDetailLabel(title, text string) *DetailLabel {
	l := &DetailLabel{Title: title}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Tapped opens the whole text when there is one.
func (l *DetailLabel) Tapped(*fyne.PointEvent) {
	if strings.TrimSpace(l.Text) == "" {
		return
	}
	HideTip(l)
	if w := windowOf(l); w != nil {
		ShowText(w, l.Title, l.Text)
	}
}

// FocusGained and FocusLost let the keyboard reach the text (Tab), and
// TypedKey opens it on Enter or Space, as a tap does.
func (l *DetailLabel) FocusGained() { l.Importance = widget.HighImportance; l.Refresh() }

// FocusLost shows the label as before.
func (l *DetailLabel) FocusLost() { l.Importance = widget.MediumImportance; l.Refresh() }

// TypedRune opens the text on Space.
func (l *DetailLabel) TypedRune(r rune) {
	if r == ' ' {
		l.Tapped(nil)
	}
}

// TypedKey opens the text on Enter.
func (l *DetailLabel) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		l.Tapped(nil)
	}
}

// Cursor shows a hand where a tap opens the text.
func (l *DetailLabel) Cursor() desktop.Cursor {
	if strings.TrimSpace(l.Text) == "" {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// ShowText opens text whole, wrapped and scrollable, in a read-only
// dialog titled title with 关闭.
func ShowText(w fyne.Window, title, text string) dialog.Dialog {
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	body.Selectable = true // to copy it into a report
	d := dialog.NewCustom(title, i18n.T("action.close"), container.NewVScroll(body), w)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
	return d
}

// windowOf is the window o is drawn in.
func windowOf(o fyne.CanvasObject) fyne.Window {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	c := a.Driver().CanvasForObject(o)
	for _, w := range a.Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// tipLayer is the layer of a window's content that tips are drawn in:
// above everything, never taking the pointer, with no size of its own.
type tipLayer struct {
	widget.BaseWidget
	box   *tipBox
	owner fyne.CanvasObject // the label the shown tip belongs to
}

func (t *tipLayer) CreateRenderer() fyne.WidgetRenderer {
	return &tipLayerRenderer{t: t}
}

type tipLayerRenderer struct{ t *tipLayer }

func (r *tipLayerRenderer) Layout(fyne.Size)   {}
func (r *tipLayerRenderer) MinSize() fyne.Size { return fyne.Size{} }
func (r *tipLayerRenderer) Refresh()           {}
func (r *tipLayerRenderer) Destroy()           {}
func (r *tipLayerRenderer) Objects() []fyne.CanvasObject {
	return r.t.box.objects()
}

// tipLines is the most lines a label's tip has; tipWidth its widest.
const (
	tipLines = 12
	tipWidth = 560
)

var (
	tipMu     sync.Mutex
	tipLayers = map[fyne.Canvas]*tipLayer{}
)

// WithTips is content with a layer over it in which ElidedLabels show
// their whole text; content is what a window of canvas c shows.
func WithTips(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	layer := &tipLayer{box: newTipBox(tipLines)}
	layer.ExtendBaseWidget(layer)
	tipMu.Lock()
	tipLayers[c] = layer
	tipMu.Unlock()
	return container.NewStack(content, layer)
}

// layerFor is the tip layer o can show a tip in: its window's, when no
// dialog lies over the window (a tip would be drawn under it).
func layerFor(o fyne.CanvasObject) (*tipLayer, fyne.Canvas) {
	a := fyne.CurrentApp()
	if a == nil {
		return nil, nil
	}
	c := a.Driver().CanvasForObject(o)
	if c == nil || c.Overlays().Top() != nil {
		return nil, nil
	}
	tipMu.Lock()
	defer tipMu.Unlock()
	return tipLayers[c], c
}

// ShowTip shows text in a tip under o when cut, or hides o's tip.
func ShowTip(o fyne.CanvasObject, text string, cut bool) {
	layer, c := layerFor(o)
	if layer == nil {
		return
	}
	if !cut {
		if layer.owner == o {
			layer.owner = nil
			layer.box.hide()
		}
		return
	}
	th := theme.Current()
	if w, ok := o.(fyne.Widget); ok {
		th = widgetTheme(w)
	}
	layer.box.restyle(th)
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	area := c.Size()
	lines := wrapText(text, min(tipWidth, area.Width-16)-2*pad, th.Size(theme.SizeNameCaptionText), tipLines)
	box := layer.box.measure(lines, th)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	x, y := at.X, at.Y+o.Size().Height
	if y+box.Height > area.Height {
		y = at.Y - box.Height // above the label at the bottom of the window
	}
	layer.owner = o
	layer.box.place(lines, fyne.NewPos(max(0, min(x, area.Width-box.Width)), max(0, y)), th)
}

// HideTip hides the tip o shows.
func HideTip(o fyne.CanvasObject) {
	tipMu.Lock()
	defer tipMu.Unlock()
	for _, layer := range tipLayers {
		if layer.owner == o {
			layer.owner = nil
			layer.box.hide()
		}
	}
}

// widgetTheme is the theme w is drawn in.
func widgetTheme(w fyne.Widget) fyne.Theme {
	if t, ok := w.(interface{ Theme() fyne.Theme }); ok {
		return t.Theme()
	}
	return theme.Current()
}

// NewElidedLabelWithStyle is an ElidedLabel with an alignment and a
// style, such as a table's bold heading.
func NewElidedLabelWithStyle(text string, align fyne.TextAlign, style fyne.TextStyle) *ElidedLabel {
	l := NewElidedLabel(text)
	l.Alignment, l.TextStyle = align, style
	return l
}
