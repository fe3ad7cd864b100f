package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// AmountEntry is a grid cell for an amount, keyboard-first the way
// spreadsheet users expect: focusing selects the text so typing replaces
// it, Enter, the arrows and Tab move to another cell (OnMove, see
// CellNav), leaving the cell commits it, and pasting cells copied from
// Excel fills the cells below.
type AmountEntry struct {
	widget.Entry
	OnCommit func()
	OnMove   func(Move)
	OnFocus  func()
	// OnPaste receives pasted text that holds more than one cell (a line
	// break or a tab); it returns false to let the entry paste normally.
	OnPaste func(text string) bool
	focused bool
}

func NewAmountEntry() *AmountEntry {
	e := &AmountEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained selects everything so that typing replaces the figure.
func (e *AmountEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.OnFocus != nil {
		e.OnFocus()
	}
}

// FocusLost commits the cell.
func (e *AmountEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	if e.OnCommit != nil {
		e.OnCommit()
	}
}

// MouseDown selects the figure when the click brings the focus: the click
// itself would otherwise drop the cursor between digits.
func (e *AmountEntry) MouseDown(m *desktop.MouseEvent) {
	had := e.focused
	e.Entry.MouseDown(m)
	if !had && e.focused {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// AcceptsTab keeps Tab in the grid: it moves to the next cell.
func (e *AmountEntry) AcceptsTab() bool { return e.OnMove != nil }

func (e *AmountEntry) KeyDown(k *fyne.KeyEvent) { trackShift(k, true); e.Entry.KeyDown(k) }
func (e *AmountEntry) KeyUp(k *fyne.KeyEvent)   { trackShift(k, false); e.Entry.KeyUp(k) }

// TypedKey moves on with Enter, the arrows and Tab, like a spreadsheet;
// Enter commits the cell even where there is nowhere to move.
func (e *AmountEntry) TypedKey(k *fyne.KeyEvent) {
	m := moveFor(k)
	if m == MoveNone || e.OnMove == nil {
		e.Entry.TypedKey(k)
		return
	}
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.OnCommit != nil {
		e.OnCommit()
	}
	e.OnMove(m)
}

// TypedShortcut hands cells pasted from a spreadsheet to OnPaste.
func (e *AmountEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.OnPaste != nil && p.Clipboard != nil {
		if text := p.Clipboard.Content(); strings.ContainsAny(text, "\t\r\n") && e.OnPaste(text) {
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// ParseAmount reads an amount as accountants type it (1,234.5 or 12.3万);
// an empty cell is zero. Pasted cells may carry a tab-separated tail.
func ParseAmount(text string) (money.Amount, error) {
	text, _, _ = strings.Cut(text, "\t")
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	r, err := money.Parse(text, money.Yuan)
	if err != nil {
		return 0, err
	}
	return r.Amount, nil
}
