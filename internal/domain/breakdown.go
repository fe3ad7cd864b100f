package domain

import "github.com/budgetperf/budgetperf/internal/domain/money"

// SubjectAmount is an amount of one department and subject: a budget line
// or actuals summed over a period.
type SubjectAmount struct {
	DeptCode    string
	SubjectCode string
	Amount      money.Amount
}

// SubjectLine is a SubjectAmount with its subject's names and kind.
type SubjectLine struct {
	SubjectCode, SubjectName, SubjectNameEn string
	Kind                                    SubjectKind
	Amount                                  money.Amount
}

// DeptBreakdown is one department's lines with revenue and expenditure totals.
type DeptBreakdown struct {
	Code, Name, NameEn   string
	Revenue, Expenditure money.Amount
	Lines                []SubjectLine
}

// Balance is revenue minus expenditure (收支差额): negative is a deficit.
// Revenue and expenditure are never added together.
func (d DeptBreakdown) Balance() money.Amount { return d.Revenue - d.Expenditure }

// Breakdown is amounts grouped by department (in department order) and
// subject, the shape in which budgets and actuals are shown and exported.
type Breakdown struct {
	Revenue, Expenditure money.Amount
	Departments          []DeptBreakdown
}

// Lines counts the lines of all departments.
func (b Breakdown) Lines() int {
	n := 0
	for _, d := range b.Departments {
		n += len(d.Lines)
	}
	return n
}

// Balance is revenue minus expenditure (收支差额): negative is a deficit.
// Revenue and expenditure are never added together.
func (b Breakdown) Balance() money.Amount { return b.Revenue - b.Expenditure }

// NewBreakdown groups amounts by department. Subjects not in the catalogue
// count as expenditure, the kind of every economic classification code.
func NewBreakdown(amounts []SubjectAmount, depts []Department, subjects []Subject) Breakdown {
	subj := make(map[string]Subject, len(subjects))
	for _, s := range subjects {
		subj[s.Code] = s
	}
	byDept := map[string]*DeptBreakdown{}
	var b Breakdown
	for _, a := range amounts {
		d := byDept[a.DeptCode]
		if d == nil {
			d = &DeptBreakdown{Code: a.DeptCode}
			byDept[a.DeptCode] = d
		}
		s := subj[a.SubjectCode]
		d.Lines = append(d.Lines, SubjectLine{SubjectCode: a.SubjectCode, SubjectName: s.Name, SubjectNameEn: s.NameEn, Kind: s.Kind, Amount: a.Amount})
		if s.Kind == Revenue {
			d.Revenue += a.Amount
			b.Revenue += a.Amount
		} else {
			d.Expenditure += a.Amount
			b.Expenditure += a.Amount
		}
	}
	for _, dep := range depts {
		if d := byDept[dep.Code]; d != nil {
			d.Name, d.NameEn = dep.Name, dep.NameEn
			b.Departments = append(b.Departments, *d)
		}
	}
	return b
}
