// Package budgeting serves the year's budget: showing it now, the
// preparation cycle and adjustments as they are built.
package budgeting

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service reads and changes budgets.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// LineView is one budget line with its subject's names.
type LineView struct {
	SubjectCode   string
	SubjectName   string
	SubjectNameEn string
	Kind          domain.SubjectKind
	Amount        money.Amount
}

// DeptView is one department's part of the budget.
type DeptView struct {
	Code, Name, NameEn   string
	Total                money.Amount // every line, revenue and expenditure
	Revenue, Expenditure money.Amount
	Lines                []LineView
}

// View is the approved budget of a year.
type View struct {
	Year                 int
	Total                money.Amount
	Revenue, Expenditure money.Amount
	Departments          []DeptView
}

// Years lists the years with an approved budget, newest first.
func (s *Service) Years(ctx context.Context, by domain.Actor) ([]int, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return nil, err
	}
	return s.st.BudgetYears(ctx)
}

// Show returns the approved budget of year by department and subject.
func (s *Service) Show(ctx context.Context, by domain.Actor, year int) (View, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return View{}, err
	}
	if !domain.ValidYear(year) {
		return View{}, domain.YearProblem(year)
	}
	ok, err := s.st.BudgetExists(ctx, year)
	if err != nil {
		return View{}, err
	}
	if !ok {
		return View{}, domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}. Import one (budgetperf import budget --year {{.Year}} FILE) or load the demo hospital.", "Year", year)
	}
	lines, err := s.st.BudgetLines(ctx, year)
	if err != nil {
		return View{}, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return View{}, err
	}
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return View{}, err
	}
	return buildView(year, lines, depts, subjects), nil
}

// buildView groups lines by department in department-code order.
func buildView(year int, lines []domain.BudgetLine, depts []domain.Department, subjects []domain.Subject) View {
	subj := make(map[string]domain.Subject, len(subjects))
	for _, s := range subjects {
		subj[s.Code] = s
	}
	byDept := map[string]*DeptView{}
	v := View{Year: year}
	for _, l := range lines {
		dv := byDept[l.DeptCode]
		if dv == nil {
			dv = &DeptView{Code: l.DeptCode}
			byDept[l.DeptCode] = dv
		}
		s := subj[l.SubjectCode]
		dv.Lines = append(dv.Lines, LineView{SubjectCode: l.SubjectCode, SubjectName: s.Name, SubjectNameEn: s.NameEn, Kind: s.Kind, Amount: l.Amount})
		dv.Total += l.Amount
		v.Total += l.Amount
		if s.Kind == domain.Revenue {
			dv.Revenue += l.Amount
			v.Revenue += l.Amount
		} else {
			dv.Expenditure += l.Amount
			v.Expenditure += l.Amount
		}
	}
	for _, d := range depts {
		if dv := byDept[d.Code]; dv != nil {
			dv.Name, dv.NameEn = d.Name, d.NameEn
			v.Departments = append(v.Departments, *dv)
		}
	}
	return v
}
