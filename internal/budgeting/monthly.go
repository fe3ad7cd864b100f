package budgeting

import (
	"context"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// MonthlyLine is an approved line with its distribution over the months.
type MonthlyLine struct {
	DeptCode, DeptName, DeptNameEn          string
	SubjectCode, SubjectName, SubjectNameEn string
	Kind                                    domain.SubjectKind
	Annual                                  money.Amount
	Method                                  domain.SplitMethod
	Months                                  domain.Months
}

// MonthlyPlan is the monthly distribution of a year's approved budget,
// the plan that execution is monitored against.
type MonthlyPlan struct {
	Year  int
	Lines []MonthlyLine
}

// MonthlyTotal is the annual amount and months of several lines added up.
type MonthlyTotal struct {
	Annual money.Amount
	Months domain.Months
}

// SumMonthly totals lines by kind. Revenue and expenditure are kept apart
// because their sum means nothing to a finance office.
func SumMonthly(lines []MonthlyLine) (revenue, expenditure MonthlyTotal) {
	for _, l := range lines {
		t := &expenditure
		if l.Kind == domain.Revenue {
			t = &revenue
		}
		t.Annual += l.Annual
		for m := range l.Months {
			t.Months[m] += l.Months[m]
		}
	}
	return revenue, expenditure
}

// SplitAllResult says what SplitAll did.
type SplitAllResult struct {
	Lines int
	// FellBack counts lines split evenly under the prior-year method
	// because the prior year had no positive monthly actuals for them.
	FellBack int
}

// MonthlyPlan returns every approved line of year with its twelve months.
// A line without stored months is spread evenly.
func (s *Service) MonthlyPlan(ctx context.Context, by domain.Actor, year int) (MonthlyPlan, error) {
	if err := s.checkApprovedBudget(ctx, s.st.Q, by, year); err != nil {
		return MonthlyPlan{}, err
	}
	lines, err := s.st.PlanLines(ctx, year)
	if err != nil {
		return MonthlyPlan{}, err
	}
	out := MonthlyPlan{Year: year, Lines: make([]MonthlyLine, 0, len(lines))}
	for _, l := range lines {
		if !permission.CanSee(by, l.DeptCode) {
			continue // a department head plans their own departments' lines only
		}
		out.Lines = append(out.Lines, MonthlyLine{DeptCode: l.DeptCode, DeptName: l.DeptName, DeptNameEn: l.DeptNameEn,
			SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, SubjectNameEn: l.SubjectNameEn,
			Kind: l.Kind, Annual: l.Amount, Method: l.Method, Months: storedMonths(l)})
	}
	return out, nil
}

// storedMonths is a line's months as they stand: the stored rows, or the
// even split when there are none. Rows that no longer add up to the
// amount (changed outside BudgetPerf) are re-spread in their proportions,
// so the plan always totals the budget.
func storedMonths(l store.PlanLine) domain.Months {
	if !l.HasMonths {
		return domain.SplitEven(l.Amount)
	}
	if sum, ok := domain.SumMonths(l.Months); ok && sum == l.Amount {
		return l.Months
	}
	return domain.SplitLike(l.Amount, l.Months)
}

// SetSplit distributes one line of year: evenly, by the prior year's
// monthly actuals, or by the twelve amounts given (manual), which must add
// up to the annual amount exactly.
func (s *Service) SetSplit(ctx context.Context, by domain.Actor, year int, deptCode, subject string, method domain.SplitMethod, manualMonths *domain.Months) error {
	if err := permission.Check(by, permission.BudgetPlan, ""); err != nil {
		return err
	}
	if !method.Valid() {
		return splitMethodProblem(method)
	}
	return s.st.InTx(ctx, func(tx *store.Tx) (err error) {
		defer func() { // every successful branch below is recorded
			if err == nil {
				var c changes
				c.add(logbook.EntityBudget, lineKey(year, deptCode, subject), "split", "", string(method), "")
				err = c.record(ctx, tx, by)
			}
		}()
		if err := s.checkApprovedBudget(ctx, tx.Q, by, year); err != nil {
			return err
		}
		l, err := tx.PlanLine(ctx, year, deptCode, subject)
		if store.IsNotFound(err) {
			return domain.NewProblem("problem.split.no_line", "The {{.Year}} budget has no line for department {{.Dept}}, subject {{.Subject}}: only approved lines are split into months.",
				"Year", year, "Dept", deptCode, "Subject", subject)
		}
		if err != nil {
			return err
		}
		switch method {
		case domain.SplitMethodManual:
			if manualMonths == nil {
				return domain.NewProblem("problem.split.manual_missing", "A manual split needs the amount of each of the twelve months.")
			}
			if p := domain.CheckManual(l.Amount, *manualMonths); p != nil {
				return p
			}
			return tx.SaveSplit(ctx, year, deptCode, subject, method, manualMonths)
		case domain.SplitMethodPrior:
			pattern, err := tx.MonthlyActualsOf(ctx, year-1, deptCode, subject)
			if err != nil {
				return err
			}
			months, ok := domain.SplitByPattern(l.Amount, pattern)
			if !ok {
				return domain.NewProblem("problem.split.no_prior", "{{.Dept}} {{.Subject}} has no positive monthly actuals in {{.Prior}}, so there is no pattern to follow: split it evenly or by hand.",
					"Dept", l.DeptName, "Subject", l.SubjectName, "Prior", year-1)
			}
			return tx.SaveSplit(ctx, year, deptCode, subject, method, &months)
		}
		return tx.SaveSplit(ctx, year, deptCode, subject, domain.SplitMethodEven, nil)
	})
}

// SplitAll distributes every line of year evenly or by the prior year's
// pattern, replacing manual splits too. Under the prior-year method a line
// whose prior year has no usable pattern is split evenly and counted in
// FellBack, so the user knows how far the pattern reached.
func (s *Service) SplitAll(ctx context.Context, by domain.Actor, year int, method domain.SplitMethod) (SplitAllResult, error) {
	var res SplitAllResult
	if err := permission.Check(by, permission.BudgetPlan, ""); err != nil {
		return res, err
	}
	switch {
	case method == domain.SplitMethodManual:
		return res, domain.NewProblem("problem.split.manual_all", "A manual split is typed line by line: select a line and split it by hand.")
	case !method.Valid():
		return res, splitMethodProblem(method)
	}
	err := s.st.InTx(ctx, func(tx *store.Tx) (err error) {
		defer func() {
			if err == nil {
				var c changes
				c.add(logbook.EntityBudget, fmt.Sprint(year), "split", "", string(method), fmt.Sprintf("%d lines", res.Lines))
				err = c.record(ctx, tx, by)
			}
		}()
		if err := s.checkApprovedBudget(ctx, tx.Q, by, year); err != nil {
			return err
		}
		res, err = SplitAllIn(ctx, tx, year, method)
		return err
	})
	return res, err
}

// SplitAllIn is SplitAll inside a transaction the caller holds (the demo
// hospital splits its budget in the transaction that loads it).
func SplitAllIn(ctx context.Context, tx *store.Tx, year int, method domain.SplitMethod) (SplitAllResult, error) {
	lines, err := tx.PlanLines(ctx, year)
	if err != nil {
		return SplitAllResult{}, err
	}
	res := SplitAllResult{Lines: len(lines)}
	if err := tx.ResetSplits(ctx, year); err != nil {
		return res, err
	}
	if method == domain.SplitMethodEven {
		return res, nil
	}
	patterns, err := tx.MonthlyActuals(ctx, year-1)
	if err != nil {
		return res, err
	}
	for _, l := range lines {
		months, ok := domain.SplitByPattern(l.Amount, patterns[store.LineKey{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode}])
		if !ok {
			res.FellBack++
			continue // ResetSplits left it even
		}
		if err := tx.SaveSplit(ctx, year, l.DeptCode, l.SubjectCode, domain.SplitMethodPrior, &months); err != nil {
			return res, err
		}
	}
	return res, nil
}

func splitMethodProblem(m domain.SplitMethod) error {
	return domain.NewProblem("problem.split.method", "Unknown split method {{.Method}}: use even, prior or manual.", "Method", string(m))
}

// checkApprovedBudget refuses work on a year that has no approved budget:
// only an approved budget is split into months or adjusted.
func (s *Service) checkApprovedBudget(ctx context.Context, q store.Q, by domain.Actor, year int) error {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return err
	}
	if !domain.ValidYear(year) {
		return domain.YearProblem(year)
	}
	ok, err := q.BudgetExists(ctx, year)
	if err != nil {
		return err
	}
	if !ok {
		return domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}. Import one (budgetperf import budget --year {{.Year}} FILE) or load the demo hospital.", "Year", year)
	}
	return nil
}
