package prep

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// gridMode says which column of the proposal the current user fills in.
type gridMode int

const (
	modeView     gridMode = iota // nothing is editable
	modeProposal                 // the department's first-up figures
	modeRevised                  // the department's second-up figures
	modeControl                  // the budget office's control figures
)

// Proposal grid columns.
const (
	pcSubject = iota
	pcPriorBudget
	pcPriorActual
	pcProposal
	pcControl
	pcRevised
	pcGrowth
	pcNote
	pcCount
)

var proposalWidths = []float32{200, 112, 112, 120, 112, 120, 76, 120}

// proposalGrid is a department's proposal as a form: subjects grouped in
// sections, the prior year beside each line, one editable amount column,
// and totals that follow the typing.
type proposalGrid struct {
	root   fyne.CanvasObject
	rows   *fyne.Container
	totals *fyne.Container
	header *fyne.Container
	status *widget.Label
	scroll *container.Scroll
	nav    *kit.CellNav // Enter, the arrows and Tab between the editable cells

	p       budgeting.Proposal
	mode    gridMode
	lines   []*gridLine
	focused *gridLine // the row last typed in, for "fill this line"
	onDirty func()
	// onTotals receives the expenditure total (with projects) as it is typed.
	onTotals func(expenditure money.Amount)
}

// gridLine is one subject row and what the user typed in it.
type gridLine struct {
	line   budgeting.ProposalLine
	entry  *kit.AmountEntry
	note   *kit.TextCell
	box    fyne.CanvasObject // the row on screen
	cells  [pcCount]*kit.ElidedLabel
	value  money.Amount
	err    error
	dirty  bool
	parent *proposalGrid
}

func newProposalGrid() *proposalGrid {
	g := &proposalGrid{rows: container.NewVBox(), totals: container.NewVBox(), status: widget.NewLabel("")}
	g.status.Importance = widget.DangerImportance
	g.status.Wrapping = fyne.TextWrapWord
	g.header = kit.NewColumns(proposalWidths, g.headerCells()...)
	g.scroll = container.NewVScroll(g.rows)
	g.root = container.NewBorder(container.NewVBox(g.header, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), g.totals, g.status), nil, nil, g.scroll)
	return g
}

func (g *proposalGrid) headerCells() []fyne.CanvasObject {
	prior := i18n.T("prep.col.prior_actual")
	if g.p.PriorMonths > 0 && g.p.PriorMonths < 12 {
		prior = i18n.T("prep.col.prior_estimate", "Months", g.p.PriorMonths)
	}
	keys := []string{i18n.T("prep.col.subject"), i18n.T("prep.col.prior_budget"), prior, i18n.T("prep.col.proposal"),
		i18n.T("prep.col.control"), i18n.T("prep.col.revised"), i18n.T("prep.col.growth"), i18n.T("prep.col.note")}
	out := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		l := widget.NewLabelWithStyle(k, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		out[i] = l
	}
	return out
}

// set shows p; mode decides which column takes input.
func (g *proposalGrid) set(p budgeting.Proposal, mode gridMode) {
	g.p, g.mode = p, mode
	g.header.Objects = g.headerCells()
	g.header.Refresh()
	g.lines = nil
	var objs []fyne.CanvasObject
	section := ""
	for _, l := range p.Lines {
		if l.Section.Key != section {
			section = l.Section.Key
			objs = append(objs, g.sectionRow(l))
		}
		gl := g.newLine(l)
		g.lines = append(g.lines, gl)
		gl.box = gl.row()
		objs = append(objs, gl.box)
	}
	if p.ProjectCount > 0 {
		cells := make([]fyne.CanvasObject, pcCount)
		for i := range cells {
			cells[i] = widget.NewLabel("")
		}
		cells[pcSubject] = widget.NewLabel(i18n.T("prep.projects_line", "Count", p.ProjectCount))
		for _, c := range []int{pcProposal, pcRevised} {
			cells[c] = amountLabel(p.Projects, false)
		}
		objs = append(objs, kit.NewColumns(proposalWidths, cells...))
	}
	if len(p.Lines) == 0 {
		// "click Add subject…" only where that button is there to click
		key := "prep.no_lines"
		if mode != modeProposal && mode != modeRevised {
			key = "prep.no_lines_view"
		}
		objs = append(objs, widget.NewLabel(i18n.T(key)))
	}
	g.rows.Objects = objs
	g.rows.Refresh()
	g.wireKeys()
	g.status.SetText("")
	g.recalc()
}

func (g *proposalGrid) sectionRow(l budgeting.ProposalLine) fyne.CanvasObject {
	title := i18n.T("prep.section." + l.Section.Key)
	if l.Section.Code != "" {
		title = i18n.T("prep.section.expenditure", "Code", l.Section.Code, "Name", kit.PickName(l.Section.Name, l.Section.NameEn))
	}
	return widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (g *proposalGrid) newLine(l budgeting.ProposalLine) *gridLine {
	gl := &gridLine{line: l, parent: g, value: g.current(l)}
	for i := range gl.cells {
		gl.cells[i] = kit.NewElidedLabel("")
		gl.cells[i].Alignment = fyne.TextAlignTrailing
	}
	name := l.SubjectName
	if i18n.Current() == i18n.English && l.SubjectNameEn != "" {
		name = l.SubjectNameEn
	}
	gl.cells[pcSubject].SetText(l.SubjectCode + " " + name)
	gl.cells[pcSubject].Alignment = fyne.TextAlignLeading
	gl.cells[pcPriorBudget].SetText(kit.Yuan(l.PriorBudget))
	gl.cells[pcPriorActual].SetText(kit.Yuan(l.PriorActual))
	gl.cells[pcProposal].SetText(kit.Yuan(l.Proposal))
	gl.cells[pcControl].SetText(optAmount(l.Control))
	gl.cells[pcRevised].SetText(optAmount(l.Revised))
	gl.cells[pcNote].SetText(l.Note)
	gl.cells[pcNote].Alignment = fyne.TextAlignLeading
	if g.mode != modeView {
		gl.entry = kit.NewAmountEntry()
		gl.entry.SetText(kit.Yuan(gl.value))
		gl.entry.OnChanged = func(string) { gl.changed() }
		gl.entry.OnCommit = func() {
			if gl.err == nil && gl.entry.Text != "" {
				gl.entry.SetText(kit.Yuan(gl.value))
			}
		}
		gl.entry.OnFocus = func() { g.focused = gl }
		gl.entry.OnPaste = func(text string) bool { return g.paste(gl, text) }
	}
	if g.mode == modeProposal || g.mode == modeRevised {
		gl.note = kit.NewTextCell()
		gl.note.SetText(l.Note)
		gl.note.OnChanged = func(string) { gl.dirty = true; g.dirtied() }
	}
	return gl
}

// current is the figure of the editable column.
func (g *proposalGrid) current(l budgeting.ProposalLine) money.Amount {
	switch g.mode {
	case modeControl:
		if l.Control != nil {
			return *l.Control
		}
		return l.Final()
	case modeRevised:
		return l.Final()
	}
	return l.Proposal
}

func (gl *gridLine) row() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, pcCount)
	for i, c := range gl.cells {
		cells[i] = c
	}
	if gl.entry != nil {
		col := map[gridMode]int{modeProposal: pcProposal, modeRevised: pcRevised, modeControl: pcControl}[gl.parent.mode]
		cells[col] = gl.entry
	}
	if gl.note != nil {
		cells[pcNote] = gl.note
	}
	return kit.NewColumns(proposalWidths, cells...)
}

func (gl *gridLine) changed() {
	v, err := kit.ParseAmount(gl.entry.Text)
	gl.err = err
	g := gl.parent
	// The row's subject turns red while its cell is not an amount.
	if err != nil {
		gl.cells[pcSubject].Importance = widget.DangerImportance
	} else {
		gl.cells[pcSubject].Importance = widget.MediumImportance
	}
	gl.cells[pcSubject].Refresh()
	if err != nil {
		g.status.SetText(i18n.T("prep.bad_amount", "Subject", gl.subject(), "Text", gl.entry.Text))
		g.dirtied()
		return
	}
	if v != gl.value {
		gl.value = v
		gl.dirty = true
	}
	g.status.SetText(g.firstError())
	g.dirtied()
	g.recalc()
}

func (g *proposalGrid) dirtied() {
	if g.onDirty != nil {
		g.onDirty()
	}
}

// firstError names the first cell that is not an amount, "" when all are.
func (g *proposalGrid) firstError() string {
	for _, gl := range g.lines {
		if gl.err != nil {
			return i18n.T("prep.bad_amount", "Subject", gl.subject(), "Text", gl.entry.Text)
		}
	}
	return ""
}

// final is the line's figure as it stands with the typing: the column
// being edited replaces the stored one.
func (gl *gridLine) final() money.Amount {
	switch gl.parent.mode {
	case modeProposal, modeRevised:
		return gl.value
	}
	return gl.line.Final()
}

// recalc refreshes growth per line and the pinned totals as the user types.
func (g *proposalGrid) recalc() {
	var rev, exp struct{ priorBudget, priorActual, proposal, control, final money.Amount }
	for _, gl := range g.lines {
		f := gl.final()
		gl.cells[pcGrowth].SetText(growthText(f, gl.line.PriorBudget))
		t := &exp
		if gl.line.Kind == domain.Revenue {
			t = &rev
		}
		t.priorBudget += gl.line.PriorBudget
		t.priorActual += gl.line.PriorActual
		t.proposal += gl.line.Proposal
		if g.mode == modeProposal {
			t.proposal += gl.value - gl.line.Proposal
		}
		switch {
		case g.mode == modeControl:
			t.control += gl.value
		case gl.line.Control != nil:
			t.control += *gl.line.Control
		}
		t.final += f
	}
	exp.proposal += g.p.Projects
	exp.final += g.p.Projects
	control := exp.control
	if g.p.Dept.ControlTotal != nil && g.mode != modeControl {
		control = *g.p.Dept.ControlTotal
	}
	row := func(title string, priorBudget, priorActual, proposal, ctl, final money.Amount, showControl bool) fyne.CanvasObject {
		cells := []fyne.CanvasObject{
			widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			amountLabel(priorBudget, true), amountLabel(priorActual, true), amountLabel(proposal, true),
			widget.NewLabel(""), widget.NewLabel(""),
			widget.NewLabelWithStyle(growthText(final, priorBudget), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), widget.NewLabel(""),
		}
		// The revised column totals only once there is a second round.
		if g.p.Dept.Round == 2 {
			cells[pcRevised] = amountLabel(final, true)
		}
		if showControl {
			l := amountLabel(ctl, true)
			if final > ctl {
				l.Importance = widget.DangerImportance
			}
			cells[pcControl] = l
		}
		return kit.NewColumns(proposalWidths, cells...)
	}
	if g.onTotals != nil {
		g.onTotals(exp.final)
	}
	hasControl := control != 0 || g.p.Dept.ControlTotal != nil
	g.totals.Objects = []fyne.CanvasObject{
		row(i18n.T("prep.total.revenue"), rev.priorBudget, rev.priorActual, rev.proposal, rev.control, rev.final, rev.control != 0),
		row(i18n.T("prep.total.expenditure"), exp.priorBudget, exp.priorActual, exp.proposal, control, exp.final, hasControl),
	}
	g.totals.Refresh()
}

// edits are the typed figures of changed lines; ok is false while a cell
// does not hold an amount.
func (g *proposalGrid) edits() (out []budgeting.LineEdit, ok bool) {
	for _, gl := range g.lines {
		if gl.err != nil {
			return nil, false
		}
		if gl.dirty {
			note := gl.line.Note
			if gl.note != nil {
				note = gl.note.Text
			}
			out = append(out, budgeting.LineEdit{SubjectCode: gl.line.SubjectCode, Amount: gl.value, Note: note})
		}
	}
	return out, true
}

// controlEdits are the typed control figures of changed lines.
func (g *proposalGrid) controlEdits() (out []budgeting.ControlEdit, ok bool) {
	for _, gl := range g.lines {
		if gl.err != nil {
			return nil, false
		}
		if gl.dirty {
			v := gl.value
			out = append(out, budgeting.ControlEdit{SubjectCode: gl.line.SubjectCode, Control: &v})
		}
	}
	return out, true
}

func (g *proposalGrid) dirty() bool {
	for _, gl := range g.lines {
		if gl.dirty || gl.err != nil {
			return true
		}
	}
	return false
}

// fillBaseline puts prior-year actual × (1 + growth) into the editable
// column of the lines chosen by pick (all when pick is nil).
func (g *proposalGrid) fillBaseline(growth domain.Growth, pick func(*gridLine) bool) int {
	n := 0
	for _, gl := range g.lines {
		if gl.entry == nil || pick != nil && !pick(gl) {
			continue
		}
		gl.entry.SetText(kit.Yuan(domain.Baseline(gl.line.PriorActual, growth)))
		n++
	}
	return n
}

func amountLabel(a money.Amount, bold bool) *widget.Label {
	return widget.NewLabelWithStyle(kit.Yuan(a), fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold})
}

func optAmount(a *money.Amount) string {
	if a == nil {
		return "—"
	}
	return kit.Yuan(*a)
}

// growthText is the growth on the prior-year budget, "新增" for a line
// that had none.
func growthText(now, before money.Amount) string {
	r, ok := domain.GrowthRate(now, before)
	if !ok {
		if now == 0 {
			return "—"
		}
		return i18n.T("prep.new_line")
	}
	return i18n.SignedPercent(r)
}
