package xlsximport

import (
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// ledgerCols are the columns of a ledger sheet (-1 when absent).
type ledgerCols struct {
	date, voucher, summary, dept, code, name int
	amount, debit, credit                    int
}

// ledgerColumns reads a header as a ledger header: ok when it has a date
// column (日期/记账日期/凭证日期/Date).
func ledgerColumns(h header) (ledgerCols, bool) {
	lc := ledgerCols{-1, -1, -1, -1, -1, -1, -1, -1, -1}
	set := func(p *int, c int) {
		if *p < 0 {
			*p = c
		}
	}
	for _, c := range h.cols {
		t := headerCore(c.text)
		if t == "" {
			continue
		}
		switch {
		case strings.Contains(t, "日期") || t == "date" || strings.HasSuffix(t, "date"):
			set(&lc.date, c.index)
		case strings.Contains(t, "凭证") || strings.Contains(t, "voucher") || strings.Contains(t, "单据号"):
			set(&lc.voucher, c.index)
		case strings.Contains(t, "摘要") || t == "summary" || t == "description" || t == "memo":
			set(&lc.summary, c.index)
		case strings.Contains(t, "借方") || strings.HasPrefix(t, "debit"):
			set(&lc.debit, c.index)
		case strings.Contains(t, "贷方") || strings.HasPrefix(t, "credit"):
			set(&lc.credit, c.index)
		case strings.Contains(t, "余额") || strings.Contains(t, "balance"):
			// a running balance, not data
		case c.role == roleNumbering || c.role == roleSubtotal || c.role == roleNote:
		case c.role == roleDept:
			set(&lc.dept, c.index)
		case c.role == roleCode:
			set(&lc.code, c.index)
		case c.role == roleName:
			set(&lc.name, c.index)
		case containsAny(t, "金额", "发生额", "amount", "实际", "执行数") || c.role == roleAmount:
			set(&lc.amount, c.index)
		}
	}
	return lc, lc.date >= 0
}

// ledgerRec is one ledger row, kept small: a million of them are held
// until the departments are resolved.
type ledgerRec struct {
	amount     money.Amount
	dept, subj int32  // indexes into the sheet's deptRefs and subjects
	ymd        int32  // yyyymmdd
	row        int32  // 0-based
	col        int32  // 0-based column of the amount
	voucher    uint32 // end offset of the voucher in vbuf (start: previous end)
	summary    int32  // index into summaries, -1 none
}

// ledgerSheet reads the rows of one ledger sheet as they stream by.
type ledgerSheet struct {
	ar       *actualsReader
	name     string
	cols     ledgerCols
	unit     money.Unit
	sheetD   deptRef // the department of rows without one (title, sheet name, option)
	hasD     bool
	recs     []ledgerRec
	vbuf     []byte // vouchers, concatenated
	summIx   map[string]int32
	summs    []string
	deptIx   map[string]int32
	deptRefs []deptRef
	subjIx   map[string]int32 // code or name as written → index into subjects
	subjects []string         // resolved codes ("" when unknown)
	subjErr  []*domain.Problem
	probs    int          // problems listed for this sheet
	more     int          // problems not listed
	warns    int          // implausible-amount warnings listed
	repIx    int          // this sheet's report in ar.res.Sheets
	cells    money.Amount // every posting's amount as read, reconciled with the lines
	date1904 bool         // serial dates count from 1904

	sinceTotal money.Amount // postings since the last 本月合计 row
	postings   int          // postings read, for the 本年累计 check
	firstMonth int          // the month of the first posting (本年累计 is checked from January only)
}

func (ar *actualsReader) newLedger(g *workbook.Grid, h header, lc ledgerCols) *ledgerSheet {
	ar.res.Ledger = true
	ls := &ledgerSheet{ar: ar, name: g.Name, cols: lc, summIx: map[string]int32{}, deptIx: map[string]int32{}, subjIx: map[string]int32{},
		date1904: g.Date1904}
	// An --amount-column override picks the amount column.
	if o := ar.opts.AmountColumn; o != "" {
		for _, c := range h.cols {
			if matchesOverride(o, c) {
				ls.cols.amount, ls.cols.debit, ls.cols.credit = c.index, -1, -1
				ar.amountOK = true
				break
			}
		}
	}
	var amountCols []int
	for _, c := range []int{ls.cols.amount, ls.cols.debit, ls.cols.credit} {
		if c >= 0 {
			amountCols = append(amountCols, c)
		}
	}
	ls.unit = findUnit(g, h, amountCols)
	rep := SheetReport{Name: g.Name, Used: true, HeaderRow: h.row + 1, Unit: ls.unit, Layout: LayoutLedger}
	switch {
	case ls.cols.debit >= 0 || ls.cols.credit >= 0:
		var parts []string
		for _, c := range []int{ls.cols.debit, ls.cols.credit} {
			if c >= 0 {
				parts = append(parts, h.cols[c].text)
			}
		}
		rep.AmountColumn = strings.Join(parts, " − ")
	case ls.cols.amount >= 0:
		rep.AmountColumn = h.cols[ls.cols.amount].text
	default:
		rep.Used = false
		rep.Skipped = "a date column but no amount, debit or credit column"
		ar.probs = append(ar.probs, cellProblem("import.ledger_no_amount",
			"this ledger has a date column but no amount column: name one column 金额 (or 发生额, Amount), or two columns 借方 and 贷方 (Debit, Credit).",
			g.Name, workbook.CellName(h.row, ls.cols.date)))
		ls.cols.date = -2 // read nothing
	}
	if ls.cols.code < 0 && ls.cols.name < 0 && rep.Used {
		ar.probs = append(ar.probs, cellProblem("import.ledger_no_subject",
			"this ledger has no subject column: add a column 科目编码 (or 经济分类编码, Code) or 科目名称 (Subject).",
			g.Name, workbook.CellName(h.row, ls.cols.date)))
		rep.Used = false
		rep.Skipped = "no subject column"
		ls.cols.date = -2
	}
	if ls.cols.dept < 0 {
		if d, from := sheetDept(g, h, ar.depts); from != "" {
			ls.sheetD, ls.hasD = d, true
		} else if ar.opts.Department != "" {
			ls.sheetD, ls.hasD = deptRef{text: ar.opts.Department, sheet: g.Name}, true
		} else {
			ls.sheetD, ls.hasD = deptRef{text: domain.HospitalWideCode, sheet: g.Name}, true
		}
	}
	ls.repIx = len(ar.res.Sheets)
	ar.res.Sheets = append(ar.res.Sheets, rep)
	return ls
}

func (ls *ledgerSheet) problem(p *domain.Problem) {
	if ls.probs >= maxSheetProblems {
		ls.more++
		return
	}
	ls.probs++
	ls.ar.probs = append(ls.ar.probs, p)
}

func (ls *ledgerSheet) cell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cells[c]
}

// skipWords mark ledger rows that carry balances or totals, not postings.
var skipWords = []string{"期初余额", "上年结转", "承前页", "过次页", "本月合计", "本年累计", "本期合计", "累计", "期末余额", "opening", "closing"}

func isSkipRow(cells []string) bool {
	for _, c := range cells {
		if len(c) == 0 || len(c) > 64 || !containsAny(c, "计", "余额", "结转", "页", "otal", "OTAL", "pening", "losing") {
			continue
		}
		t := workbook.Clean(c)
		if isSubtotalWord(t) || containsAny(workbook.Squash(t), skipWords...) {
			return true
		}
	}
	return false
}

// row reads one ledger row (0-based index r); spec lists its cells that
// are not plain (booleans, error values, dates …).
func (ls *ledgerSheet) row(r int, cells []string, spec []xc.Special) {
	lc := ls.cols
	if lc.date < 0 {
		return
	}
	empty := true
	for _, c := range cells {
		if workbook.Clean(c) != "" {
			empty = false
			break
		}
	}
	if empty || isNumberingRow(cells) {
		return
	}
	// Amounts first: a row without any is a note, not a posting.
	amt, amtCol, has, bad := ls.amounts(r, cells, spec)
	if !has && !bad {
		return
	}
	if isSkipRow(cells) {
		if !bad {
			ls.checkTotalRow(r, cells, amt, amtCol)
		}
		return // 本月合计, 本年累计, 期初余额 …
	}
	if !bad {
		ls.cells, _ = addOK(ls.cells, amt)
		ls.sinceTotal, _ = addOK(ls.sinceTotal, amt)
		ls.postings++
	}
	ymd, ok := ls.rowDate(r, cells)
	bad = bad || !ok
	di, okD := ls.rowDept(r, cells)
	bad = bad || !okD
	// Subject.
	si := ls.subject(r, cells)
	if si < 0 {
		bad = true
	}
	if bad {
		return
	}
	rec := ledgerRec{amount: amt, dept: di, subj: si, ymd: ymd, row: int32(r), col: int32(amtCol), summary: -1}
	if v := workbook.Clean(ls.cell(cells, lc.voucher)); v != "" {
		ls.vbuf = append(ls.vbuf, v...)
	}
	rec.voucher = uint32(len(ls.vbuf))
	if s := workbook.Clean(ls.cell(cells, lc.summary)); s != "" {
		ix, ok := ls.summIx[s]
		if !ok {
			ix = int32(len(ls.summs))
			s = strings.Clone(s)
			ls.summs = append(ls.summs, s)
			if len(ls.summIx) < 1<<16 {
				ls.summIx[s] = ix
			}
		}
		rec.summary = ix
	}
	ls.recs = append(ls.recs, rec)
}

// amounts reads a ledger row's amount (debit − credit, or the amount
// column) and the column it is named by; has is false when the row has
// none, bad when a cell is not an amount (a problem was listed).
func (ls *ledgerSheet) amounts(r int, cells []string, spec []xc.Special) (amt money.Amount, amtCol int, has, bad bool) {
	lc := ls.cols
	read := func(c int) (money.Amount, bool) {
		if c < 0 {
			return 0, false
		}
		raw := ls.cell(cells, c)
		if sp, ok := workbook.SpecialAt(spec, c); ok {
			if p := kindProblem(ls.name, workbook.CellName(r, c), raw, sp, ls.date1904); p != nil {
				ls.problem(p)
				bad = true
				return 0, false
			}
		}
		if workbook.Clean(raw) == "" {
			return 0, false
		}
		p, err := money.Parse(raw, ls.unit)
		if err != nil {
			ls.problem(notAmountProblem(ls.name, workbook.CellName(r, c), raw))
			bad = true
			return 0, false
		}
		if p.Rounded && !workbook.FloatNoise(raw, ls.unit) {
			ls.ar.res.Warnings = append(ls.ar.res.Warnings, roundedProblem(ls.name, workbook.CellName(r, c), p.Exact, raw, ls.unit))
		}
		if w := implausible(ls.name, workbook.CellName(r, c), p.Amount, raw, ls.unit); w != nil && ls.warns < maxSheetProblems {
			ls.warns++
			ls.ar.res.Warnings = append(ls.ar.res.Warnings, w)
		}
		return p.Amount, !p.Blank
	}
	if lc.debit < 0 && lc.credit < 0 {
		a, ok := read(lc.amount)
		return a, lc.amount, ok, bad
	}
	d, okD := read(lc.debit)
	c, okC := read(lc.credit)
	if !okD && !okC {
		return 0, -1, false, bad // no amount: a note line
	}
	amt = d - c
	if (c < 0 && amt < d) || (c > 0 && amt > d) {
		ls.problem(cellProblem("import.too_large_line",
			"the amounts of this line add up to more than can be stored: check the figures and the unit.", ls.name, workbook.CellName(r, lc.debit)))
		bad = true
	}
	amtCol = lc.debit
	if !okD && okC {
		amtCol = lc.credit
	}
	return amt, amtCol, true, bad
}

// endLedger closes a ledger sheet: the count of unlisted problems.
func (ar *actualsReader) endLedger(ls *ledgerSheet) {
	if ls.more > 0 {
		ar.probs = append(ar.probs, domain.NewProblem("import.more_problems",
			"Sheet {{.Sheet}}: {{.Count}} more problems like those above are not listed: correct those first and import again.",
			"Sheet", ls.name, "Count", ls.more))
	}
	ls.deptIx, ls.summIx, ls.subjIx = nil, nil, nil
	ar.res.Sheets[ls.repIx].CellTotal = ls.cells
	ar.ledgers = append(ar.ledgers, ls)
}

// emit appends the sheet's lines, with their departments resolved.
func (ls *ledgerSheet) emit(out []ActualLine, depts *deptResolver) []ActualLine {
	type dep struct {
		code, name string
		ok         bool
	}
	ds := make([]dep, len(ls.deptRefs))
	for i, r := range ls.deptRefs {
		if d, ok := depts.lookup(r.text); ok {
			ds[i] = dep{d.Code, d.Name, true}
		}
	}
	vouchers := string(ls.vbuf)
	ls.vbuf = nil
	// Cell names of all lines in one string, sliced.
	var cb strings.Builder
	cb.Grow(len(ls.recs) * 8)
	ends := make([]uint32, len(ls.recs))
	var colNames []string
	for i, rec := range ls.recs {
		for int(rec.col) >= len(colNames) {
			n := workbook.CellName(0, len(colNames))
			colNames = append(colNames, n[:len(n)-1])
		}
		cb.WriteString(colNames[rec.col])
		cb.WriteString(strconv.Itoa(int(rec.row) + 1))
		ends[i] = uint32(cb.Len())
	}
	cells := cb.String()
	var vstart, cstart uint32
	for i, rec := range ls.recs {
		d := ds[rec.dept]
		v := vouchers[vstart:rec.voucher]
		vstart = rec.voucher
		c := cells[cstart:ends[i]]
		cstart = ends[i]
		if !d.ok {
			continue
		}
		l := ActualLine{DeptCode: d.code, DeptName: d.name, SubjectCode: ls.subjects[rec.subj], Amount: rec.amount,
			Month: int(rec.ymd / 100 % 100), Date: time.Date(int(rec.ymd/10000), time.Month(rec.ymd/100%100), int(rec.ymd%100), 0, 0, 0, 0, time.UTC),
			Voucher: v, Sheet: ls.name, Cell: c}
		if rec.summary >= 0 {
			l.Summary = ls.summs[rec.summary]
		}
		out = append(out, l)
	}
	return out
}
