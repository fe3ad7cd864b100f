package workbook

// The finance bureau's forms (申报表, 自评表, 监控表, 整体自评) are grids of
// merged cells. A Form is such a grid laid out once, by the service that
// owns the form's figures; WriteForms renders it as a workbook sheet and
// the PDF report draws the same grid, so the two cannot disagree.

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Form is one printed form: a title, the lines under it (填报单位, 年度,
// 单位), a grid of cells and notes under the grid.
type Form struct {
	Sheet string // the sheet name: at most 31 characters, no []:*?/\
	Title string
	// Lines are printed under the title, left to right on one row: e.g.
	// "填报单位：…", "年度：2026", "单位：万元".
	Lines  []string
	Widths []float64 // column widths in characters (Excel's unit)
	Rows   []FormRow
	Notes  []string // printed under the grid, one per row
}

// FormRow is one row of the grid. A header row is bold and shaded.
type FormRow struct {
	Head  bool
	Cells []FormCell
}

// FormCell is a cell of the grid at column Col (from 0), spanning Span
// columns and Down rows (1 when 0). Text is what is shown. Number, when
// set, is the exact value as decimal text, written to the workbook as a
// number in NumFmt (e.g. "#,##0.00") so that it displays as Text does.
type FormCell struct {
	Col, Span, Down int
	Text            string
	Number, NumFmt  string
	Align           string // "L", "C" or "R"; "" is "L" for text, "R" for numbers
	Bold            bool
}

// Columns is the grid's column count.
func (f Form) Columns() int { return len(f.Widths) }

// AlignOf is the cell's alignment.
func (c FormCell) AlignOf() string {
	switch {
	case c.Align != "":
		return c.Align
	case c.Number != "":
		return "R"
	}
	return "L"
}

// Spans are the cell's column and row spans, at least 1.
func (c FormCell) Spans() (cols, rows int) { return max(c.Span, 1), max(c.Down, 1) }

// formTop is the number of rows above the grid: the title and the lines.
const formTop = 2

// WriteForms writes forms as one workbook, a sheet each, A4 landscape
// fitted to one page wide with the grid as the print area, and stamp at
// the foot of every page.
func WriteForms(w io.Writer, title string, forms []Form, stamp string) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newFormStyles(f)
	if err != nil {
		return err
	}
	for i, form := range forms {
		if i == 0 {
			err = f.SetSheetName("Sheet1", form.Sheet)
		} else {
			_, err = f.NewSheet(form.Sheet)
		}
		if err != nil {
			return err
		}
		if err := writeForm(f, form, st); err != nil {
			return fmt.Errorf("%s: %w", form.Sheet, err)
		}
	}
	f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "BudgetPerf"})
	if err := Stamp(f, stamp); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// SaveForms writes the forms' workbook to path, whole or not at all.
func SaveForms(path, title string, forms []Form, stamp string) error {
	return Save(path, func(w io.Writer) error { return WriteForms(w, title, forms, stamp) })
}

type formStyles struct {
	title, line, head, text, center, right int
	nums                                   map[string]int
	f                                      *excelize.File
}

func newFormStyles(f *excelize.File) (*formStyles, error) {
	st := &formStyles{nums: map[string]int{}, f: f}
	var err error
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}); err != nil {
		return nil, err
	}
	if st.line, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		to    *int
		align string
		head  bool
	}{{&st.head, "center", true}, {&st.text, "left", false}, {&st.center, "center", false}, {&st.right, "right", false}} {
		if *s.to, err = f.NewStyle(gridStyle(s.align, s.head, "")); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// gridStyle is a bordered, wrapping cell style.
func gridStyle(align string, head bool, numFmt string) *excelize.Style {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	s := &excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: align, Vertical: "center", WrapText: true}}
	if head {
		s.Font = &excelize.Font{Bold: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
	}
	if numFmt != "" {
		s.CustomNumFmt = &numFmt
	}
	return s
}

// of is the style of cell c in a row (head or not).
func (st *formStyles) of(c FormCell, head bool) (int, error) {
	if head || c.Bold {
		return st.head, nil
	}
	align := map[string]string{"L": "left", "C": "center", "R": "right"}[c.AlignOf()]
	if c.Number == "" || c.NumFmt == "" {
		return map[string]int{"left": st.text, "center": st.center, "right": st.right}[align], nil
	}
	key := align + "|" + c.NumFmt
	if id, ok := st.nums[key]; ok {
		return id, nil
	}
	id, err := st.f.NewStyle(gridStyle(align, false, c.NumFmt))
	st.nums[key] = id
	return id, err
}

// writeForm lays one form out on its sheet.
func writeForm(f *excelize.File, form Form, st *formStyles) error {
	sh, n := form.Sheet, form.Columns()
	last, _ := excelize.ColumnNumberToName(n)
	if err := writeFormTop(f, form, st, last); err != nil {
		return err
	}
	for r, row := range form.Rows {
		if err := writeFormRow(f, form, r, row, st); err != nil {
			return err
		}
	}
	end := formTop + len(form.Rows)
	for i, note := range form.Notes {
		cell := fmt.Sprintf("A%d", end+1+i)
		if err := f.SetCellStr(sh, cell, note); err != nil {
			return err
		}
		if err := f.MergeCell(sh, cell, fmt.Sprintf("%s%d", last, end+1+i)); err != nil {
			return err
		}
		_ = f.SetRowHeight(sh, end+1+i, 15*float64(textLines(note, totalWidth(form))))
	}
	for i, w := range form.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	return formPage(f, sh, fmt.Sprintf("$A$1:$%s$%d", last, end+len(form.Notes)))
}

// writeFormTop writes the title row and the lines row.
func writeFormTop(f *excelize.File, form Form, st *formStyles, last string) error {
	sh := form.Sheet
	if err := f.SetCellStr(sh, "A1", form.Title); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", last+"1", st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 30); err != nil {
		return err
	}
	text := ""
	for i, l := range form.Lines {
		if i > 0 {
			text += "        "
		}
		text += l
	}
	if err := f.SetCellStr(sh, "A2", text); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A2", last+"2"); err != nil {
		return err
	}
	return f.SetCellStyle(sh, "A2", last+"2", st.line)
}

// writeFormRow writes grid row r with its merges, styles and height.
func writeFormRow(f *excelize.File, form Form, r int, row FormRow, st *formStyles) error {
	sh, y := form.Sheet, formTop+1+r
	lines := 1
	for _, c := range row.Cells {
		cols, rows := c.Spans()
		from, _ := excelize.CoordinatesToCellName(c.Col+1, y)
		to, _ := excelize.CoordinatesToCellName(c.Col+cols, y+rows-1)
		var err error
		if c.Number != "" {
			err = f.SetCellDefault(sh, from, c.Number)
		} else {
			err = f.SetCellStr(sh, from, c.Text)
		}
		if err != nil {
			return err
		}
		if from != to {
			if err := f.MergeCell(sh, from, to); err != nil {
				return err
			}
		}
		style, err := st.of(c, row.Head)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, from, to, style); err != nil {
			return err
		}
		if rows == 1 {
			w := 0.0
			for k := c.Col; k < c.Col+cols && k < len(form.Widths); k++ {
				w += form.Widths[k]
			}
			lines = max(lines, textLines(c.Text, w))
		}
	}
	return f.SetRowHeight(sh, y, math.Min(409, 15*float64(lines)+3))
}

// textLines estimates the lines text takes in a column w characters wide:
// a Chinese character is two characters wide.
func textLines(text string, w float64) int {
	if w <= 0 {
		return 1
	}
	n, width := 1, 0.0
	for _, r := range text {
		if r == '\n' {
			n, width = n+1, 0
			continue
		}
		cw := 1.0
		if utf8.RuneLen(r) > 1 {
			cw = 2
		}
		if width+cw > w-1 {
			n, width = n+1, 0
		}
		width += cw
	}
	return n
}

func totalWidth(form Form) float64 {
	s := 0.0
	for _, w := range form.Widths {
		s += w
	}
	return s
}

// formPage sets A4 landscape, one page wide, and the print area.
func formPage(f *excelize.File, sh, area string) error {
	size, landscape, one, tall := 9, "landscape", 1, 0
	fit := true
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(sh)
	if err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!%s", sh, area), Scope: sheetScope(f, idx)})
}

func sheetScope(f *excelize.File, idx int) string { return f.GetSheetName(idx) }

// Text is a text cell at col spanning span columns.
func Text(col, span int, text string) FormCell { return FormCell{Col: col, Span: span, Text: text} }

// Label is a bold, centred text cell: a row or column heading.
func Label(col, span int, text string) FormCell {
	return FormCell{Col: col, Span: span, Text: text, Bold: true, Align: "C"}
}

// Wan is an amount cell in 万元 shown to two decimals; the workbook holds
// the exact amount (to the fen, six decimals of 万元).
func Wan(col, span int, a money.Amount) FormCell {
	return FormCell{Col: col, Span: span, Text: money.FormatIn(a, money.TenThousand, 2),
		Number: strings.ReplaceAll(money.FormatIn(a, money.TenThousand, 6), ",", ""), NumFmt: "#,##0.00"}
}

// Score is a score cell shown to two decimals.
func Score(col, span int, x float64) FormCell {
	x = math.Round(x*100) / 100
	return FormCell{Col: col, Span: span, Text: strconv.FormatFloat(x, 'f', 2, 64),
		Number: strconv.FormatFloat(x, 'f', 2, 64), NumFmt: "0.00"}
}

// Percent is a rate (a fraction) shown as a percentage to two decimals.
func Percent(col, span int, rate float64) FormCell {
	p := math.Round(rate*10000) / 100
	return FormCell{Col: col, Span: span, Text: strconv.FormatFloat(p, 'f', 2, 64) + "%",
		Number: strconv.FormatFloat(p/100, 'f', 6, 64), NumFmt: "0.00%"}
}

// Grouped makes the rows of an indicator table: label pairs (一级, 二级)
// in columns 0 and 1 merged down over consecutive equal labels, followed
// by each row's other cells.
func Grouped(labels [][2]string, rest [][]FormCell) []FormRow {
	rows := make([]FormRow, len(rest))
	for i := range rest {
		rows[i].Cells = append(rows[i].Cells, rest[i]...)
	}
	for level := 0; level < 2; level++ {
		for i := 0; i < len(labels); {
			j := i + 1
			for j < len(labels) && labels[j][0] == labels[i][0] && (level == 0 || labels[j][1] == labels[i][1]) {
				j++
			}
			c := FormCell{Col: level, Down: j - i, Text: labels[i][level], Align: "C"}
			rows[i].Cells = append([]FormCell{c}, rows[i].Cells...)
			i = j
		}
	}
	return rows
}
