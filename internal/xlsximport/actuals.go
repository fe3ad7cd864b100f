package xlsximport

import (
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// ActualsOptions say how to read an actuals workbook.
type ActualsOptions struct {
	Options     // Subjects, Departments, CreateMissing, Department, AmountColumn as for budgets
	Year    int // lines dated outside Year are errors naming the cell
	Month   int // summaries: the month the amounts belong to; 0 = the year's totals (stored as month 12)
}

// ActualLine is one actual amount: a ledger row, or a department and
// subject of a summary sheet.
type ActualLine struct {
	DeptCode, DeptName, SubjectCode string
	Amount                          money.Amount // spending = debit − credit (credits are refunds); revenue as given
	Month                           int
	Date                            time.Time // zero for summaries
	Voucher, Summary                string    // 凭证号 and 摘要 when the ledger has them
	Sheet, Cell                     string
}

// ActualsResult is what an actuals workbook holds. Ledger is true when some
// sheet was read as a ledger (it has a date column).
type ActualsResult struct {
	Lines          []ActualLine
	NewDepartments []domain.Department
	Sheets         []SheetReport
	Warnings       domain.Problems
	Ledger         bool
	Encoding       string // as Result.Encoding
}

// LayoutLedger names a sheet read as a ledger: one line per dated row.
const LayoutLedger = "ledger"

// maxSheetProblems bounds the problems listed per ledger sheet, so that a
// million rows dated in the wrong year do not produce a million messages.
const maxSheetProblems = 1000

// ReadActuals reads the actuals workbook at path: ledgers (a date column)
// line by line, summaries (no date column) as the year's totals or month
// opts.Month's. On any problem it returns a domain.Problems listing every
// problem found, each with sheet and A1 cell.
func ReadActuals(path string, opts ActualsOptions) (res ActualsResult, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { res = ActualsResult{} })
	if opts.Year < 1900 || opts.Year > 9999 {
		return ActualsResult{}, domain.Problems{domain.NewProblem("import.actuals_year",
			"The year of the actuals ({{.Year}}) is not a valid year: give the year the amounts belong to, such as 2025.", "Year", opts.Year)}
	}
	if opts.Month < 0 || opts.Month > 12 {
		return ActualsResult{}, domain.Problems{domain.NewProblem("import.actuals_month",
			"The month of the actuals ({{.Month}}) is not a month: give 1 to 12, or none for the year's totals.", "Month", opts.Month)}
	}
	opts.actuals = true
	ar := newActualsReader(opts)
	ar.path = path
	if p := workbook.CheckLegacy(path); p != nil {
		if p.Key == "import.xls_legacy" {
			if gs, err := workbook.ReadXLS(path); err == nil {
				for _, g := range gs {
					ar.readGrid(g)
				}
				return ar.finish()
			}
		}
		gs, enc, err := workbook.ReadTextGrids(path, p, opts.Encoding)
		if err != nil {
			return ActualsResult{}, err
		}
		for _, g := range gs {
			ar.readGrid(g)
		}
		ar.res.Encoding = enc
		return ar.finish()
	}
	b, err := xc.Open(path)
	if err != nil {
		// A package the stream cannot open: read through excelize, whole.
		gs, probs := workbook.LoadBookExcelize(path)
		if probs != nil {
			return ActualsResult{}, probs
		}
		for _, g := range gs {
			ar.readGrid(g)
		}
		return ar.finish()
	}
	defer b.Close()
	for _, name := range b.SheetNames() {
		if err := ar.readSheet(b, name); err != nil {
			return ActualsResult{}, workbook.SheetProblem(name, err)
		}
	}
	return ar.finish()
}

// actualsReader collects the lines of all sheets of one workbook.
type actualsReader struct {
	opts     ActualsOptions
	subj     *subjectIndex
	depts    *deptResolver
	res      ActualsResult
	probs    domain.Problems
	summary  []rawLine // summary lines, before their departments are resolved
	ledgers  []*ledgerSheet
	amountOK bool // the --amount-column header was found (or none was given)
	path     string
}

func newActualsReader(opts ActualsOptions) *actualsReader {
	return &actualsReader{opts: opts, subj: newSubjectIndex(opts.Subjects), depts: newDeptResolver(opts.Options),
		amountOK: opts.AmountColumn == ""}
}

// headRows is how many rows are read before deciding how to read a sheet:
// the header is looked for in the first 20, and may span two rows.
const headRows = 22

// readSheet reads one sheet in one pass: the first rows, then either the
// ledger rows one at a time (nothing of them kept but the lines), or the
// rest of the (summary) sheet into memory with its merged cells.
func (ar *actualsReader) readSheet(b *xc.Book, name string) error {
	rows, err := b.Rows(name)
	if err != nil {
		return err
	}
	defer rows.Close()
	g := &workbook.Grid{Name: name, Date1904: b.Date1904}
	if err := g.ReadRows(rows, headRows); err != nil {
		return err
	}
	// Merged cells follow the rows in the file, so a ledger header is
	// recognised without them (a row of 借方/贷方 under it is read as its
	// lower half).
	if h, ok := findHeader(g); ok {
		if lc, ok := ledgerColumns(h); ok {
			if h2, lc2, ok := ledgerSubHeader(g, h, lc); ok {
				h, lc = h2, lc2
			}
			ls := ar.newLedger(g, h, lc)
			for r := h.row + h.rows; r < len(g.Rows); r++ {
				ls.row(r, g.Rows[r], g.Special[r])
			}
			for rows.Next() {
				ls.row(rows.Row()-1, rows.Columns(), rows.Specials())
			}
			ar.endLedger(ls)
			return rows.Err()
		}
	}
	if err := g.ReadRows(rows, -1); err != nil {
		return err
	}
	ar.readSummary(g)
	return nil
}

// readGrid reads a sheet already in memory (legacy .xls).
func (ar *actualsReader) readGrid(g *workbook.Grid) {
	if h, ok := findHeader(g); ok {
		if lc, ok := ledgerColumns(h); ok {
			ls := ar.newLedger(g, h, lc)
			for r := h.row + h.rows; r < len(g.Rows); r++ {
				ls.row(r, g.Rows[r], g.Special[r])
			}
			ar.endLedger(ls)
			return
		}
	}
	ar.readSummary(g)
}

// readSummary reads a sheet without a date column with the budget rules.
func (ar *actualsReader) readSummary(g *workbook.Grid) {
	sr := parseSheet(g, ar.opts.Options, ar.subj, ar.depts)
	ar.res.Sheets = append(ar.res.Sheets, sr.report)
	ar.probs = append(ar.probs, sr.problems...)
	ar.res.Warnings = append(ar.res.Warnings, dropFloatNoise(sr.warnings, sr.report.Unit)...)
	if sr.report.Used && sr.amountOverride {
		ar.amountOK = true
	}
	for _, l := range sr.lines {
		if l.amount != 0 {
			ar.summary = append(ar.summary, l)
		}
	}
}

// finish resolves departments and builds the lines.
func (ar *actualsReader) finish() (ActualsResult, error) {
	res := &ar.res
	used, headers := 0, 0
	for _, s := range res.Sheets {
		if s.Used {
			used++
		}
		if s.HeaderRow > 0 {
			headers++
		}
	}
	probs := ar.probs
	if !ar.amountOK && headers > 0 {
		probs = append(probs, domain.NewProblem("import.amount_column_missing",
			"No sheet has an amount column headed \"{{.Column}}\": give --amount-column the header text exactly as it appears in the workbook.",
			"Column", ar.opts.AmountColumn))
	} else if used == 0 && len(probs) == 0 {
		probs = append(probs, domain.NewProblem("import.actuals_no_sheet",
			"No sheet of the workbook has a recognisable header row in its first 20 rows (日期/科室/科目编码/科目名称/金额/借方/贷方 …): check that this is an actuals workbook and that its header row names the columns."))
	}
	// Departments: the summary lines and one reference per distinct
	// department text of each ledger, in the order of the workbook.
	var refs []rawLine
	refs = append(refs, ar.summary...)
	for _, ls := range ar.ledgers {
		for _, d := range ls.deptRefs {
			refs = append(refs, rawLine{dept: d})
		}
	}
	_, dprobs := ar.depts.resolve(refs)
	probs = append(probs, dprobs...)
	res.NewDepartments = ar.depts.created

	n := 0
	for _, ls := range ar.ledgers {
		n += len(ls.recs)
	}
	sum, sprobs := ar.summaryLines()
	probs = append(probs, sprobs...)
	lines := make([]ActualLine, 0, n+len(sum))
	lines = append(lines, sum...)
	for _, ls := range ar.ledgers {
		lines = ls.emit(lines, ar.depts)
		ls.recs = nil
	}
	if p := totalProblem(lines, func(l ActualLine) (money.Amount, string, string) { return l.Amount, l.Sheet, l.Cell }); p != nil {
		probs = append(probs, p)
	}
	res.Lines = lines
	// Summary lines of one department and subject on several sheets are
	// merged above: reconcile each sheet with its own lines as read.
	sums := sheetSums(lines[len(sum):], func(l ActualLine) (string, money.Amount) { return l.Sheet, l.Amount })
	for _, l := range ar.summary {
		if _, ok := ar.depts.lookup(l.dept.text); ok {
			sums[l.sheet], _ = addOK(sums[l.sheet], l.amount)
		}
	}
	probs = reconcileSheets(res.Sheets, sums, probs)
	if len(probs) > 0 {
		return *res, probs
	}
	return *res, nil
}

// summaryLines merges the summary lines into one per department and
// subject, in the month they belong to.
func (ar *actualsReader) summaryLines() ([]ActualLine, domain.Problems) {
	type key struct{ dept, subject string }
	at := map[key]int{}
	var sum []ActualLine
	var probs domain.Problems
	month := ar.opts.Month
	if month == 0 {
		month = 12
	}
	for _, l := range ar.summary {
		dep, ok := ar.depts.lookup(l.dept.text)
		if !ok {
			continue
		}
		k := key{dep.Code, l.subject}
		if i, ok := at[k]; ok {
			if v, ok := addOK(sum[i].Amount, l.amount); ok {
				sum[i].Amount = v
			} else {
				probs = append(probs, cellProblem("import.too_large_total",
					"the amounts of the workbook add up to more than can be stored: check the figures and the unit.", l.sheet, l.cell))
			}
			continue
		}
		at[k] = len(sum)
		sum = append(sum, ActualLine{DeptCode: dep.Code, DeptName: dep.Name, SubjectCode: l.subject, Amount: l.amount,
			Month: month, Sheet: l.sheet, Cell: l.cell})
	}
	return sum, probs
}

// actualsHeader re-reads the amount columns of a summary header for actuals:
// executed/actual amounts (执行数, 实际, 决算, 发生额) are the amount, and
// budget columns are not; prior-year columns stay excluded.
func actualsHeader(h *header) {
	fix := func(text string, r role, level int) (role, int) {
		t := headerCore(text)
		prior := containsAny(t, "上年", "去年", "上一年", "prior", "lastyear", "previous")
		switch {
		case r == roleAmount && containsAny(t, "预算", "budget") && !containsAny(t, "执行", "实际", "actual"):
			return rolePrior, 0
		case (r == rolePrior || r == roleNone || r == roleAmount) && !prior &&
			(t == "实际" || t == "决算" || containsAny(t, "执行数", "执行金额", "执行额", "实际数", "实际金额", "实际发生", "实际支出",
				"实际收入", "决算数", "决算金额", "发生额", "actual")):
			return roleAmount, levelAdjusted
		}
		return r, level
	}
	for i := range h.cols {
		c := &h.cols[i]
		c.role, c.level = fix(c.label, c.role, c.level)
		if c.group != "" {
			c.gRole, c.gLevel = fix(c.group, c.gRole, c.gLevel)
		}
	}
}

// actualsMismatch is the warning for a subtotal of an actuals summary that
// disagrees with its items: the items are imported.
func actualsMismatch(sheet, cell, subtotal, sum, what, dept string) *domain.Problem {
	if strings.TrimSpace(dept) == "" {
		return cellProblem("import.actuals_total_mismatch",
			"the total {{.Subtotal}} ({{.What}}) differs from the sum of its items, {{.Sum}}: the items were imported; check the workbook.",
			sheet, cell, "Subtotal", subtotal, "Sum", sum, "What", what)
	}
	return cellProblem("import.actuals_subtotal_mismatch",
		"the subtotal {{.Subtotal}} ({{.What}}) of department {{.Dept}} differs from the sum of its items, {{.Sum}}: the items were imported; check the workbook.",
		sheet, cell, "Subtotal", subtotal, "Sum", sum, "What", what, "Dept", dept)
}

// ActualTotals sums the lines by department name (code when unnamed).
func ActualTotals(r ActualsResult) map[string]money.Amount {
	return totalsByDept(r.Lines, func(l ActualLine) (string, string, money.Amount) { return l.DeptName, l.DeptCode, l.Amount })
}

// dropFloatNoise leaves out the rounding warnings of cells whose value is
// only a binary float's rendering of a figure to the fen.
func dropFloatNoise(ws domain.Problems, u money.Unit) domain.Problems {
	var out domain.Problems
	for _, w := range ws {
		if txt, _ := w.Args["Text"].(string); w.Key == "import.rounded" && workbook.FloatNoise(txt, u) {
			continue // 4558853.5599999996: a binary float of 4558853.56, not a figure beyond the fen
		}
		out = append(out, w)
	}
	return out
}

// ledgerSubHeader reads the row under a ledger header as its lower half
// when it names columns (借方 | 贷方 under a merged 金额) rather than
// holding a dated line.
func ledgerSubHeader(g *workbook.Grid, h header, lc ledgerCols) (header, ledgerCols, bool) {
	r := h.row + 1
	if h.rows != 1 || r >= len(g.Rows) {
		return h, lc, false
	}
	if d := workbook.Clean(g.Cell(r, lc.date)); d != "" {
		if _, ok := workbook.ParseDate(d); ok {
			return h, lc, false
		}
	}
	words := 0
	for _, t := range g.Rows[r] {
		if containsAny(headerCore(t), "借方", "贷方", "debit", "credit", "金额", "发生额", "amount") {
			words++
		}
	}
	if words == 0 {
		return h, lc, false
	}
	h2 := buildHeader(g, h.row, 2)
	lc2, ok := ledgerColumns(h2)
	return h2, lc2, ok
}
