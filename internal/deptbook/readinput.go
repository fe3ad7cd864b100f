package deptbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// inputAmount reads an amount cell the department filled in: blank is
// zero; otherwise yuan, at most two decimals, not negative.
func (rd *reader) inputAmount(sheet, col string, row int) (money.Amount, bool) {
	ref := fmt.Sprintf("%s%d", col, row)
	raw := strings.TrimSpace(rd.value(sheet, ref))
	if raw == "" {
		return 0, true
	}
	p, err := money.Parse(raw, money.Yuan)
	cell := sheet + "!" + ref
	switch {
	case err != nil || p.Blank && raw != "-" && raw != "—":
		rd.add(domain.NewProblem("problem.deptbook.amount", "{{.Cell}}: “{{.Text}}” is not an amount. Enter the amount in yuan as a number, e.g. 125000.50.", "Cell", cell, "Text", raw))
	case p.Rounded && !workbook.FloatNoise(raw, money.Yuan):
		rd.add(domain.NewProblem("problem.deptbook.decimals", "{{.Cell}}: {{.Text}} has more than two decimals. Amounts are in yuan to the fen: round it to two decimals.", "Cell", cell, "Text", raw))
	case p.Amount < 0:
		rd.add(domain.NewProblem("problem.deptbook.negative", "{{.Cell}}: {{.Text}} is negative. A budget figure cannot be negative; enter 0 for nothing.", "Cell", cell, "Text", money.FormatPlain(p.Amount)))
	default:
		return p.Amount, true
	}
	return 0, false
}

// line reads a subject's figure of the round and its note.
func (rd *reader) line(meta []string, round int) (Entry, bool) {
	row, err := strconv.Atoi(meta[1])
	if err != nil {
		return Entry{}, false
	}
	col := colProposal
	if round == roundSecond {
		col = colRevised
	}
	a, ok := rd.inputAmount(ProposalSheet, col, row)
	note := strings.TrimSpace(rd.value(ProposalSheet, fmt.Sprintf("%s%d", colNote, row)))
	return Entry{SubjectCode: meta[2], Amount: a, Note: note}, ok
}

// project reads one project block: the amount, the funding split (not
// given while all four parts are blank), the person responsible, the
// annual goal and the filled target rows.
func (rd *reader) project(meta []string) (ProjectEntry, bool) {
	r, err1 := strconv.Atoi(meta[2])
	n, err2 := strconv.Atoi(meta[3])
	if err1 != nil || err2 != nil || n > 1000 {
		return ProjectEntry{}, false
	}
	sh := ProjectSheet
	before := len(rd.problems)
	p := ProjectEntry{Code: meta[1], Cell: fmt.Sprintf("%s!A%d", sh, r)}
	p.Amount, _ = rd.inputAmount(sh, "B", r+blockMoney)
	var parts [4]money.Amount
	given := false
	for i, at := range [][2]any{{"D", blockMoney}, {"F", blockMoney}, {"B", blockMoney2}, {"D", blockMoney2}} {
		col, off := at[0].(string), at[1].(int)
		parts[i], _ = rd.inputAmount(sh, col, r+off)
		given = given || strings.TrimSpace(rd.value(sh, fmt.Sprintf("%s%d", col, r+off))) != ""
	}
	if given {
		p.Funding = domain.Funding{Fiscal: parts[0], Business: parts[1], Carryover: parts[2], Other: parts[3]}
	}
	p.Responsible = strings.TrimSpace(rd.value(sh, fmt.Sprintf("F%d", r+blockMoney2)))
	p.AnnualGoal = strings.TrimSpace(rd.value(sh, fmt.Sprintf("B%d", r+blockGoal)))
	for i := range n {
		if t, ok := rd.target(r + blockTargets + i); ok {
			p.Targets = append(p.Targets, t)
		}
	}
	return p, len(rd.problems) == before
}

// target reads one row of a target table; ok is false for an empty row.
func (rd *reader) target(row int) (domain.Target, bool) {
	sh := ProjectSheet
	var v [5]string
	empty := true
	for i := range v {
		v[i] = strings.TrimSpace(rd.value(sh, fmt.Sprintf("%c%d", 'A'+i, row)))
		empty = empty && v[i] == ""
	}
	if empty {
		return domain.Target{}, false
	}
	t := domain.Target{Indicator: v[1], Value: v[2], Unit: v[3]}
	if v[0] != "" {
		if t.Category = categoryOf(v[0]); t.Category == "" {
			rd.add(domain.NewProblem("problem.deptbook.category", "{{.Cell}}: “{{.Text}}” is not a target category. Choose one from the cell's list, e.g. 数量指标 or 社会效益指标.", "Cell", fmt.Sprintf("%s!A%d", sh, row), "Text", v[0]))
		}
	}
	if v[4] != "" {
		if t.Direction = directionOf(v[4]); t.Direction == "" {
			rd.add(domain.NewProblem("problem.deptbook.direction", "{{.Cell}}: “{{.Text}}” is not a target direction. Choose one from the cell's list: ≥ (higher is better), ≤ (lower is better), ＝ (equal) or 定性 (qualitative).", "Cell", fmt.Sprintf("%s!E%d", sh, row), "Text", v[4]))
		}
	}
	return t, true
}

// categoryOf reads a category by its Chinese or English name or its code.
func categoryOf(s string) domain.TargetCategory {
	for _, c := range domain.TargetCategories {
		zh, en := c.GroupName()
		if s == zh || strings.EqualFold(s, en) || strings.EqualFold(s, string(c)) || s == strings.TrimSuffix(zh, "指标") {
			return c
		}
	}
	return ""
}

// directionOf reads a direction by the list's words, its sign or its code.
func directionOf(s string) domain.Direction {
	signs := map[string]domain.Direction{"≥": domain.DirHigher, ">=": domain.DirHigher, "≤": domain.DirLower, "<=": domain.DirLower,
		"=": domain.DirEqual, "＝": domain.DirEqual}
	if d, ok := signs[s]; ok {
		return d
	}
	for _, d := range domain.Directions {
		if s == directionWords[d] || strings.EqualFold(s, string(d)) {
			return d
		}
	}
	return ""
}
