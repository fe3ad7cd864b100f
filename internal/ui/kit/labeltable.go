package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// NewLabelTable is a read-only table of labels with a translated header
// row; cell gives the text and alignment of each cell. A text longer than
// its column ends in an ellipsis instead of running into the next column
// (the whole text shows on hover, see ElidedLabel).
func NewLabelTable(headerKeys []string, widths []float32, rows func() int, cell func(r, c int) (string, fyne.TextAlign)) *widget.Table {
	t := widget.NewTable(func() (int, int) { return rows(), len(headerKeys) },
		func() fyne.CanvasObject {
			return NewElidedLabel("")
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			text, align := cell(id.Row, id.Col)
			l := o.(*ElidedLabel)
			l.Alignment = align
			l.SetText(text)
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*ElidedLabel).SetText(i18n.T(headerKeys[id.Col]))
	}
	for c, w := range widths {
		t.SetColumnWidth(c, w)
	}
	return t
}
