package kit

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// pastedLines are the lines of text copied from a spreadsheet: Windows
// line ends read as one, the line end Excel puts after the last cell
// dropped.
func pastedLines(text string) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// PastedColumn is the first column of cells copied from a spreadsheet, a
// cell a line; an empty cell is "".
func PastedColumn(text string) []string {
	lines := pastedLines(text)
	for i, l := range lines {
		lines[i], _, _ = strings.Cut(l, "\t")
	}
	return lines
}

// PastedCells are all the cells copied from a spreadsheet in reading
// order: a row's cells left to right, then the next row's.
func PastedCells(text string) []string {
	var out []string
	for _, l := range pastedLines(text) {
		out = append(out, strings.Split(l, "\t")...)
	}
	return out
}

// PasteRefusal says why a paste wrote nothing: the cell at Index (of the
// pasted ones) is not an amount, or (Index < 0) there are Count cells for
// Room places.
type PasteRefusal struct {
	Index       int
	Text        string
	Count, Room int
}

// ParsePasted reads pasted cells as amounts for room places below the
// cell pasted into. An empty cell is zero, as it reads in Excel. Empty
// cells past the last place are dropped (a selection that ran on below
// the figures); one figure that is not an amount, or more figures than
// places, refuses the whole paste.
func ParsePasted(cells []string, room int) ([]money.Amount, *PasteRefusal) {
	for len(cells) > room && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) > room {
		return nil, &PasteRefusal{Index: -1, Count: len(cells), Room: room}
	}
	out := make([]money.Amount, len(cells))
	for i, c := range cells {
		a, err := ParseAmount(c)
		if err != nil {
			return nil, &PasteRefusal{Index: i, Text: strings.TrimSpace(c)}
		}
		out[i] = a
	}
	return out, nil
}
