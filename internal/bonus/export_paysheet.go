package bonus

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// PayWorkbook is a bonus allocation laid out for payroll: a sheet of
// departments and, when the staff split was imported, a sheet of people.
// Headers and titles come translated from the caller.
type PayWorkbook struct {
	Title, Subtitle string // e.g. hospital, year and approval; weights
	// DeptSheet and StaffSheet name the sheets.
	DeptSheet, StaffSheet string
	DeptHeader            []string // code, name, headcount, coefficient, one per dimension, composite, bonus
	StaffHeader           []string // department, staff no., name, post, post coefficient, attendance, work days, amount
	TotalLabel            string
	Stamp                 string // printed at the foot of every page (Stamp)
	Departments           []PayDept
	Staff                 []PayStaff
	// ReconcileSheet names the sheet of the staff list's reconciliation
	// (with the staff sheet only); ReconcileHeader its columns: department,
	// listed, headcount, people difference, department amount, paid,
	// difference, finding.
	ReconcileSheet  string
	ReconcileHeader []string
	Reconcile       []PayReconcile
	// Signers label the signature block under every sheet (制表人, 科室负责人,
	// 财务科审核, 分管院领导 — not the bare 财务科, which is a department's
	// name), each with SignLabel and a date line DateLabel.
	Signers              []string
	SignLabel, DateLabel string
}

// PayReconcile is a department's reconciliation row.
type PayReconcile struct {
	Dept              string
	Listed, Headcount int
	Amount, Paid      money.Amount
	Finding           string
}

// PayDept is a department's row.
type PayDept struct {
	Code, Name  string
	Headcount   int
	Coefficient string
	Scores      []float64
	Composite   float64
	Bonus       money.Amount
}

// PayStaff is a person's row.
type PayStaff struct {
	Dept, StaffNo, Name, Post string
	PostCoefficient           string
	Attendance, WorkDays      int
	Amount                    money.Amount
}

// SavePaySheet writes p to path (atomically, like SaveBudget).
func SavePaySheet(path string, p PayWorkbook) error {
	return workbook.Save(path, func(w io.Writer) error { return WritePaySheet(w, p) })
}

// WritePaySheet writes p: a title row, a subtitle row, the header and one
// row per department with a totals row; amounts are exact decimal values,
// the totals values rather than formulas so the file carries its figures.
func WritePaySheet(w io.Writer, p PayWorkbook) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", p.DeptSheet); err != nil {
		return err
	}
	st, err := newPayStyles(f)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(p.Departments)+1)
	var total money.Amount
	heads := 0
	for _, d := range p.Departments {
		r := []any{d.Code, d.Name, d.Headcount, num(d.Coefficient)}
		for _, s := range d.Scores {
			r = append(r, round2(s))
		}
		rows = append(rows, append(r, round2(d.Composite), amountValue(d.Bonus)))
		total += d.Bonus
		heads += d.Headcount
	}
	totals := make([]any, len(p.DeptHeader))
	totals[0], totals[2], totals[len(totals)-1] = p.TotalLabel, heads, amountValue(total)
	if err := writeTable(f, p.DeptSheet, p.Title, p.Subtitle, p.DeptHeader, rows, totals, st); err != nil {
		return err
	}
	if err := finishSheet(f, p, p.DeptSheet, len(p.DeptHeader), 4+len(rows), st); err != nil {
		return err
	}
	if len(p.Staff) > 0 {
		if err := writeStaffSheet(f, p, st); err != nil {
			return err
		}
		if err := writeReconcileSheet(f, p, st); err != nil {
			return err
		}
	}
	if err := workbook.Stamp(f, p.Stamp); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// writeStaffSheet writes the people and their totals.
func writeStaffSheet(f *excelize.File, p PayWorkbook, st payStyles) error {
	if _, err := f.NewSheet(p.StaffSheet); err != nil {
		return err
	}
	rows := make([][]any, 0, len(p.Staff))
	var total money.Amount
	for _, s := range p.Staff {
		rows = append(rows, []any{s.Dept, s.StaffNo, s.Name, s.Post, num(s.PostCoefficient), s.Attendance, s.WorkDays, amountValue(s.Amount)})
		total += s.Amount
	}
	totals := make([]any, len(p.StaffHeader))
	totals[0], totals[len(totals)-1] = p.TotalLabel, amountValue(total)
	if err := writeTable(f, p.StaffSheet, p.Title, p.Subtitle, p.StaffHeader, rows, totals, st); err != nil {
		return err
	}
	return finishSheet(f, p, p.StaffSheet, len(p.StaffHeader), 4+len(rows), st)
}

// writeReconcileSheet writes the reconciliation of the staff list with
// each department's headcount and amount; its last column is the finding
// in words, so amounts sit in the columns before it.
func writeReconcileSheet(f *excelize.File, p PayWorkbook, st payStyles) error {
	if len(p.Reconcile) == 0 {
		return nil
	}
	if _, err := f.NewSheet(p.ReconcileSheet); err != nil {
		return err
	}
	rows := make([][]any, 0, len(p.Reconcile))
	var amount, paid money.Amount
	listed, heads := 0, 0
	for _, r := range p.Reconcile {
		rows = append(rows, []any{r.Dept, r.Listed, r.Headcount, r.Listed - r.Headcount, amountValue(r.Amount), amountValue(r.Paid), amountValue(r.Paid - r.Amount), r.Finding})
		amount, paid, listed, heads = amount+r.Amount, paid+r.Paid, listed+r.Listed, heads+r.Headcount
	}
	totals := []any{p.TotalLabel, listed, heads, listed - heads, amountValue(amount), amountValue(paid), amountValue(paid - amount), nil}
	if err := writeTable(f, p.ReconcileSheet, p.Title, p.Subtitle, p.ReconcileHeader, rows, totals, st); err != nil {
		return err
	}
	end := 4 + len(rows)
	if err := f.SetCellStyle(p.ReconcileSheet, "E4", fmt.Sprintf("G%d", end), st.amount); err != nil {
		return err
	}
	if err := f.SetColWidth(p.ReconcileSheet, "H", "H", 60); err != nil {
		return err
	}
	return finishSheet(f, p, p.ReconcileSheet, len(p.ReconcileHeader), end, st)
}

// finishSheet puts the signature block two rows under the totals row end
// (one row per signer: who, signature line, date line) and sets the sheet
// to print on A4: landscape when it is wider than 8 columns, fitted to one
// page wide, the title and header rows repeated on every page, and the
// print area from A1 to the signature block.
func finishSheet(f *excelize.File, p PayWorkbook, sheet string, cols, end int, st payStyles) error {
	last := end
	for i, who := range p.Signers {
		last = end + 2 + 2*i
		if err := signatureRow(f, sheet, last, who, p.SignLabel, p.DateLabel, st); err != nil {
			return err
		}
	}
	lastCol, err := excelize.ColumnNumberToName(max(cols, 4))
	if err != nil {
		return err
	}
	size, wide, tall, orient := 9, 1, 0, "portrait" // 9 = A4
	if cols > 8 {
		orient = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoted + "!$1:$3", Scope: sheet}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, lastCol, last), Scope: sheet})
}

// signatureRow writes "制表人 | 签字：________ | 日期：____年__月__日" on row.
func signatureRow(f *excelize.File, sheet string, row int, who, sign, date string, st payStyles) error {
	for c, v := range []string{who, sign, "", date} {
		cell, err := excelize.CoordinatesToCellName(c+1, row)
		if err != nil {
			return err
		}
		if v != "" {
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
		}
		style := st.signLine
		if c == 0 {
			style = st.total
		}
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			return err
		}
	}
	return nil
}

type payStyles struct{ title, header, amount, total, totalAmount, signLine int }

func newPayStyles(f *excelize.File) (payStyles, error) {
	var st payStyles
	var err error
	amountFmt := "#,##0.00;-#,##0.00"
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return st, err
	}
	if st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}); err != nil {
		return st, err
	}
	if st.amount, err = f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt}); err != nil {
		return st, err
	}
	if st.total, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return st, err
	}
	if st.signLine, err = f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}); err != nil {
		return st, err
	}
	st.totalAmount, err = f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt, Font: &excelize.Font{Bold: true}})
	return st, err
}

// writeTable writes title, subtitle, header (row 3), rows and a totals
// row on sheet; the last column is the amount, formatted as such.
func writeTable(f *excelize.File, sheet, title, subtitle string, header []string, rows [][]any, totals []any, st payStyles) error {
	set := func(col, row int, v any) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		if a, ok := v.(amountText); ok {
			return f.SetCellDefault(sheet, cell, string(a))
		}
		return f.SetCellValue(sheet, cell, v)
	}
	if err := set(1, 1, title); err != nil {
		return err
	}
	if err := set(1, 2, subtitle); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	for c, h := range header {
		if err := set(c+1, 3, h); err != nil {
			return err
		}
	}
	last := len(header)
	lastCol, _ := excelize.ColumnNumberToName(last)
	if err := f.SetCellStyle(sheet, "A3", fmt.Sprintf("%s3", lastCol), st.header); err != nil {
		return err
	}
	for i, r := range append(rows, totals) {
		for c, v := range r {
			if v == nil {
				continue
			}
			if err := set(c+1, 4+i, v); err != nil {
				return err
			}
		}
	}
	end := 4 + len(rows)
	if len(rows) > 0 {
		if err := f.SetCellStyle(sheet, fmt.Sprintf("%s4", lastCol), fmt.Sprintf("%s%d", lastCol, end-1), st.amount); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", end), fmt.Sprintf("A%d", end), st.total); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("%s%d", lastCol, end), fmt.Sprintf("%s%d", lastCol, end), st.totalAmount); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", lastCol, 12); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 16); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, lastCol, lastCol, 16); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}

// amountText is an amount written as its exact decimal, never a float.
type amountText string

func amountValue(a money.Amount) amountText { return amountText(a.String()) }

// num writes a decimal given as text as a number cell.
func num(s string) amountText { return amountText(s) }

func round2(v float64) amountText { return amountText(fmt.Sprintf("%.2f", v)) }
