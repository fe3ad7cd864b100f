package report

import (
	"cmp"
	"slices"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// yearLine is one subject of a department (or of the hospital) in the
// year and the year before: a subject budgeted in only one of them shows
// 0 in the other, so that each column adds up to its year's total.
type yearLine struct {
	code, name, nameEn string
	kind               domain.SubjectKind
	now, prior         money.Amount
	inPrior            bool // budgeted the year before
}

// yearDept is a department of either year with its lines.
type yearDept struct {
	code, name, nameEn string
	rev, exp           money.Amount
	priorRev, priorExp money.Amount
	inPrior            bool
	lines              []yearLine
}

// bothYears is every department and line budgeted in now or in prior,
// departments by code and lines revenue first, then by subject code.
func bothYears(now, prior domain.Breakdown) []yearDept {
	var out []yearDept
	at := map[string]int{}
	add := func(d domain.DeptBreakdown, isPrior bool) {
		i, ok := at[d.Code]
		if !ok {
			i = len(out)
			at[d.Code] = i
			out = append(out, yearDept{code: d.Code, name: d.Name, nameEn: d.NameEn})
		}
		y := &out[i]
		if isPrior {
			y.priorRev, y.priorExp, y.inPrior = d.Revenue, d.Expenditure, true
		} else {
			y.rev, y.exp = d.Revenue, d.Expenditure
		}
		y.lines = mergeLines(y.lines, d.Lines, isPrior)
	}
	for _, d := range now.Departments {
		add(d, false)
	}
	for _, d := range prior.Departments {
		add(d, true)
	}
	slices.SortStableFunc(out, func(a, b yearDept) int { return cmp.Compare(a.code, b.code) })
	for i := range out {
		sortLines(out[i].lines)
	}
	return out
}

// mergeLines adds ls, of the year or the year before, to the lines.
func mergeLines(lines []yearLine, ls []domain.SubjectLine, isPrior bool) []yearLine {
	at := map[string]int{}
	for i, l := range lines {
		at[l.code] = i
	}
	for _, l := range ls {
		i, ok := at[l.SubjectCode]
		if !ok {
			i = len(lines)
			at[l.SubjectCode] = i
			lines = append(lines, yearLine{code: l.SubjectCode, name: l.SubjectName, nameEn: l.SubjectNameEn, kind: l.Kind})
		}
		if isPrior {
			lines[i].prior += l.Amount
			lines[i].inPrior = true
		} else {
			lines[i].now += l.Amount
		}
	}
	return lines
}

// sortLines puts revenue first, then expenditure, each by subject code.
func sortLines(ls []yearLine) {
	slices.SortStableFunc(ls, func(a, b yearLine) int {
		if a.kind != b.kind {
			if a.kind == domain.Revenue {
				return -1
			}
			if b.kind == domain.Revenue {
				return 1
			}
		}
		return cmp.Compare(a.code, b.code)
	})
}

// subjectsOf is the hospital's lines: every department's summed by subject.
func subjectsOf(depts []yearDept) []yearLine {
	var out []yearLine
	at := map[string]int{}
	for _, d := range depts {
		for _, l := range d.lines {
			i, ok := at[l.code]
			if !ok {
				i = len(out)
				at[l.code] = i
				out = append(out, yearLine{code: l.code, name: l.name, nameEn: l.nameEn, kind: l.kind})
			}
			out[i].now += l.now
			out[i].prior += l.prior
			out[i].inPrior = out[i].inPrior || l.inPrior
		}
	}
	sortLines(out)
	return out
}
