package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// execTable is the Execution screen's table: departments, a department's
// subjects, or the ledger lines behind a subject. It is virtualised, so a
// subject with tens of thousands of ledger lines scrolls smoothly.
type execTable struct {
	shell  *Shell
	table  *widget.Table
	header []string
	widths []float32
	cells  func(r, c int) (string, fyne.TextAlign, widget.Importance)
	rows   int
	codes  []string // the code each row opens; "" for rows that open nothing
	onOpen func(code string)
}

var figureHeader = []string{"col.code", "col.name", "exec.col.budget", "exec.col.plan", "exec.col.actual", "exec.col.rate", "col.ratio_short", "col.deviation", "col.status"}
var figureWidths = []float32{70, 200, 118, 128, 118, 76, 86, 80, 118} // the status column holds 超支预警 / Overspent whole
var ledgerHeader = []string{"col.month", "col.date", "col.voucher", "col.summary", "col.amount_yuan", "col.source"}
var ledgerWidths = []float32{60, 110, 120, 330, 140, 200}

func newExecTable(s *Shell) *execTable {
	t := &execTable{shell: s}
	t.table = widget.NewTable(func() (int, int) { return t.rows, len(t.header) },
		func() fyne.CanvasObject {
			return kit.NewElidedLabel("")
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*kit.ElidedLabel)
			if t.cells == nil || id.Row >= t.rows || id.Col >= len(t.header) {
				l.SetText("")
				return
			}
			text, align, imp := t.cells(id.Row, id.Col)
			l.Alignment, l.Importance = align, imp
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0 && len(t.codes) > 0 && t.codes[0] == ""}
			l.SetText(text)
		})
	t.table.ShowHeaderRow = true
	t.table.StickyRowCount = 1
	t.table.CreateHeader = func() fyne.CanvasObject {
		return kit.NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < len(t.header) {
			o.(*kit.ElidedLabel).SetText(i18n.T(t.header[id.Col]))
		}
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.codes) && t.codes[id.Row] != "" && t.onOpen != nil {
			t.onOpen(t.codes[id.Row])
		}
	}
	return t
}

func (t *execTable) setColumns(header []string, widths []float32) {
	t.header, t.widths = header, widths
	for c, w := range widths {
		t.table.SetColumnWidth(c, w)
	}
}

// showDepartments lists every department with the hospital total
// (全院合计) first.
func (t *execTable) showDepartments(ex pace.Execution, kind domain.SubjectKind) {
	t.setColumns(figureHeader, figureWidths)
	rows := []pace.DeptRow{ex.Total}
	// The hospital total is 全院合计, never plain 全院: department 000 is
	// named 全院 (the hospital-wide cost centre) and is listed below it.
	// A department head's total is of their own departments (Scope).
	total := totalName(ex)
	rows[0].Name, rows[0].NameEn = total, total
	t.codes = []string{""}
	for _, d := range ex.Departments {
		if d.Of(kind) == (pace.Figures{}) {
			continue
		}
		rows = append(rows, d)
		t.codes = append(t.codes, d.Code)
	}
	t.rows = len(rows)
	t.cells = func(r, c int) (string, fyne.TextAlign, widget.Importance) {
		d := rows[r]
		return figureCell(d.Code, kit.PickName(d.Name, d.NameEn), d.Of(kind), c)
	}
	t.table.ScrollToTop()
	t.table.Refresh()
}

// showSubjects lists a department's subjects of kind with its total first.
func (t *execTable) showSubjects(ex pace.Execution, d pace.DeptRow, kind domain.SubjectKind) {
	t.setColumns(figureHeader, figureWidths)
	type row struct {
		code, name string
		f          pace.Figures
	}
	rows := []row{{"", i18n.T("col.total"), d.Of(kind)}}
	t.codes = []string{""}
	for _, s := range d.Subjects {
		if s.Kind == kind {
			rows = append(rows, row{s.Code, kit.PickName(s.Name, s.NameEn), s.Figures})
			t.codes = append(t.codes, s.Code)
		}
	}
	t.rows = len(rows)
	t.cells = func(r, c int) (string, fyne.TextAlign, widget.Importance) {
		return figureCell(rows[r].code, rows[r].name, rows[r].f, c)
	}
	t.table.ScrollToTop()
	t.table.Refresh()
}

// figureCell is one cell of a department or subject row.
func figureCell(code, name string, f pace.Figures, c int) (string, fyne.TextAlign, widget.Importance) {
	imp := widget.MediumImportance
	switch c {
	case 0:
		return code, fyne.TextAlignLeading, imp
	case 1:
		return name, fyne.TextAlignLeading, imp
	case 2:
		return kit.Wan(f.Budget), fyne.TextAlignTrailing, imp
	case 3:
		return kit.Wan(f.PlanToDate), fyne.TextAlignTrailing, imp
	case 4:
		return kit.Wan(f.Actual), fyne.TextAlignTrailing, imp
	case 5:
		if f.Budget == 0 {
			return "—", fyne.TextAlignTrailing, imp
		}
		return i18n.Percent(f.ExecutionRate()), fyne.TextAlignTrailing, imp
	case 6:
		if f.Pace == pace.NoPlan {
			return "—", fyne.TextAlignTrailing, imp
		}
		return i18n.Ratio(f.Ratio), fyne.TextAlignTrailing, kit.LevelImportance(f.Pace.Level())
	case 7:
		d, ok := f.Deviation()
		if !ok {
			return "—", fyne.TextAlignTrailing, imp
		}
		return i18n.SignedPercent(d), fyne.TextAlignTrailing, imp
	}
	return i18n.T(f.Status.Key()), fyne.TextAlignLeading, kit.LevelImportance(f.Status.Level())
}

// showLedger lists the ledger lines behind a subject.
func (t *execTable) showLedger(lines []domain.Actual, total int) {
	t.setColumns(ledgerHeader, ledgerWidths)
	t.codes = nil
	t.rows = len(lines)
	if total > len(lines) {
		t.rows++ // a last row says how many more there are
	}
	t.cells = func(r, c int) (string, fyne.TextAlign, widget.Importance) {
		if r >= len(lines) {
			if c == 3 {
				return i18n.T("exec.ledger_more", "Shown", len(lines), "Total", total), fyne.TextAlignLeading, widget.WarningImportance
			}
			return "", fyne.TextAlignLeading, widget.MediumImportance
		}
		a := lines[r]
		switch c {
		case 0:
			return kit.MonthName(a.Month), fyne.TextAlignLeading, widget.MediumImportance
		case 1:
			if a.Date.IsZero() {
				return "—", fyne.TextAlignLeading, widget.MediumImportance
			}
			return a.Date.Format("2006-01-02"), fyne.TextAlignLeading, widget.MediumImportance
		case 2:
			return a.Voucher, fyne.TextAlignLeading, widget.MediumImportance
		case 3:
			if a.Summary == "" && a.Date.IsZero() {
				return i18n.T("exec.monthly_summary"), fyne.TextAlignLeading, widget.MediumImportance
			}
			return a.Summary, fyne.TextAlignLeading, widget.MediumImportance
		case 4:
			imp := widget.MediumImportance
			if a.Amount < 0 {
				imp = widget.DangerImportance
			}
			return money.FormatPlain(a.Amount), fyne.TextAlignTrailing, imp
		}
		return i18n.SourceText(a.Source), fyne.TextAlignLeading, widget.MediumImportance
	}
	t.table.ScrollToTop()
	t.table.Refresh()
}

// totalName is what the total of ex is called: 全院合计 for the hospital,
// 本人科室合计 for a department head, whose total is over their own
// departments only (Scope) and must not read as the hospital's.
func totalName(ex pace.Execution) string {
	if ex.Scope != nil {
		return i18n.T("exec.own_total")
	}
	return i18n.T("exec.hospital_total")
}
