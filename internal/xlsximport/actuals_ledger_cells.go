package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Reading the cells of one ledger row — its date, department and subject —
// and checking the ledger's own total rows against its postings.

// rowDate is ledger row r's date as yyyymmdd; ok is false (the problem
// reported) when it has none, is not a date or lies outside the year.
func (ls *ledgerSheet) rowDate(r int, cells []string) (int32, bool) {
	lc := ls.cols
	rawDate := ls.cell(cells, lc.date)
	d, ok := workbook.ParseDateIn(rawDate, ls.date1904)
	switch {
	case workbook.Clean(rawDate) == "":
		ls.problem(cellProblem("import.ledger_no_date",
			"this ledger line has an amount but no date: fill in the date (such as 2025-03-05) or delete the line.",
			ls.name, workbook.CellName(r, lc.date)))
	case !ok:
		ls.problem(cellProblem("import.bad_date",
			"\"{{.Text}}\" is not a date: enter a date such as 2025-03-05, 2025/3/5 or 2025年3月5日, or format the cell as a date.",
			ls.name, workbook.CellName(r, lc.date), "Text", rawDate))
	case d.Year() != ls.ar.opts.Year:
		ls.problem(cellProblem("import.date_outside_year",
			"the date {{.Date}} is outside the year {{.Year}} being imported: correct the date, or import the line with the actuals of its own year.",
			ls.name, workbook.CellName(r, lc.date), "Date", d.Format("2006-01-02"), "Year", ls.ar.opts.Year))
	default:
		if m := int(d.Month()); ls.firstMonth == 0 || m < ls.firstMonth {
			ls.firstMonth = m
		}
		return int32(d.Year()*10000 + int(d.Month())*100 + d.Day()), true
	}
	return 0, false
}

// rowDept is the department of ledger row r: its department cell, else
// the sheet's; ok is false (the problem reported) when it has none.
func (ls *ledgerSheet) rowDept(r int, cells []string) (int32, bool) {
	lc := ls.cols
	if lc.dept < 0 {
		return ls.internDept(ls.sheetD.text, ls.sheetD), true
	}
	t := workbook.Clean(ls.cell(cells, lc.dept))
	switch {
	case t == "" && ls.hasD:
		return ls.internDept(ls.sheetD.text, ls.sheetD), true
	case t == "":
		ls.problem(cellProblem("import.no_department",
			"this line has no department: fill in the department (科室) of the line.", ls.name, workbook.CellName(r, lc.dept)))
		return -1, false
	}
	return ls.internDept(t, deptRef{sheet: ls.name, cell: workbook.CellName(r, lc.dept)}), true
}

// internDept returns the index of a department text, keeping where it was
// first written.
func (ls *ledgerSheet) internDept(text string, at deptRef) int32 {
	if ix, ok := ls.deptIx[text]; ok {
		return ix
	}
	text = strings.Clone(text)
	at.text = text
	ix := int32(len(ls.deptRefs))
	ls.deptRefs = append(ls.deptRefs, at)
	ls.deptIx[text] = ix
	return ix
}

// subject resolves the row's subject (by code, else by name), caching by
// the text as written; it reports a problem and returns -1 when unknown.
func (ls *ledgerSheet) subject(r int, cells []string) int32 {
	lc := ls.cols
	code := workbook.Clean(ls.cell(cells, lc.code))
	name := workbook.Clean(ls.cell(cells, lc.name))
	if c, n, ok := splitBracket(code); ok {
		code = c
		if name == "" {
			name = n
		}
	}
	if code == "" {
		if c, n, ok := splitBracket(name); ok {
			code, name = c, n
		}
	}
	key, cellCol := "c"+code, lc.code
	if code == "" {
		key, cellCol = "n"+name, lc.name
	}
	if code == "" && name == "" {
		col := lc.code
		if col < 0 {
			col = lc.name
		}
		ls.problem(cellProblem("import.no_subject",
			"this line has an amount but no subject code or name: fill in the subject or delete the line.", ls.name, workbook.CellName(r, col)))
		return -1
	}
	ix, ok := ls.subjIx[key]
	if !ok {
		ix = int32(len(ls.subjects))
		var s string
		var p *domain.Problem
		if code != "" {
			if c, found := ls.ar.subj.byCode[code]; found {
				s = c
			} else {
				p = domain.NewProblem("import.unknown_subject",
					"{{.Sheet}}!{{.Cell}}: subject code {{.Code}} ({{.Name}}) is not in the subject catalogue: correct the code, or add the subject to the catalogue first.",
					"Code", code, "Name", name)
			}
		} else {
			c, cands, found := ls.ar.subj.byNameIn(name, nil)
			switch {
			case !found:
				p = domain.NewProblem("import.unknown_subject_name",
					"{{.Sheet}}!{{.Cell}}: subject \"{{.Name}}\" is not in the subject catalogue and has no code: add its code, correct the name, or add the subject to the catalogue first.",
					"Name", name)
			case len(cands) > 0:
				p = domain.NewProblem("import.ambiguous_subject",
					"{{.Sheet}}!{{.Cell}}: subject \"{{.Name}}\" is ambiguous (codes {{.Codes}}): add its code, or put it under its group row (e.g. 门诊收入 or 住院收入).",
					"Name", name, "Codes", strings.Join(cands, ", "))
			default:
				s = c
			}
		}
		ls.subjects = append(ls.subjects, s)
		ls.subjErr = append(ls.subjErr, p)
		ls.subjIx[strings.Clone(key)] = ix
	}
	if p := ls.subjErr[ix]; p != nil {
		// Every line with the unknown subject is named, each at its cell.
		q := &domain.Problem{Key: p.Key, Default: p.Default, Args: map[string]any{"Sheet": ls.name, "Cell": workbook.CellName(r, cellCol)}}
		for k, v := range p.Args {
			q.Args[k] = v
		}
		ls.problem(q)
		return -1
	}
	return ix
}

// checkTotalRow compares a ledger's own total row with the postings above
// it: 本月合计/合计/小计 with those since the previous such row, 本年累计 with
// all of them when the ledger starts in January. Balances and page
// carries (期初余额, 承前页, 过次页) are not totals of postings and are left.
func (ls *ledgerSheet) checkTotalRow(r int, cells []string, amt money.Amount, col int) {
	text := workbook.Squash(strings.Join(cells, ""))
	if containsAny(text, "余额", "结转", "承前", "过次", "opening", "closing", "balance") || col < 0 {
		return
	}
	var want money.Amount
	switch {
	case containsAny(text, "累计"):
		if ls.firstMonth != 1 || ls.postings == 0 {
			return
		}
		want = ls.cells
	case containsAny(text, "合计", "小计", "total"):
		want = ls.sinceTotal
		ls.sinceTotal = 0
	default:
		return
	}
	if amt != want && len(ls.ar.res.Warnings) < maxSheetProblems {
		ls.ar.res.Warnings = append(ls.ar.res.Warnings, actualsMismatch(ls.name, workbook.CellName(r, col), fmtAmt(amt, ls.unit), fmtAmt(want, ls.unit), totalLabel(cells), ""))
	}
}

// totalLabel is the first text of a total row (本月合计).
func totalLabel(cells []string) string {
	for _, c := range cells {
		if t := workbook.Clean(c); t != "" && isSkipRow([]string{t}) {
			return t
		}
	}
	return ""
}
