package deptbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// cellRef is a cell as messages name it: 预算建议表!G12.
func cellRef(sheet, col string, row int) string { return fmt.Sprintf("%s!%s%d", sheet, col, row) }

// Cell kinds of the seal: an amount compares by its value in fen (a
// spreadsheet may write 1200 for 1200.00), text as it is.
const (
	kindAmount = "n"
	kindText   = "s"
)

// sheetWriter writes cells and remembers every protected one with its
// value, for the seal. The first error stops further writing.
type sheetWriter struct {
	f      *excelize.File
	st     styles
	sealed [][]string // {"cell", sheet, ref, kind, value}
	err    error
}

func (w *sheetWriter) fail(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *sheetWriter) style(sheet, ref string, style int) {
	w.fail(w.f.SetCellStyle(sheet, ref, ref, style))
}

// text writes a protected text cell (empty text too: a blank protected
// cell filled in later is a change as well).
func (w *sheetWriter) text(sheet, ref, s string, style int) {
	if w.err != nil {
		return
	}
	if s != "" {
		w.fail(w.f.SetCellStr(sheet, ref, s))
	}
	w.style(sheet, ref, style)
	w.sealed = append(w.sealed, []string{"cell", sheet, ref, kindText, s})
}

// amount writes a protected amount as an exact decimal number of yuan.
func (w *sheetWriter) amount(sheet, ref string, a money.Amount, style int) {
	if w.err != nil {
		return
	}
	w.fail(w.f.SetCellDefault(sheet, ref, a.String()))
	w.style(sheet, ref, style)
	w.sealed = append(w.sealed, []string{"cell", sheet, ref, kindAmount, a.String()})
}

// optAmount is amount, or a blank protected cell for nil.
func (w *sheetWriter) optAmount(sheet, ref string, a *money.Amount, style int) {
	if a == nil {
		w.text(sheet, ref, "", style)
		return
	}
	w.amount(sheet, ref, *a, style)
}

// inputAmount writes an unlocked amount cell, filled with the current figure.
func (w *sheetWriter) inputAmount(sheet, ref string, a *money.Amount, style int) {
	if w.err != nil {
		return
	}
	if a != nil {
		w.fail(w.f.SetCellDefault(sheet, ref, a.String()))
	}
	w.style(sheet, ref, style)
}

// inputText writes an unlocked text cell.
func (w *sheetWriter) inputText(sheet, ref, s string, style int) {
	if w.err != nil {
		return
	}
	if s != "" {
		w.fail(w.f.SetCellStr(sheet, ref, s))
	}
	w.style(sheet, ref, style)
}

// formula writes a protected formula; its value is the spreadsheet's, so
// it is neither sealed nor read back.
func (w *sheetWriter) formula(sheet, ref, formula string, style int) {
	if w.err != nil {
		return
	}
	w.fail(w.f.SetCellFormula(sheet, ref, formula))
	w.style(sheet, ref, style)
}

// merge merges a row's cells from..to.
func (w *sheetWriter) merge(sheet, from, to string) {
	if w.err == nil {
		w.fail(w.f.MergeCell(sheet, from, to))
	}
}

// quoted is a sheet name as a formula refers to it.
func quoted(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// styles are the workbook's cell styles.
type styles struct {
	title, info, head, label, text, amount, total, totalLabel, inAmount, inText, blank int
}

const amountFormat = "#,##0.00;[Red]-#,##0.00"

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	numFmt := amountFormat
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	wrapLeft := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Size: 15}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Protection: locked},
		{Alignment: wrapLeft, Protection: locked},
		{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: locked},
		{Border: border, Fill: grey, Alignment: wrapLeft, Protection: locked},
		{Border: border, Alignment: wrapLeft, Protection: locked},
		{Border: border, CustomNumFmt: &numFmt, Protection: locked},
		{Border: border, CustomNumFmt: &numFmt, Font: &excelize.Font{Bold: true}, Fill: grey, Protection: locked},
		{Border: border, Font: &excelize.Font{Bold: true}, Fill: grey, Alignment: wrapLeft, Protection: locked},
		{Border: border, CustomNumFmt: &numFmt, Fill: yellow, Protection: unlocked},
		{Border: border, Fill: yellow, Alignment: wrapLeft, Protection: unlocked},
		{Border: border, Fill: grey, Protection: locked},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return styles{}, err
		}
		ids[i] = id
	}
	return styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9], ids[10]}, nil
}
