package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// columnsLayout places a row's cells at fixed widths so that the header,
// the rows and the totals of a grid line up; the last column takes what
// is left.
type columnsLayout struct{ widths []float32 }

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := l.width(i)
		if i == len(objs)-1 && size.Width-x > w {
			w = size.Width - x
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w-2, h))
		x += w
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		w += l.width(i)
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (l *columnsLayout) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 80
}

func NewColumns(widths []float32, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columnsLayout{widths: widths}, cells...)
}
