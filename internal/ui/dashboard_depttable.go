package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// deptTable lists every department's expenditure execution with a pinned,
// bold totals row; a tap on a column header sorts by it.
type deptTable struct {
	table   *widget.Table
	rows    []pace.DeptRow
	total   pace.DeptRow
	sortCol int
	desc    bool
	onOpen  func(code string) // a department row was tapped
	// box gives the table the height of all its rows: on the scrolling
	// dashboard a table of its own scroll showed three rows.
	box *kit.MinHeightLayout
}

const (
	colCode = iota
	colName
	colBudget
	colActual
	colRate
	colRatio
	colPace
	colStatus
	colCount
)

var colKeys = [colCount]string{"col.code", "col.department", "col.expenditure_budget_wan", "col.expenditure_actual_wan", "col.rate", "col.ratio", "col.pace", "col.status"}
var colWidths = [colCount]float32{70, 190, 150, 150, 90, 150, 110, 100}

func newDeptTable() *deptTable {
	t := &deptTable{sortCol: colCode}
	t.table = widget.NewTable(
		func() (int, int) { return len(t.rows) + 1, colCount },
		func() fyne.CanvasObject {
			return kit.NewElidedLabel("") // a long name stays in its column, whole on hover
		},
		t.update)
	t.table.ShowHeaderRow = true
	t.table.StickyRowCount = 1
	t.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		text := i18n.T(colKeys[id.Col])
		if id.Col == t.sortCol {
			text += map[bool]string{false: " ▲", true: " ▼"}[t.desc]
		}
		b.SetText(text)
		b.OnTapped = func() { t.sortBy(id.Col) }
	}
	for c, w := range colWidths {
		t.table.SetColumnWidth(c, w)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row > 0 && id.Row <= len(t.rows) && t.onOpen != nil {
			t.onOpen(t.rows[id.Row-1].Code)
		}
	}
	return t
}

// set shows the overview's departments, the total first.
func (t *deptTable) set(o pace.Execution) {
	t.rows = append([]pace.DeptRow(nil), o.Departments...)
	t.total = o.Total
	t.total.Name, t.total.NameEn = totalName(o), totalName(o)
	t.sort()
	t.fitRows()
	t.table.Refresh()
}

// fitRows makes the box as high as the header, the totals row and every
// department's row with their dividers.
func (t *deptTable) fitRows() {
	if t.box == nil {
		return
	}
	t.box.Height = kit.TableHeight(widget.NewButton("0", nil).MinSize().Height, len(t.rows)+1)
}

func (t *deptTable) sortBy(col int) {
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.sort()
	t.table.Refresh()
}

func (t *deptTable) sort() {
	key := func(e pace.DeptRow) (float64, string) {
		switch t.sortCol {
		case colBudget:
			return float64(e.Expenditure.Budget), ""
		case colActual:
			return float64(e.Expenditure.Actual), ""
		case colRate:
			return e.Expenditure.ExecutionRate(), ""
		case colRatio, colPace:
			return e.Expenditure.Ratio, ""
		case colStatus:
			return float64(statusRank(e.Expenditure.Status)), ""
		case colName:
			return 0, e.Name
		}
		return 0, e.Code
	}
	sort.SliceStable(t.rows, func(i, j int) bool {
		ni, si := key(t.rows[i])
		nj, sj := key(t.rows[j])
		less := ni < nj || (ni == nj && strings.Compare(si, sj) < 0)
		if t.desc {
			return !less && (ni != nj || si != sj)
		}
		return less
	})
}

// cell is the text of row r (0 = total) and column c, with how to show it.
func (t *deptTable) cell(r, c int) (string, fyne.TextAlign, widget.Importance) {
	e := t.total
	if r > 0 {
		e = t.rows[r-1]
	}
	imp := widget.MediumImportance
	switch c {
	case colCode:
		return e.Code, fyne.TextAlignLeading, imp
	case colName:
		return kit.PickName(e.Name, e.NameEn), fyne.TextAlignLeading, imp
	case colBudget:
		return kit.Wan(e.Expenditure.Budget), fyne.TextAlignTrailing, imp
	case colActual:
		return kit.Wan(e.Expenditure.Actual), fyne.TextAlignTrailing, imp
	case colRate:
		return i18n.Percent(e.Expenditure.ExecutionRate()), fyne.TextAlignTrailing, imp
	case colRatio:
		if e.Expenditure.Pace == pace.NoPlan {
			return "—", fyne.TextAlignTrailing, imp
		}
		return i18n.Ratio(e.Expenditure.Ratio), fyne.TextAlignTrailing, imp
	case colStatus:
		return i18n.T(e.Expenditure.Status.Key()), fyne.TextAlignLeading, kit.LevelImportance(e.Expenditure.Status.Level())
	}
	if e.Expenditure.Pace != pace.NoPlan {
		imp = kit.LevelImportance(e.Expenditure.Pace.Level())
	}
	return i18n.T(e.Expenditure.Pace.Key()), fyne.TextAlignLeading, imp
}

func (t *deptTable) update(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*kit.ElidedLabel)
	text, align, imp := t.cell(id.Row, id.Col)
	l.Alignment = align
	l.Importance = imp
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
	l.SetText(text)
}

// statusRank sorts statuses by urgency: red first when descending.
func statusRank(s pace.Status) int {
	for i, l := range pace.Levels {
		if s.Level() == l {
			return len(pace.Levels) - i
		}
	}
	return 0
}
