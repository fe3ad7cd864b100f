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
// it, Enter moves to the next cell, leaving the cell commits it, and
// pasting a column copied from Excel fills the cells below.
type AmountEntry struct {
	widget.Entry
	OnCommit func()
	OnEnter  func()
	OnFocus  func()
	// OnPasteBlock receives the lines of a multi-line paste; it returns
	// false to let the entry paste normally.
	OnPasteBlock func(lines []string) bool
	focused      bool
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

// TypedKey moves on with Enter, like a spreadsheet.
func (e *AmountEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.OnEnter != nil {
		if e.OnCommit != nil {
			e.OnCommit()
		}
		e.OnEnter()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut spreads a pasted column over the cells below.
func (e *AmountEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.OnPasteBlock != nil && p.Clipboard != nil {
		text := strings.TrimRight(strings.ReplaceAll(p.Clipboard.Content(), "\r\n", "\n"), "\n")
		if strings.Contains(text, "\n") && e.OnPasteBlock(strings.Split(text, "\n")) {
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
