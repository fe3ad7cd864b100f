package xlsximport

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// role is what a header cell says its column holds.
type role int

const (
	roleNone      role = iota
	roleNumbering      // 序号, 栏次, 行次: not data
	roleSubtotal       // 合计, 小计, 总计: a subtotal column
	roleNote           // 备注, 说明
	rolePrior          // 上年执行数: never the budget
	roleDelta          // 调整数: a change, not the budget
	roleCode           // 科目编码
	roleDept           // 科室
	roleName           // 科目名称
	roleAmount         // an amount column; level says which kind
	roleFunding        // 财政拨款, 其他资金: a part of an amount
)

// Amount column preference: adjusted > annual/current > initial.
const (
	levelInitial  = 1
	levelAnnual   = 2
	levelAdjusted = 3
)

var bracketed = regexp.MustCompile(`[（(\[【〔][^）)\]】〕]*[）)\]】〕]`)

// headerCore strips bracketed parts ("（元）", "(万元)") and spaces.
func headerCore(s string) string {
	if !strings.ContainsAny(s, "（([【〔") {
		return workbook.Squash(s) // no bracket: skip the regexp, called for every cell of a long sheet
	}
	return workbook.Squash(bracketed.ReplaceAllString(s, ""))
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isSubtotalWord(t string) bool {
	t = headerCore(t)
	t = strings.TrimRight(t, ":")
	switch t {
	case "合计", "小计", "总计", "总合计", "合计数", "总额", "total", "subtotal", "grandtotal", "sum", "本页合计", "累计":
		return true
	}
	return strings.HasSuffix(t, "合计") || strings.HasSuffix(t, "小计") || strings.HasSuffix(t, "总计") ||
		strings.HasPrefix(t, "合计") || strings.HasPrefix(t, "小计") || strings.HasPrefix(t, "总计") ||
		strings.HasPrefix(t, "total") || strings.HasPrefix(t, "subtotal")
}

var fundingWords = []string{"财政拨款", "财政补助", "财政资金", "其他资金", "结转资金", "自有资金", "事业收入", "其他收入",
	"上级补助", "单位资金", "非财政", "fiscal", "otherfunds", "carry"}

// classify reads one header text. It returns roleNone for texts that are
// not header words (such as a department name under a merged heading).
func classify(text string) (role, int) {
	t := headerCore(text)
	if t == "" {
		return roleNone, 0
	}
	if utf8.RuneCountInString(t) > 16 || utf8.RuneCountInString(workbook.Squash(text)) > 24 ||
		strings.HasSuffix(t, "表") || strings.ContainsAny(t, "。，,;；:") {
		return roleNone, 0 // titles, sentences
	}
	switch t {
	case "序号", "栏次", "行次", "no", "no.", "#", "行号", "序":
		return roleNumbering, 0
	}
	if isSubtotalWord(t) {
		return roleSubtotal, 0
	}
	if containsAny(t, "备注", "说明", "note", "remark", "测算依据", "依据") {
		return roleNote, 0
	}
	if containsAny(t, "上年", "去年", "上一年", "执行数", "实际", "决算", "prior", "actual", "lastyear", "previous") {
		return rolePrior, 0
	}
	if containsAny(t, "调整后", "adjusted", "调整预算数", "变更后") {
		return roleAmount, levelAdjusted
	}
	if containsAny(t, "调整数", "调增", "调减", "调整额", "adjustment", "变动") {
		return roleDelta, 0
	}
	for _, w := range fundingWords {
		if strings.Contains(t, w) {
			return roleFunding, 0
		}
	}
	if containsAny(t, "编码", "代码", "code", "科目号", "编号") {
		return roleCode, 0
	}
	if !containsAny(t, "金额", "预算数", "budget", "amount") &&
		(containsAny(t, "科室", "部门", "预算单位", "单位名称", "department", "dept", "责任中心") || t == "单位") {
		return roleDept, 0
	}
	if containsAny(t, "年初", "initial", "original") {
		return roleAmount, levelInitial
	}
	if containsAny(t, "预算", "金额", "budget", "amount", "本年", "全年") {
		return roleAmount, levelAnnual
	}
	if containsAny(t, "名称", "科目", "经济分类", "subject", "item", "name", "项目", "支出功能", "费用") {
		return roleName, 0
	}
	return roleNone, 0
}

// column is the header of one column.
type column struct {
	index  int
	text   string // the full header text (group + label)
	group  string // the upper text of a two-row header; "" in a one-row header
	label  string // the lower text (or the only text)
	role   role
	level  int
	gRole  role // role of the group text
	gLevel int
}

// header is a detected header: its rows and columns.
type header struct {
	row, rows int // first row (0-based) and how many rows (1 or 2)
	cols      []column
}

func (h header) find(r role) int {
	for _, c := range h.cols {
		if c.role == r {
			return c.index
		}
	}
	return -1
}

// score counts the recognised data roles of a header. ok says whether it
// is a budget header; loose whether it could be one with something across
// the columns (departments or subjects as headings).
func (h header) score() (score int, ok, loose bool) {
	var code, name, dept, amount, group, subtotal bool
	unknown := 0
	for _, c := range h.cols {
		if c.role == roleSubtotal {
			subtotal = true
		}
		if c.role == roleNone && c.label != "" && c.gRole == roleNone {
			unknown++
		}
		switch c.role {
		case roleCode:
			code = true
		case roleName:
			name = true
		case roleDept:
			dept = true
		case roleAmount:
			amount = true
		}
		if c.role != roleNone || c.gRole == roleAmount {
			score++
		}
		if c.gRole == roleAmount || c.gRole == rolePrior {
			group = true
		}
	}
	ok = (code || name || dept) && (amount || group || (code || name) && dept)
	loose = ok || (code || name || dept) && (subtotal || unknown >= 1) && score >= 1 && unknown+score >= 3
	return score, ok, loose
}

// buildHeader reads the header at row r spanning n rows.
func buildHeader(g *workbook.Grid, r, n int) header {
	h := header{row: r, rows: n}
	w := g.Width()
	for c := 0; c < w; c++ {
		col := column{index: c}
		if n == 1 {
			// A cell merged across columns counts once, in its first column.
			if m, ok := g.Merged(r, c); ok && m.C0 != c {
				col.label = ""
			} else {
				col.label = workbook.Clean(g.Cell(r, c))
			}
		} else {
			up, low := g.Upper(r, c), workbook.Clean(g.Filled(r+1, c))
			if m, ok := g.Merged(r, c); ok && m.R1 >= r+1 && m.C0 == m.C1 {
				low = "" // merged down over both rows: one text
			}
			if up == low {
				low = ""
			}
			if low == "" {
				col.label = up
			} else {
				col.group, col.label = up, low
			}
		}
		col.text = col.group + col.label
		if col.group != "" {
			col.gRole, col.gLevel = classify(col.group)
			// Under a group header, a label that is a header word keeps its
			// role; otherwise the combination decides (经济分类 + 编码).
			col.role, col.level = classify(col.label)
			if col.role == roleNone || col.gRole == roleName && col.role == roleName {
				if r2, l2 := classify(col.text); r2 == roleCode || r2 == roleName {
					col.role, col.level = r2, l2
				}
			}
		} else {
			col.role, col.level = classify(col.label)
		}
		h.cols = append(h.cols, col)
	}
	return h
}

// findHeader looks for the header in the first 20 rows of g.
func findHeader(g *workbook.Grid) (header, bool) {
	limit := min(20, len(g.Rows))
	for pass := 0; pass < 2; pass++ {
		for r := 0; r < limit; r++ {
			single := buildHeader(g, r, 1)
			s1, ok1, loose1 := single.score()
			if r+1 < len(g.Rows) && (startsMerge(g, r) || stackedHeader(g, r)) && rowHasHeaderWord(g, r) {
				double := buildHeader(g, r, 2)
				if s2, ok2, loose2 := double.score(); (ok2 || pass == 1 && loose2) && s2 >= s1 {
					return double, true
				}
			}
			if ok1 || pass == 1 && loose1 {
				return single, true
			}
		}
	}
	return header{}, false
}

// stackedHeader reports a two-row header written without merged cells:
// row r has two texts or more (a title has one), the row under it names
// two or more columns that r leaves blank, and is text, not figures.
func stackedHeader(g *workbook.Grid, r int) bool {
	above := 0
	for _, t := range g.Rows[r] {
		if workbook.Clean(t) != "" {
			above++
		}
	}
	if above < 2 {
		return false // a title row
	}
	under, words := 0, 0
	for c, t := range g.Rows[r+1] {
		t = workbook.Clean(t)
		if t == "" {
			continue
		}
		if _, err := money.Parse(t, money.Yuan); err == nil {
			return false // a data row
		}
		words++
		if workbook.Clean(g.Cell(r, c)) == "" {
			under++
		}
	}
	return under >= 2 && words >= 2
}

// rowHasHeaderWord reports whether some cell of row r is a header word, so
// that a merged title row is not taken for the upper half of a header.
func rowHasHeaderWord(g *workbook.Grid, r int) bool {
	for _, t := range g.Rows[r] {
		if ro, _ := classify(t); ro != roleNone {
			return true
		}
	}
	return false
}

// startsMerge reports whether a merge that is part of a two-row header
// starts at row r: merged over two rows, or across columns with texts below.
func startsMerge(g *workbook.Grid, r int) bool {
	for _, m := range g.Merges {
		if m.R0 != r {
			continue
		}
		if m.R1 > m.R0 || m.C1 > m.C0 && workbook.Clean(g.Cell(r+1, m.C0)) != "" {
			return true
		}
	}
	return false
}

// findUnit reads the unit from the rows above the header and from the
// amount header text; the header text wins when both name one.
func findUnit(g *workbook.Grid, h header, amountCols []int) money.Unit {
	for _, c := range amountCols {
		for _, t := range []string{h.cols[c].label, h.cols[c].group} {
			if u, ok := money.FindUnit(t); ok {
				return u
			}
		}
	}
	for _, c := range h.cols {
		if c.role == roleAmount || c.gRole == roleAmount {
			for _, t := range []string{c.label, c.group} {
				if u, ok := money.FindUnit(t); ok {
					return u
				}
			}
		}
	}
	for r := 0; r < h.row; r++ {
		for _, t := range g.Rows[r] {
			if u, ok := money.FindUnit(t); ok {
				return u
			}
		}
	}
	return money.Yuan
}
