package prep

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// wireKeys lets the keyboard move over the editable cells as in Excel:
// Enter and ↓ to the same column of the next line, Shift+Enter and ↑ back,
// Tab and Shift+Tab through the amount and then the note of each line.
// The line with the focus is scrolled into view.
func (g *proposalGrid) wireKeys() {
	g.nav = nil
	if g.mode == modeView {
		return
	}
	rows := make([][]fyne.Focusable, len(g.lines))
	for i, gl := range g.lines {
		rows[i] = []fyne.Focusable{gl.entry, nil}
		if gl.note != nil {
			rows[i][1] = gl.note
		}
	}
	g.nav = kit.NewCellNav(rows)
	g.nav.OnShow = func(row int) { kit.ScrollIntoView(g.scroll, g.lines[row].box) }
}

// subject names a line in messages: its code and name.
func (gl *gridLine) subject() string {
	return gl.line.SubjectCode + " " + kit.PickName(gl.line.SubjectName, gl.line.SubjectNameEn)
}

// paste fills gl and the lines below it with a column copied from Excel
// (of several columns, the first). An empty cell clears its line to zero
// as in Excel. A figure that is not an amount, or more figures than lines
// from gl down, refuses the paste with the reason under the grid and
// writes nothing.
func (g *proposalGrid) paste(gl *gridLine, text string) bool {
	start := -1
	for i, x := range g.lines {
		if x == gl {
			start = i
		}
	}
	if start < 0 {
		return false
	}
	below := g.lines[start:]
	values, no := kit.ParsePasted(kit.PastedColumn(text), len(below))
	switch {
	case no != nil && no.Index < 0:
		g.status.SetText(i18n.T("prep.paste_too_many", "Count", no.Count, "Rows", no.Room, "Subject", gl.subject()))
		return true
	case no != nil:
		g.status.SetText(i18n.T("prep.paste_bad", "Line", no.Index+1, "Subject", below[no.Index].subject(), "Text", no.Text))
		return true
	case len(values) == 0:
		return true
	}
	for i, v := range values {
		below[i].entry.SetText(kit.Yuan(v))
	}
	if g.firstError() == "" {
		g.status.Importance = widget.SuccessImportance
		g.status.SetText(i18n.T("prep.pasted", "Count", len(values), "First", gl.subject(), "Last", below[len(values)-1].subject()))
		g.status.Importance = widget.DangerImportance
	}
	return true
}
