package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Move is where a key pressed in a grid cell sends the focus.
type Move int

const (
	MoveNone Move = iota
	MoveDown      // Enter, ↓: the same column of the next row
	MoveUp        // Shift+Enter, ↑: the same column of the previous row
	MoveNext      // Tab: the next cell in reading order
	MovePrev      // Shift+Tab: the previous cell in reading order
)

// shiftTracked is Shift as the cells saw it pressed and released, for a
// driver that does not report the keyboard's modifiers (the test driver).
// Shift held while the focus moves on stays known to the next cell.
var shiftTracked bool

// trackShift follows Shift from a cell's KeyDown (down) and KeyUp.
func trackShift(k *fyne.KeyEvent, down bool) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		shiftTracked = down
	}
}

func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return shiftTracked
}

// moveFor is the move key k asks for, MoveNone for a key the entry keeps.
func moveFor(k *fyne.KeyEvent) Move {
	shift := shiftHeld()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if shift {
			return MoveUp
		}
		return MoveDown
	case fyne.KeyDown:
		return MoveDown
	case fyne.KeyUp:
		return MoveUp
	case fyne.KeyTab:
		if shift {
			return MovePrev
		}
		return MoveNext
	}
	return MoveNone
}

// TextCell is a grid cell for text (a note) with the grid's keys: Enter,
// the arrows and Tab move as in an amount cell.
type TextCell struct {
	widget.Entry
	OnMove func(Move)
}

func NewTextCell() *TextCell {
	e := &TextCell{}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab keeps Tab in the grid: it moves to the next cell.
func (e *TextCell) AcceptsTab() bool { return e.OnMove != nil }

func (e *TextCell) KeyDown(k *fyne.KeyEvent) { trackShift(k, true); e.Entry.KeyDown(k) }
func (e *TextCell) KeyUp(k *fyne.KeyEvent)   { trackShift(k, false); e.Entry.KeyUp(k) }

func (e *TextCell) TypedKey(k *fyne.KeyEvent) {
	if m := moveFor(k); m != MoveNone && e.OnMove != nil {
		e.OnMove(m)
		return
	}
	e.Entry.TypedKey(k)
}

// CellNav moves the focus over a grid of cells as a spreadsheet does:
// Enter and ↓ go to the same column of the next row that has a cell
// there, Shift+Enter and ↑ to the previous one, Tab and Shift+Tab to the
// next or previous cell in reading order. It stops at the first and the
// last cell (PastEnd, when set, takes the focus after the last one).
type CellNav struct {
	rows [][]fyne.Focusable
	// OnShow runs with the row the focus moved to, to scroll it into view.
	OnShow  func(row int)
	PastEnd fyne.Focusable
}

// NewCellNav wires the keys of rows' cells (AmountEntry, TextCell; nil
// where a row has no cell in that column).
func NewCellNav(rows [][]fyne.Focusable) *CellNav {
	n := &CellNav{rows: rows}
	for _, row := range rows {
		for _, c := range row {
			from := c
			switch e := c.(type) {
			case *AmountEntry:
				e.OnMove = func(m Move) { n.Move(from, m) }
			case *TextCell:
				e.OnMove = func(m Move) { n.Move(from, m) }
			}
		}
	}
	return n
}

// Move sends the focus from the cell from in the direction m; it reports
// whether the focus moved.
func (n *CellNav) Move(from fyne.Focusable, m Move) bool {
	r, c := n.find(from)
	if r < 0 {
		return false
	}
	switch m {
	case MoveDown, MoveUp:
		step := 1
		if m == MoveUp {
			step = -1
		}
		for i := r + step; i >= 0 && i < len(n.rows); i += step {
			if c < len(n.rows[i]) && n.rows[i][c] != nil {
				return n.Focus(i, c)
			}
		}
	case MoveNext, MovePrev:
		if i, j, ok := n.beside(r, c, m == MoveNext); ok {
			return n.Focus(i, j)
		}
	}
	if (m == MoveDown || m == MoveNext) && n.PastEnd != nil {
		return focus(n.PastEnd)
	}
	return false
}

// beside is the cell after (or before) row r, column c in reading order.
func (n *CellNav) beside(r, c int, forward bool) (int, int, bool) {
	var flat [][2]int
	at := -1
	for i, row := range n.rows {
		for j, x := range row {
			if x != nil {
				if i == r && j == c {
					at = len(flat)
				}
				flat = append(flat, [2]int{i, j})
			}
		}
	}
	k := at + 1
	if !forward {
		k = at - 1
	}
	if at < 0 || k < 0 || k >= len(flat) {
		return 0, 0, false
	}
	return flat[k][0], flat[k][1], true
}

func (n *CellNav) find(f fyne.Focusable) (int, int) {
	for i, row := range n.rows {
		for j, x := range row {
			if x == f {
				return i, j
			}
		}
	}
	return -1, -1
}

// Focus puts the focus in row r, column c, shown first.
func (n *CellNav) Focus(r, c int) bool {
	if r < 0 || r >= len(n.rows) || c >= len(n.rows[r]) || n.rows[r][c] == nil {
		return false
	}
	if n.OnShow != nil {
		n.OnShow(r)
	}
	return focus(n.rows[r][c])
}

func focus(f fyne.Focusable) bool {
	o, ok := f.(fyne.CanvasObject)
	if !ok {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return false
	}
	c.Focus(f)
	return true
}

// ScrollIntoView scrolls s the least that shows o (inside s) whole.
func ScrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	if s.Content == nil || d.CanvasForObject(o) == nil {
		return
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom, off := top+o.Size().Height, s.Offset
	switch {
	case top < off.Y:
		off.Y = top
	case bottom > off.Y+s.Size().Height:
		off.Y = bottom - s.Size().Height
	default:
		return
	}
	s.ScrollToOffset(off)
}
