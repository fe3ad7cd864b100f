package xlsximport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// deptRef is a department as written in the workbook, resolved at the end.
type deptRef struct {
	text        string // as written, e.g. "内科" or "[001]外科"
	sheet, cell string // where it was written ("" cell: from an option)
}

// rawLine is a leaf line before its department is resolved.
type rawLine struct {
	dept        deptRef
	subject     string
	amount      money.Amount
	sheet, cell string
}

type sheetResult struct {
	report         SheetReport
	lines          []rawLine
	problems       domain.Problems
	warnings       domain.Problems
	amountOverride bool // the --amount-column header was found here
	actuals        bool // reading actuals: subtotal mismatches are warnings
}

// amountSpec says which columns make up the amount of a line.
type amountSpec struct {
	label    string
	level    int
	parts    []int // columns summed into the amount
	subtotal int   // column holding the total of parts, checked; -1 if none
	deptCols []int // wide-departments: one column per department
	override bool
}

// cellAmount is a parsed amount cell.
type cellAmount struct {
	v       money.Amount
	blank   bool
	rounded bool
	bad     bool
	cell    string
}

// item is one amount of a data row: a department (wide layouts) or the row's.
type item struct {
	dept    deptRef
	subject string // wide-subjects: the column's subject
	amt     cellAmount
}

type dataRow struct {
	r                  int
	code, name         string // as written, cleaned; code may come from [code]name
	codeCell, nameCell string
	label, grand       bool   // 合计/小计/总计 row; grand: not a 小计
	labelText          string // the row's own 合计/小计/总计 text
	rowDept            deptRef
	items              []item
	parent             bool
	subtotal           cellAmount // the row's 合计 column (wide)
	hasSubtotal        bool
	totals             []cellAmount    // wide-subjects: the stated totals, by wideColumns.totals
	unknown            []cellAmount    // wide-subjects: numbers under headers that match no subject
	hasTotals          bool            // some of totals or unknown is filled
	subject            string          // resolved catalogue code
	subjErr            *domain.Problem // why the subject is unknown
	hasItems           bool
}

// key is the code by which rows nest: the catalogue code when resolved.
func (r *dataRow) key() string {
	if r.subject != "" {
		return r.subject
	}
	return r.code
}

var bracketCode = regexp.MustCompile(`^[\[【［〔(（]\s*([0-9A-Za-z.\-]+)\s*[\]】］〕)）]\s*(.*)$`)

// splitBracket reads "[30201]办公费" as code and name.
func splitBracket(s string) (code, name string, ok bool) {
	m := bracketCode.FindStringSubmatch(workbook.Clean(s))
	if m == nil {
		return "", workbook.Clean(s), false
	}
	return m[1], workbook.Clean(m[2]), true
}

func parseSheet(g *workbook.Grid, opts Options, subj *subjectIndex, depts *deptResolver) sheetResult {
	var sr sheetResult
	sr.report = SheetReport{Name: g.Name}
	sr.actuals = opts.actuals
	h, ok := findHeader(g)
	if !ok {
		sr.report.Skipped = "no recognisable header row in the first 20 rows"
		if g.Empty() {
			sr.report.Skipped = "empty sheet" // nothing to warn of
			return sr
		}
		sr.warnings = append(sr.warnings, domain.NewProblem("import.sheet_skipped",
			"Sheet {{.Sheet}} was skipped: it has no recognisable header row (科室/科目编码/科目名称/预算数 …) in its first 20 rows. If it holds budget lines, add such a header row.",
			"Sheet", g.Name))
		return sr
	}
	sr.report.HeaderRow = h.row + 1
	if opts.actuals {
		actualsHeader(&h)
	}
	p := sheetPlan{h: h, layout: LayoutLong, codeCol: h.find(roleCode), nameCol: h.find(roleName), dept: h.find(roleDept)}
	if !p.chooseLayout(g, opts, subj, depts, &sr) {
		skipNoAmount(g, h, opts, &sr)
		return sr
	}
	sr.amountOverride = p.spec.override
	if p.layout == LayoutLong && p.dept < 0 {
		p.sheetDept = deptRef{text: domain.HospitalWideCode, sheet: g.Name}
		if opts.Department != "" {
			p.sheetDept = deptRef{text: opts.Department, sheet: g.Name}
		}
		if d, from := sheetDept(g, p.h, depts); from != "" {
			p.layout, p.sheetDept = LayoutPerDepartment, d
		}
	}
	sr.report.Layout = p.layout
	return finishSheet(g, p, subj, &sr)
}

// chooseLayout sets the plan's amount columns and layout, by rule: the
// amount column found (departments under it: wide departments), else with
// no department column departments across a one-row header, else with a
// department column subjects across. It reports whether the sheet has
// amounts to read; a problem placing wide subjects goes to sr.
func (p *sheetPlan) chooseLayout(g *workbook.Grid, opts Options, subj *subjectIndex, depts *deptResolver, sr *sheetResult) bool {
	spec, found := chooseAmount(p.h, opts.AmountColumn)
	if opts.AmountColumn != "" && !spec.override {
		found = false
	}
	p.spec = spec
	switch {
	case found && len(spec.deptCols) > 0:
		p.layout = LayoutWideDepartments
	case !found && opts.AmountColumn == "" && p.dept < 0 && (p.codeCol >= 0 || p.nameCol >= 0):
		found = p.departmentsAcross(depts)
	case !found && opts.AmountColumn == "" && p.dept >= 0:
		found = p.subjectsAcross(g, subj, sr)
	}
	return found
}

// departmentsAcross reads a one-row header with departments across:
// columns that look like departments, with the subtotal column if any.
func (p *sheetPlan) departmentsAcross(depts *deptResolver) bool {
	for _, c := range p.h.cols {
		if c.role == roleNone && c.label != "" && (depts.known(c.label) || looksLikeDept(c.label)) {
			p.spec.deptCols = append(p.spec.deptCols, c.index)
		}
		if c.role == roleSubtotal && p.spec.subtotal < 0 {
			p.spec.subtotal = c.index
		}
	}
	if len(p.spec.deptCols) == 0 {
		return false
	}
	p.layout = LayoutWideDepartments
	p.spec.label = "(departments across)"
	return true
}

// subjectsAcross places subjects across the header (wide subjects); a
// problem placing them still makes the sheet a wide-subjects one.
func (p *sheetPlan) subjectsAcross(g *workbook.Grid, subj *subjectIndex, sr *sheetResult) bool {
	wide, prob := placeWide(g, p.h, subj)
	found := false
	if len(wide.cols) > 0 || prob != nil {
		found, p.layout = true, LayoutWideSubjects
		p.wide = &wide
		p.spec.label = "(subjects across)"
	}
	if prob != nil {
		sr.problems = append(sr.problems, prob)
	}
	return found
}

// skipNoAmount reports a sheet skipped for want of an amount column.
func skipNoAmount(g *workbook.Grid, h header, opts Options, sr *sheetResult) {
	if opts.AmountColumn != "" {
		sr.report.Skipped = "no column headed " + opts.AmountColumn
		sr.warnings = append(sr.warnings, domain.NewProblem("import.sheet_no_amount_column",
			"Sheet {{.Sheet}} was skipped: it has no column headed \"{{.Column}}\".", "Sheet", g.Name, "Column", opts.AmountColumn))
	} else {
		sr.report.Skipped = "no amount column"
		sr.warnings = append(sr.warnings, domain.NewProblem("import.sheet_no_amount",
			"Sheet {{.Sheet}} was skipped: its header (row {{.Row}}) has no budget amount column such as 预算数, 全年预算 or 调整后预算.",
			"Sheet", g.Name, "Row", h.row+1))
	}
}

// sheetDept finds the department of a sheet without a department column: a
// "科室：" title row, else the sheet name when it names a department.
func sheetDept(g *workbook.Grid, h header, depts *deptResolver) (deptRef, string) {
	for r := 0; r < h.row; r++ {
		for c, t := range g.Rows[r] {
			if m := deptTitle.FindStringSubmatch(strings.ToLower(workbook.Clean(t))); m != nil {
				// Take the value from the original text (case preserved).
				v := workbook.Clean(t)
				if i := strings.IndexAny(v, ":："); i >= 0 {
					v = workbook.Clean(v[i+utf8.RuneLen([]rune(v[i:])[0]):])
				}
				if f := strings.Fields(v); len(f) > 0 {
					v = f[0]
				}
				return deptRef{text: v, sheet: g.Name, cell: workbook.CellName(r, c)}, "title"
			}
		}
	}
	name := workbook.Clean(g.Name)
	if depts.known(name) || looksLikeDept(name) {
		return deptRef{text: name, sheet: g.Name, cell: ""}, "sheet"
	}
	return deptRef{}, ""
}

var deptSuffixes = []string{"科", "室", "部", "中心", "处", "办", "组", "所", "站", "病区", "院区", "门诊", "队", "库", "房", "馆", "科室"}

// looksLikeDept reports whether a sheet name or column heading is plausibly
// a department's name (内科, 检验科, 信息中心, [001]外科).
func looksLikeDept(s string) bool {
	if _, name, ok := splitBracket(s); ok && name != "" {
		return true
	}
	t := workbook.Clean(s)
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 12 {
		return false
	}
	if containsAny(strings.ToLower(t), "预算", "表", "汇总", "明细", "说明", "sheet", "合计", "支出", "收入", "年", "填报", "目录", "封面") {
		return false
	}
	for _, suf := range deptSuffixes {
		if strings.HasSuffix(t, suf) {
			return true
		}
	}
	return false
}

// readAmount parses one amount cell in unit u. A cell that is not a number
// as the spreadsheet shows it (a boolean, an error value, a date, missing
// text, a formula never calculated) is a located problem, never a number.
func readAmount(g *workbook.Grid, r, c int, u money.Unit, sr *sheetResult) cellAmount {
	ca := cellAmount{cell: workbook.CellName(r, c)}
	raw := g.Cell(r, c)
	if sp, ok := g.SpecialAt(r, c); ok {
		if p := kindProblem(g.Name, ca.cell, raw, sp, g.Date1904); p != nil {
			ca.bad = true
			sr.problems = append(sr.problems, p)
			return ca
		}
	}
	if workbook.Clean(raw) == "" {
		ca.blank = true
		if g.Formula != nil && g.Formula(r, c) {
			ca.bad = true
			sr.problems = append(sr.problems, kindProblem(g.Name, ca.cell, raw, xc.Special{Kind: xc.NoValue}, false))
		}
		return ca
	}
	p, err := money.Parse(raw, u)
	if err != nil {
		ca.bad = true
		sr.problems = append(sr.problems, notAmountProblem(g.Name, ca.cell, raw))
		return ca
	}
	ca.v, ca.blank, ca.rounded = p.Amount, p.Blank, p.Rounded
	if p.Rounded {
		sr.warnings = append(sr.warnings, roundedProblem(g.Name, ca.cell, p.Exact, raw, u))
	}
	if w := implausible(g.Name, ca.cell, p.Amount, raw, u); w != nil {
		sr.warnings = append(sr.warnings, w)
	}
	return ca
}

func notAmountProblem(sheet, cell, text string) *domain.Problem {
	return cellProblem("import.not_amount",
		"\"{{.Text}}\" is not an amount: enter a number such as 1234.56 (thousands separators, a minus or parentheses for negatives and \"-\" for zero are fine).",
		sheet, cell, "Text", text)
}

func roundedProblem(sheet, cell, exact, text string, u money.Unit) *domain.Problem {
	return cellProblem("import.rounded",
		"{{.Exact}} yuan was rounded to the fen ({{.Text}} {{.Unit}}).", sheet, cell,
		"Exact", exact, "Text", text, "Unit", u.String())
}

// sumAmounts adds the non-blank amounts; any is false when all are blank
// (or when the sum overflows, which no real budget does).
func sumAmounts(as []cellAmount) (money.Amount, int, bool) {
	var s money.Amount
	n, any := 0, false
	for _, a := range as {
		if a.blank || a.bad {
			continue
		}
		var ok bool
		if s, ok = addOK(s, a.v); !ok {
			return 0, 0, false
		}
		any = true
		if a.rounded {
			n++
		}
	}
	return s, n, any
}

func isNumberingRow(cells []string) bool {
	for _, c := range cells {
		switch workbook.Squash(c) {
		case "栏次", "行次":
			return true
		}
	}
	return false
}

// isColumnNumbers reports a row of column numbers under the header
// ("1 2 3 4", or "甲 乙 1 2"): consecutive integers, not data.
func isColumnNumbers(cells []string) bool {
	prev, n := 0, 0
	for _, c := range cells {
		t := workbook.Clean(c)
		if t == "" || isStemMarker(t) {
			continue
		}
		v, err := strconv.Atoi(t)
		if err != nil || n > 0 && v != prev+1 {
			return false
		}
		prev = v
		n++
	}
	return n >= 2
}

func isStemMarker(s string) bool {
	switch workbook.Clean(s) {
	case "甲", "乙", "丙", "丁":
		return true
	}
	return false
}
