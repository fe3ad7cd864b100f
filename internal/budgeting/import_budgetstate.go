package budgeting

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
)

// checkYearState refuses an import that would contradict the year's
// budget state, and reports whether the year already has a budget (which
// the import then replaces). Run it inside the import's transaction: the
// preview runs it too, only to say so early.
//
//   - A year whose preparation cycle is in progress gets its budget from
//     the cycle, when the committee approves it.
//   - An approved budget carrying the committee's decision (from the
//     cycle, the demo's committee, or any approved adjustment) changes
//     only by an adjustment the committee approves; an import may replace
//     only an imported budget nothing was decided on, to correct it.
//   - A year whose bonus allocation is approved keeps its budget.
func checkYearState(ctx context.Context, q store.Q, year int, replace bool) (bool, error) {
	c, ok, err := q.Cycle(ctx, year)
	if err != nil {
		return false, err
	}
	if ok && !c.Locked() {
		depts, err := q.DeptPreps(ctx, year)
		if err != nil {
			return false, err
		}
		return false, domain.NewProblem("import.cycle_open", "The {{.Year}} budget preparation is in progress ({{.Count}} departments), so a budget cannot be imported into {{.Year}}: finish the preparation in Budget preparation, where the budget committee approves the hospital budget, or cancel it (Budget preparation › Cancel this year's preparation, or budgetperf budget cancel). Nothing was imported.",
			"Year", year, "Count", len(depts))
	}
	exists, err := q.BudgetExists(ctx, year)
	if err != nil || !exists {
		return false, err
	}
	// What forbids replacing is said first, with or without --replace:
	// advising --replace where it would be refused leads nowhere.
	if err := replaceRefusal(ctx, q, year); err != nil {
		return true, err
	}
	if !replace {
		return true, budgetExists(year)
	}
	return true, nil
}

// replaceRefusal says why the year's approved budget may not be replaced
// by an import: its bonus is locked, or it carries the committee's
// decision; nil for an imported budget nothing was decided on.
func replaceRefusal(ctx context.Context, q store.Q, year int) error {
	if err := checkBonusOpen(ctx, q, year); err != nil {
		return err
	}
	source, err := q.BudgetSource(ctx, year)
	if err != nil {
		return err
	}
	adjusted, err := q.CountAdjustments(ctx, year, domain.AdjustmentApproved)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(source, "import:") || adjusted > 0 {
		return domain.NewProblem("import.replace_approved", "The {{.Year}} budget (version {{.Version}}) carries the budget committee's approval, so an import cannot replace it. Change its figures with a budget adjustment (budgetperf budget adjust request) for the committee to approve. Nothing was imported.",
			"Year", year, "Version", adjusted+1)
	}
	return nil
}

// checkBonusOpen refuses to replace the budget of a year whose bonus
// allocation, computed from it, is approved and locked.
func checkBonusOpen(ctx context.Context, q store.Q, year int) error {
	runs, err := q.BonusRuns(ctx, year)
	if err != nil {
		return err
	}
	for _, r := range runs {
		if r.Status == store.BonusApproved {
			return domain.NewProblem("import.replace_bonus_locked", "The {{.Year}} bonus allocation was approved on {{.At}} and is locked, and it was computed from the {{.Year}} budget, so an import cannot replace that budget. Nothing was imported; a change the budget committee accepts is made as a budget adjustment (Budget preparation › Budget adjustment).",
				"Year", year, "At", dateOf(r.ApprovedAt))
		}
	}
	return nil
}
