package budgeting

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
)

// cycleOf reads year's cycle and refuses when none was opened.
func cycleOf(ctx context.Context, q store.Q, year int) (domain.Cycle, error) {
	c, ok, err := q.Cycle(ctx, year)
	if err != nil {
		return c, err
	}
	if !ok {
		// A year approved without the cycle (imported, or the demo's) has
		// nothing to prepare: say so rather than "open the cycle".
		if exists, err := q.BudgetExists(ctx, year); err != nil {
			return c, err
		} else if exists {
			return c, domain.NewProblem("problem.prep.approved_without_cycle", "The {{.Year}} budget is approved and was not prepared here, so there is nothing to prepare or consolidate for {{.Year}}. To change it, request a budget adjustment (budgetperf budget adjust request).", "Year", year)
		}
		return c, domain.NewProblem("problem.prep.no_cycle", "The {{.Year}} budget preparation has not been opened. Open the {{.Year}} cycle first (budgetperf budget cycle start --year {{.Year}}).", "Year", year)
	}
	return c, nil
}

// openCycle is cycleOf that also refuses a locked cycle.
func openCycle(ctx context.Context, q store.Q, year int) (domain.Cycle, error) {
	c, err := cycleOf(ctx, q, year)
	if err != nil {
		return c, err
	}
	if c.Locked() {
		return c, lockedProblem(c)
	}
	return c, nil
}

func lockedProblem(c domain.Cycle) error {
	return domain.NewProblem("problem.prep.locked", "The {{.Year}} budget was approved and locked on {{.Date}}; it can no longer be edited. Request a budget adjustment instead.",
		"Year", c.Year, "Date", c.LockedAt.Format("2006-01-02"))
}

// deptPrepOf reads a department's place in the cycle, refusing a
// department that does not take part.
func deptPrepOf(ctx context.Context, q store.Q, year int, deptCode string) (domain.DeptPrep, error) {
	p, err := q.DeptPrep(ctx, year, deptCode)
	if store.IsNotFound(err) {
		return p, domain.NewProblem("problem.prep.no_dept", "Department {{.Dept}} does not take part in the {{.Year}} budget preparation.", "Dept", deptCode, "Year", year)
	}
	return p, err
}

// checkEditable refuses changes to a department's proposal (its lines and
// its projects) unless the cycle is open and the department may edit now.
func checkEditable(ctx context.Context, q store.Q, year int, deptCode string) (domain.DeptPrep, error) {
	if _, err := openCycle(ctx, q, year); err != nil {
		return domain.DeptPrep{}, err
	}
	p, err := deptPrepOf(ctx, q, year, deptCode)
	if err != nil {
		return p, err
	}
	if !p.Editable() {
		return p, domain.NewProblem("problem.prep.not_editable", "{{.Dept}}'s proposal is at “{{.State}}” and cannot be changed now. It can be edited while it is a draft, after it is returned, or after control figures are issued.",
			"Dept", p.DeptName, "State", p.State.Term())
	}
	return p, nil
}
