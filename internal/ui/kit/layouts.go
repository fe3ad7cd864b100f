package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinHeightLayout stacks its objects at full size with at least a given
// height: tables and charts inside a scrolling page need a height of
// their own, as their natural minimum is tiny.
type MinHeightLayout struct{ Height float32 }

func (l *MinHeightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *MinHeightLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.Height)
}

// TapArea is an invisible layer that makes what lies under it tappable,
// such as a figure card that leads to its detail.
type TapArea struct {
	widget.BaseWidget
	onTap func()
}

func NewTapArea(onTap func()) *TapArea {
	t := &TapArea{onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

func (t *TapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

func (t *TapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// EnableWhen enables b when on holds and disables it otherwise.
func EnableWhen(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// TableHeight is the height of a table showing all its rows of labels
// under a header of height header: the height to give a table on a page
// that scrolls, so that the page has the one scroll bar.
func TableHeight(header float32, rows int) float32 {
	sep := theme.SeparatorThicknessSize()
	row := widget.NewLabel("0").MinSize().Height + sep
	return header + sep + float32(rows)*row + theme.Padding()
}
