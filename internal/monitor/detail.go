package monitor

import (
	"context"
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
)

// SubjectExecution is one subject of a department: budget against actual.
type SubjectExecution struct {
	domain.SubjectLine // Amount unused; see Figures
	Figures
}

// DeptDetail is one department's execution by subject at the end of Month.
type DeptDetail struct {
	Year, Month        int
	Code, Name, NameEn string
	Subjects           []SubjectExecution // expenditure first, then revenue, by code
}

// MergeSubjects pairs budget and actual breakdowns of one department by
// subject; a subject with only a budget or only actuals appears too.
func MergeSubjects(budget, actual domain.DeptBreakdown) []SubjectExecution {
	idx := map[string]int{}
	var out []SubjectExecution
	add := func(l domain.SubjectLine, isBudget bool) {
		i, ok := idx[l.SubjectCode]
		if !ok {
			i = len(out)
			idx[l.SubjectCode] = i
			line := l
			line.Amount = 0
			out = append(out, SubjectExecution{SubjectLine: line})
		}
		if isBudget {
			out[i].Budget += l.Amount
		} else {
			out[i].Actual += l.Amount
		}
	}
	for _, l := range budget.Lines {
		add(l, true)
	}
	for _, l := range actual.Lines {
		add(l, false)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind == domain.Expenditure
		}
		return out[i].SubjectCode < out[j].SubjectCode
	})
	return out
}

// Detail is department code's execution by subject at the end of month
// (0 = the latest month with actuals).
func (s *Service) Detail(ctx context.Context, by domain.Actor, year, month int, code string) (DeptDetail, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return DeptDetail{}, err
	}
	month, err := s.resolveMonth(ctx, year, month)
	if err != nil {
		return DeptDetail{}, err
	}
	d, err := s.st.Department(ctx, code)
	if err != nil {
		return DeptDetail{}, domain.NewProblem("problem.dept.unknown", "There is no department with code {{.Code}}.", "Code", code)
	}
	lines, err := s.st.BudgetLines(ctx, year)
	if err != nil {
		return DeptDetail{}, err
	}
	var budget []domain.SubjectAmount
	for _, l := range lines {
		if l.DeptCode == code {
			budget = append(budget, domain.SubjectAmount{DeptCode: code, SubjectCode: l.SubjectCode, Amount: l.Amount})
		}
	}
	var actual []domain.SubjectAmount
	if month > 0 {
		all, err := s.st.ActualSubjectTotals(ctx, year, month)
		if err != nil {
			return DeptDetail{}, err
		}
		for _, a := range all {
			if a.DeptCode == code {
				actual = append(actual, a)
			}
		}
	}
	bb, err := s.st.Breakdown(ctx, budget)
	if err != nil {
		return DeptDetail{}, err
	}
	ab, err := s.st.Breakdown(ctx, actual)
	if err != nil {
		return DeptDetail{}, err
	}
	first := func(b domain.Breakdown) domain.DeptBreakdown {
		if len(b.Departments) == 0 {
			return domain.DeptBreakdown{}
		}
		return b.Departments[0]
	}
	return DeptDetail{Year: year, Month: month, Code: d.Code, Name: d.Name, NameEn: d.NameEn,
		Subjects: MergeSubjects(first(bb), first(ab))}, nil
}
