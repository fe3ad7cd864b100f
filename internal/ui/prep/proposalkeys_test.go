package prep

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// press sends a key to the focused widget the way the desktop driver
// does: Shift down first when held, Tab to the widget only when it takes
// Tab (else the window moves the focus), then the key, then Shift up.
func press(c fyne.Canvas, key fyne.KeyName, shift bool) {
	shiftKey := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	if k, ok := c.Focused().(desktop.Keyable); ok && shift {
		k.KeyDown(shiftKey)
	}
	switch t, ok := c.Focused().(fyne.Tabbable); {
	case key == fyne.KeyTab && !(ok && t.AcceptsTab()) && shift:
		c.FocusPrevious()
	case key == fyne.KeyTab && !(ok && t.AcceptsTab()):
		c.FocusNext()
	default:
		c.Focused().TypedKey(&fyne.KeyEvent{Name: key})
	}
	if k, ok := c.Focused().(desktop.Keyable); ok && shift {
		k.KeyUp(shiftKey)
	}
}

// paste pastes text into the focused widget as Ctrl+V does.
func paste(c fyne.Canvas, text string) {
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent(text)
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
}

// openProposal opens 儿科's first-up proposal in the 2027 cycle.
func openProposal(t *testing.T) (*testHost, *proposalView) {
	t.Helper()
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.prep.Refresh()
	s.prep.depts.selectCode("103")
	v := s.prep.proposal
	if v.mode() != modeProposal || len(v.grid.lines) < 4 {
		t.Fatalf("儿科's proposal in mode %d with %d lines", v.mode(), len(v.grid.lines))
	}
	return s, v
}

// focusedLine says which line and column has the focus: "3 amount".
func focusedLine(c fyne.Canvas, g *proposalGrid) (int, string) {
	for i, gl := range g.lines {
		switch c.Focused() {
		case gl.entry:
			return i, "amount"
		case gl.note:
			return i, "note"
		}
	}
	return -1, "elsewhere"
}

func TestProposalGridKeysMoveLikeExcel(t *testing.T) {
	s, v := openProposal(t)
	c, g := s.win.Canvas(), v.grid
	expect := func(what string, row int, col string) {
		t.Helper()
		if r, cl := focusedLine(c, g); r != row || cl != col {
			t.Fatalf("%s: focus on line %d %s, want line %d %s", what, r, cl, row, col)
		}
	}
	c.Focus(g.lines[0].entry)
	test.Type(g.lines[0].entry, "12.3万")
	press(c, fyne.KeyReturn, false)
	expect("Enter", 1, "amount")
	if g.lines[0].value != money.FromYuan(123000) || g.lines[0].entry.Text != "123,000.00" {
		t.Errorf("the typed figure reads %s, shown %q", g.lines[0].value, g.lines[0].entry.Text)
	}
	// Typing replaces the figure of the cell Enter moved to.
	test.Type(g.lines[1].entry, "500")
	if g.lines[1].value != money.FromYuan(500) {
		t.Errorf("typing after Enter gave %q", g.lines[1].entry.Text)
	}
	press(c, fyne.KeyDown, false)
	expect("↓", 2, "amount")
	press(c, fyne.KeyUp, false)
	expect("↑", 1, "amount")
	press(c, fyne.KeyReturn, true)
	expect("Shift+Enter", 0, "amount")
	press(c, fyne.KeyUp, false)
	expect("↑ on the first line stays", 0, "amount")

	// Tab goes through the amount and then the note of each line.
	press(c, fyne.KeyTab, false)
	expect("Tab", 0, "note")
	press(c, fyne.KeyTab, false)
	expect("Tab from a note", 1, "amount")
	press(c, fyne.KeyTab, true)
	expect("Shift+Tab", 0, "note")
	press(c, fyne.KeyReturn, false)
	expect("Enter in a note", 1, "note")

	// Down to the last line: it is scrolled into view; Tab and Enter stop there.
	last := len(g.lines) - 1
	for range g.lines {
		press(c, fyne.KeyDown, false)
	}
	expect("↓ past the end", last, "note")
	press(c, fyne.KeyTab, false)
	expect("Tab on the last cell", last, "note")
	press(c, fyne.KeyTab, true)
	press(c, fyne.KeyReturn, false)
	expect("Enter on the last amount", last, "amount")
	if g.rows.Size().Height > g.scroll.Size().Height && g.scroll.Offset.Y == 0 {
		t.Error("the grid did not scroll to the focused last line")
	}
	top := g.lines[last].box.Position().Y - g.scroll.Offset.Y
	if top < 0 || top+g.lines[last].box.Size().Height > g.scroll.Size().Height {
		t.Errorf("the last line (at %.0f in a view of %.0f) is not in view", top, g.scroll.Size().Height)
	}
	press(c, fyne.KeyTab, true)
	for range g.lines {
		press(c, fyne.KeyUp, false)
	}
	expect("↑ to the top", 0, "note")
	if top := g.lines[0].box.Position().Y - g.scroll.Offset.Y; top < 0 {
		t.Errorf("the first line is above the view (%.0f)", top)
	}
	if !g.dirty() {
		t.Error("typed figures do not make the grid unsaved")
	}
}

// totalsOf are the revenue and expenditure totals of the typed figures.
func totalsOf(g *proposalGrid) (rev, exp money.Amount) {
	for _, gl := range g.lines {
		if gl.line.Kind == domain.Revenue {
			rev += gl.value
		} else {
			exp += gl.value
		}
	}
	return rev, exp + g.p.Projects
}

func TestPasteAColumnIntoTheProposal(t *testing.T) {
	s, v := openProposal(t)
	c, g := s.win.Canvas(), v.grid
	c.Focus(g.lines[1].entry)
	// As Excel copies a column: Windows line ends and one at the end; a
	// second column is not ours.
	paste(c, "12,345.00\t备注\r\n6789\r\n1.5万\r\n")
	want := []money.Amount{money.FromYuan(12345), money.FromYuan(6789), money.FromYuan(15000)}
	for i, w := range want {
		gl := g.lines[1+i]
		if gl.value != w || gl.entry.Text != kit.Yuan(w) {
			t.Errorf("line %d holds %s (%q), want %s", 2+i, gl.value, gl.entry.Text, w)
		}
	}
	rev, exp := totalsOf(g)
	if !hasText(g.totals, kit.Yuan(rev)) || !hasText(g.totals, kit.Yuan(exp)) {
		t.Errorf("totals %s / %s not shown: %q", kit.Yuan(rev), kit.Yuan(exp), texts(g.totals))
	}
	if !g.dirty() {
		t.Error("a paste does not make the grid unsaved")
	}
	if !strings.Contains(g.status.Text, "已粘贴到3行") || !strings.Contains(g.status.Text, g.lines[3].subject()) {
		t.Errorf("the paste is not confirmed: %q", g.status.Text)
	}
	if r, _ := focusedLine(c, g); r != 1 {
		t.Errorf("the focus moved to line %d", r)
	}
	shot(t, s, "proposal-paste")

	// An empty cell clears its line, as in Excel.
	paste(c, "1\n\n3")
	if g.lines[2].value != 0 || g.lines[3].value != money.FromYuan(3) {
		t.Errorf("an empty cell left %s; the next got %s", g.lines[2].value, g.lines[3].value)
	}

	// A cell that is not an amount refuses the paste, naming its line.
	before := make([]money.Amount, len(g.lines))
	for i, gl := range g.lines {
		before[i] = gl.value
	}
	paste(c, "100\n1O0\n300\n")
	for i, gl := range g.lines {
		if gl.value != before[i] || gl.err != nil {
			t.Fatalf("a refused paste changed line %d: %s → %s", i+1, before[i], gl.value)
		}
	}
	for _, w := range []string{"未粘贴", "第2行", g.lines[2].subject(), "“1O0”不是金额"} {
		if !strings.Contains(g.status.Text, w) {
			t.Errorf("the refusal does not say %q: %q", w, g.status.Text)
		}
	}
	shot(t, s, "proposal-paste-refused")

	// More figures than lines below refuses it with the count.
	c.Focus(g.lines[len(g.lines)-2].entry)
	paste(c, "1\n2\n3\n\n\n")
	for i, gl := range g.lines {
		if gl.value != before[i] {
			t.Fatalf("a refused paste changed line %d", i+1)
		}
	}
	if !strings.Contains(g.status.Text, "复制了3个数") || !strings.Contains(g.status.Text, "只有2行") {
		t.Errorf("too many figures: %q", g.status.Text)
	}
	// Empty cells below the last line are no figures.
	paste(c, "7\n8\n\n\n")
	if g.lines[len(g.lines)-1].value != money.FromYuan(8) {
		t.Errorf("the last line holds %s", g.lines[len(g.lines)-1].value)
	}
}

// shot saves the window as a PNG in BUDGETPERF_SHOTS, when set.
func shot(t *testing.T, s *testHost, name string) {
	t.Helper()
	dir := os.Getenv("BUDGETPERF_SHOTS")
	if dir == "" {
		return
	}
	must(t, os.MkdirAll(dir, 0o755))
	// Laid out afresh at 1366×768, as a shown window is.
	s.win.Resize(fyne.NewSize(1365, 768))
	s.win.Resize(fyne.NewSize(1366, 768))
	f, err := os.Create(filepath.Join(dir, name+".png"))
	must(t, err)
	defer f.Close()
	must(t, png.Encode(f, s.win.Canvas().Capture()))
}

// The manual monthly split has the grid's keys and paste, in month order.
func TestManualSplitKeysAndPastedColumn(t *testing.T) {
	s, m := openMonthlyTab(t)
	mpSelect(t, m, "101", "30218")
	test.Tap(m.manual)
	d, c := m.editor, s.win.Canvas()
	month := func() int {
		for i, e := range d.entries {
			if c.Focused() == e {
				return i + 1
			}
		}
		return 0
	}
	if month() != 1 {
		t.Fatalf("the dialog opens with month %d focused", month())
	}
	steps := []struct {
		key   fyne.KeyName
		shift bool
		want  int
	}{{fyne.KeyReturn, false, 2}, {fyne.KeyDown, false, 3}, {fyne.KeyUp, false, 2}, {fyne.KeyReturn, true, 1},
		{fyne.KeyTab, false, 2}, {fyne.KeyTab, true, 1}}
	for _, st := range steps {
		press(c, st.key, st.shift)
		if month() != st.want {
			t.Fatalf("%s (shift %v): month %d focused, want %d", st.key, st.shift, month(), st.want)
		}
	}
	c.Focus(d.entries[5])
	press(c, fyne.KeyDown, false)
	if month() != 7 {
		t.Errorf("↓ from June goes to month %d, want July", month())
	}
	c.Focus(d.entries[11])
	press(c, fyne.KeyReturn, false)
	if c.Focused() != d.save {
		t.Errorf("Enter on December does not go to Save")
	}

	// A column of months pasted into February.
	c.Focus(d.entries[1])
	paste(c, "1,000\r\n\r\n0.3万\r\n")
	if d.entries[1].Text != "1,000.00" || d.entries[2].Text != "0.00" || d.entries[3].Text != "3,000.00" {
		t.Errorf("pasted months: %q %q %q", d.entries[1].Text, d.entries[2].Text, d.entries[3].Text)
	}
	paste(c, "5\nabc\n")
	if d.entries[1].Text != "1,000.00" || !strings.Contains(d.problem.Text, "3月对应的“abc”不是金额") {
		t.Errorf("a bad month was not refused whole: %q, %q", d.entries[1].Text, d.problem.Text)
	}
	paste(c, strings.Repeat("1\t", 11)+"1")
	if d.entries[1].Text != "1,000.00" || !strings.Contains(d.problem.Text, "复制了12个数，但从2月起只有11个月") {
		t.Errorf("twelve months into February: %q, %q", d.entries[1].Text, d.problem.Text)
	}
	mpTap(t, s, "取消")
}
