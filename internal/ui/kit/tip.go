package kit

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// tipBox is a tooltip drawn over other content without taking the
// pointer: a rounded box with lines of caption text. A ChartView draws one
// over its chart; a TipLayer draws one over a window for ElidedLabel.
type tipBox struct {
	bg    *canvas.Rectangle
	lines []*canvas.Text
	shown bool
}

// chartTipLines is the most lines a chart's tooltip breaks into.
const chartTipLines = 6

func newTipBox(maxLines int) *tipBox {
	t := &tipBox{bg: canvas.NewRectangle(color.Transparent)}
	t.bg.CornerRadius = 4
	t.bg.StrokeWidth = 1
	t.bg.Hide()
	for range maxLines {
		txt := canvas.NewText("", color.Black)
		txt.Hide()
		t.lines = append(t.lines, txt)
	}
	return t
}

func (t *tipBox) objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{t.bg}
	for _, l := range t.lines {
		out = append(out, l)
	}
	return out
}

func (t *tipBox) visible() bool { return t.shown }

// restyle takes the theme's colours and sizes.
func (t *tipBox) restyle(th fyne.Theme) {
	variant := theme.VariantDark
	if a := fyne.CurrentApp(); a != nil {
		variant = a.Settings().ThemeVariant()
	}
	t.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	t.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, variant)
	for _, l := range t.lines {
		l.Color = th.Color(theme.ColorNameForeground, variant)
		l.TextSize = th.Size(theme.SizeNameCaptionText)
	}
}

// show puts a chart's text in a box near pos, kept inside a widget of
// size: one line, or a line per part when it is wider than the chart.
func (t *tipBox) show(text string, pos fyne.Position, size fyne.Size, th fyne.Theme) {
	t.restyle(th)
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	ts := th.Size(theme.SizeNameCaptionText)
	lines := []string{text}
	if fyne.MeasureText(text, ts, fyne.TextStyle{}).Width+2*pad > size.Width {
		// Too wide for the chart: the category on the first line, one
		// series per line after it.
		lines = strings.Split(text, " · ")
		if len(lines) > len(t.lines) {
			lines = append(lines[:len(t.lines)-1], strings.Join(lines[len(t.lines)-1:], " · "))
		}
	}
	box := t.measure(lines, th)
	// Below right of the pointer, flipped to the other side at the edges.
	const off = 14
	x, y := pos.X+off, pos.Y+off
	if x+box.Width > size.Width {
		x = pos.X - off - box.Width
	}
	if y+box.Height > size.Height {
		y = pos.Y - off - box.Height
	}
	t.place(lines, fyne.NewPos(max(0, min(x, size.Width-box.Width)), max(0, min(y, size.Height-box.Height))), th)
}

// measure is the size of the box holding lines.
func (t *tipBox) measure(lines []string, th fyne.Theme) fyne.Size {
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	ts := th.Size(theme.SizeNameCaptionText)
	var w, h float32
	for _, l := range lines {
		m := fyne.MeasureText(l, ts, fyne.TextStyle{})
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w+2*pad, h+2*pad)
}

// place draws the box of lines with its top left corner at at.
func (t *tipBox) place(lines []string, at fyne.Position, th fyne.Theme) {
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	ts := th.Size(theme.SizeNameCaptionText)
	t.bg.Move(at)
	t.bg.Resize(t.measure(lines, th))
	t.bg.Show()
	ly := at.Y + pad
	for i, l := range t.lines {
		if i >= len(lines) {
			l.Hide()
			continue
		}
		l.Text = lines[i]
		m := fyne.MeasureText(lines[i], ts, fyne.TextStyle{})
		l.Move(fyne.NewPos(at.X+pad, ly))
		l.Resize(m)
		l.Show()
		ly += m.Height
	}
	t.shown = true
	t.refresh()
}

func (t *tipBox) hide() {
	if !t.shown {
		return
	}
	t.shown = false
	t.bg.Hide()
	for _, l := range t.lines {
		l.Hide()
	}
	t.refresh()
}

// refresh repaints just the tooltip, never what is under it.
func (t *tipBox) refresh() {
	for _, o := range t.objects() {
		canvas.Refresh(o)
	}
}

// wrapText breaks text into lines no wider than width at size: at spaces
// where there are any, between any two characters of Chinese, and at
// line breaks. At most maxLines lines; the last one ends in "…" when
// text goes on.
func wrapText(text string, width, size float32, maxLines int) []string {
	style := fyne.TextStyle{}
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := []rune{}
		lastSpace := -1
		for _, r := range para {
			line = append(line, r)
			if r == ' ' {
				lastSpace = len(line) - 1
			}
			if fits(string(line)) {
				continue
			}
			cut := len(line) - 1
			if lastSpace > 0 {
				cut = lastSpace + 1
			}
			out = append(out, strings.TrimRight(string(line[:cut]), " "))
			line, lastSpace = append([]rune{}, line[cut:]...), -1
		}
		out = append(out, string(line))
	}
	if len(out) > maxLines {
		last := []rune(out[maxLines-1])
		for len(last) > 0 && !fits(string(last)+"…") {
			last = last[:len(last)-1]
		}
		out = append(out[:maxLines-1], string(last)+"…")
	}
	return out
}
