package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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

// ShowRow opens row r of a label table whole in a read-only dialog, a
// line per column ("heading：text"), for rows whose cells are cut short.
func ShowRow(w fyne.Window, title string, headerKeys []string, r int, cell func(r, c int) (string, fyne.TextAlign)) dialog.Dialog {
	lines := make([]string, 0, len(headerKeys))
	for c, k := range headerKeys {
		text, _ := cell(r, c)
		lines = append(lines, i18n.T("kit.row_line", "Heading", i18n.T(k), "Text", text))
	}
	return ShowText(w, title, strings.Join(lines, "\n"))
}
