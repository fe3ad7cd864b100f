// Package budgeting serves the year's budget: showing it now, the
// preparation cycle and adjustments as they are built, and its workbooks:
// the budget import (import_*.go, read by xlsximport's budget readers) and
// the budget export (export.go, export_workbook.go).
package budgeting

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service reads and changes budgets.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// View is the approved budget of a year by department and subject.
type View struct {
	Year int
	domain.Breakdown
	// Scope is the departments the view is limited to — a department
	// head's own — and nil for the whole hospital.
	Scope []string
}

// Years lists the years with an approved budget, newest first.
func (s *Service) Years(ctx context.Context, by domain.Actor) ([]int, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	return s.st.BudgetYears(ctx)
}

// Show returns the approved budget of year by department and subject; a
// department head gets their own departments only (permission.CanSee).
func (s *Service) Show(ctx context.Context, by domain.Actor, year int) (View, error) {
	if err := permission.SignedIn(by); err != nil {
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
	amounts := make([]domain.SubjectAmount, 0, len(lines))
	for _, l := range lines {
		// A department head sees their own departments' lines only, and
		// the totals are theirs, never the hospital's (docs: Roles).
		if permission.CanSee(by, l.DeptCode) {
			amounts = append(amounts, domain.SubjectAmount{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Amount: l.Amount})
		}
	}
	b, err := s.st.Breakdown(ctx, amounts)
	v := View{Year: year, Breakdown: b}
	if by.Role == domain.RoleDeptHead {
		v.Scope = append([]string{}, by.Departments...)
	}
	return v, err
}

// DeficitWarning is nil when the budget balances or runs a surplus, and
// otherwise says how large the deficit is: a public hospital's budget is
// expected to balance revenue and expenditure (《公立医院全面预算管理制度
// 实施办法》), so a deficit is pointed out wherever the budget is shown.
func (v View) DeficitWarning() *domain.Problem { return v.DeficitWarningIn(money.Yuan) }

// DeficitWarningIn is DeficitWarning with its amounts in u (元 or 万元),
// for a page whose figures are in that unit.
func (v View) DeficitWarningIn(u money.Unit) *domain.Problem {
	b := v.Balance()
	// A department's balance is not the hospital's: only the whole
	// budget is expected to balance.
	if b >= 0 || v.Scope != nil {
		return nil
	}
	if u == money.TenThousand {
		wan := func(a money.Amount) string { return money.FormatIn(a, money.TenThousand, 2) }
		return domain.NewProblem("problem.budget.deficit_wan", "The {{.Year}} budget runs a deficit of {{.Deficit}} (10k yuan): expenditure {{.Expenditure}} (10k yuan) exceeds revenue {{.Revenue}} (10k yuan). A public hospital's budget should balance; request a budget adjustment that raises revenue or cuts expenditure, or have the budget committee record why the deficit is accepted.",
			"Year", v.Year, "Deficit", wan(-b), "Expenditure", wan(v.Expenditure), "Revenue", wan(v.Revenue))
	}
	return domain.NewProblem("problem.budget.deficit", "The {{.Year}} budget runs a deficit of {{.Deficit}} yuan: expenditure {{.Expenditure}} yuan exceeds revenue {{.Revenue}} yuan. A public hospital's budget should balance; request a budget adjustment that raises revenue or cuts expenditure, or have the budget committee record why the deficit is accepted.",
		"Year", v.Year, "Deficit", money.FormatPlain(-b), "Expenditure", money.FormatPlain(v.Expenditure), "Revenue", money.FormatPlain(v.Revenue))
}
