package budgeting

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// closedMonths is how many months of year are closed: every month through
// the latest one with actuals. BudgetPerf keeps no month-close setting, so
// the actuals say how far the year's books have gone; an adjustment
// changes only the months after it.
func closedMonths(ctx context.Context, q store.Q, year int) (int, error) {
	m, err := q.LatestActualMonth(ctx, year)
	if m > 12 {
		m = 12
	}
	return m, err
}

// checkFloor refuses a line an adjustment would take below what is
// already fixed: the actuals recorded to date (spent, or received on a
// revenue line; BudgetPerf records no commitments beyond them) and the
// plan of the closed months, which an adjustment does not rewrite. With
// every month closed the line can no longer change at all.
func checkFloor(ctx context.Context, q store.Q, year, closed int, l domain.AdjustmentLine) error {
	if l.New == l.Old {
		return nil
	}
	name := l.DeptCode + " " + l.SubjectCode
	before, err := q.PlanLine(ctx, year, l.DeptCode, l.SubjectCode)
	switch {
	case store.IsNotFound(err):
		before = store.PlanLine{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Method: domain.SplitMethodEven}
	case err != nil:
		return err
	default:
		name = before.DeptName + " " + before.SubjectName
	}
	if closed >= 12 {
		return domain.NewProblem("problem.adjust.year_closed", "Every month of {{.Year}} has actuals, so no month is open to take a change of {{.Line}}. Leave the line as it is: a closed year's budget is no longer adjusted.",
			"Year", year, "Line", name)
	}
	if l.New > l.Old {
		return nil
	}
	actuals, err := q.MonthlyActualsOf(ctx, year, l.DeptCode, l.SubjectCode)
	if err != nil {
		return err
	}
	spent, _ := domain.SumMonths(actuals)
	if spent > 0 && l.New < spent {
		return domain.NewProblem("problem.adjust.below_actual", "{{.Line}}: {{.Actual}} yuan is already recorded in the {{.Year}} actuals (through month {{.Month}}), so the line cannot be cut to {{.New}} yuan. Ask for at least {{.Actual}} yuan.",
			"Line", name, "Actual", money.FormatPlain(spent), "Year", year, "Month", closed, "New", money.FormatPlain(l.New))
	}
	if kept := closedPlan(before, closed); kept > 0 && l.New < kept {
		return domain.NewProblem("problem.adjust.below_closed", "{{.Line}}: months 1–{{.Month}} are closed with {{.Planned}} yuan planned, and an adjustment re-splits only the months still open, so the line cannot be cut to {{.New}} yuan. Ask for at least {{.Planned}} yuan.",
			"Line", name, "Month", closed, "Planned", money.FormatPlain(kept), "New", money.FormatPlain(l.New))
	}
	return nil
}

// closedPlan is the plan of a line's closed months.
func closedPlan(l store.PlanLine, closed int) money.Amount {
	months := storedMonths(l)
	var kept money.Amount
	for m := 0; m < closed; m++ {
		kept += months[m]
	}
	return kept
}

// resplitOpen distributes a line's new amount over the months still open,
// keeping the plan of the closed months: the new amount less the closed
// months' plan is spread by the line's method (even stays even, prior
// follows the prior year's pattern of those months, manual keeps their
// shape). With no month closed it is resplit.
func resplitOpen(ctx context.Context, tx *store.Tx, year, closed int, before store.PlanLine, amount money.Amount) error {
	if closed == 0 {
		return resplit(ctx, tx, year, before, amount)
	}
	months := storedMonths(before)
	rest := amount - closedPlan(before, closed)
	weights, err := openWeights(ctx, tx.Q, year, closed, before, months)
	if err != nil {
		return err
	}
	parts, err := money.Allocate(rest, weights)
	if err != nil {
		parts = money.AllocateEven(rest, 12-closed)
	}
	copy(months[closed:], parts)
	return tx.SaveSplit(ctx, year, before.DeptCode, before.SubjectCode, before.Method, &months)
}

// openWeights are the weights of the open months by the line's method.
func openWeights(ctx context.Context, q store.Q, year, closed int, before store.PlanLine, months domain.Months) ([]int64, error) {
	pattern := months
	switch before.Method {
	case domain.SplitMethodPrior:
		prior, err := q.MonthlyActualsOf(ctx, year-1, before.DeptCode, before.SubjectCode)
		if err != nil {
			return nil, err
		}
		pattern = prior
	case domain.SplitMethodManual:
	default:
		pattern = domain.Months{}
	}
	weights := make([]int64, 12-closed)
	usable := false
	for i := range weights {
		if p := pattern[closed+i]; p > 0 {
			weights[i], usable = p.Fen(), true
		}
	}
	if !usable {
		for i := range weights {
			weights[i] = 1
		}
	}
	return weights, nil
}

// checkFloors is checkFloor for every line of a request, all problems at once.
func checkFloors(ctx context.Context, q store.Q, year int, lines []domain.AdjustmentLine) (domain.Problems, error) {
	closed, err := closedMonths(ctx, q, year)
	if err != nil {
		return nil, err
	}
	var ps domain.Problems
	for _, l := range lines {
		err := checkFloor(ctx, q, year, closed, l)
		if p := domain.AsProblems(err); p != nil {
			ps = append(ps, p...)
		} else if err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// checkBonusLock refuses an adjustment that changes the performance pay
// (30107 绩效工资) of a year whose bonus allocation is approved: the pool
// was capped by that budget, and an approved allocation is locked for
// good (BudgetPerf has no way to reopen it).
func checkBonusLock(ctx context.Context, q store.Q, year int, lines []domain.AdjustmentLine) error {
	var touched []string
	for _, l := range lines {
		if l.SubjectCode == domain.PerformancePaySubject && l.New != l.Old {
			touched = append(touched, l.DeptCode)
		}
	}
	if len(touched) == 0 {
		return nil
	}
	runs, err := q.BonusRuns(ctx, year)
	if err != nil {
		return err
	}
	for _, r := range runs {
		if r.Status == store.BonusApproved {
			return domain.NewProblem("problem.adjust.bonus_locked", "The {{.Year}} bonus allocation was approved on {{.At}} and is locked, and its pool was capped by the {{.Year}} performance pay budget (30107), so that line cannot change (department {{.Depts}}). Leave 30107 out of the adjustment; an approved bonus allocation cannot be reopened.",
				"Year", year, "At", dateOf(r.ApprovedAt), "Depts", strings.Join(touched, ", "))
		}
	}
	return nil
}

// dateOf is the date of a stored RFC 3339 time.
func dateOf(t string) string {
	if len(t) >= 10 {
		return t[:10]
	}
	return t
}

// errOr is err, else the problems (nil when there are none).
func errOr(err error, ps domain.Problems) error {
	if err != nil || len(ps) == 0 {
		return err
	}
	return ps
}
