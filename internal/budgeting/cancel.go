package budgeting

import (
	"context"
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// CycleContents is what a cancelled cycle held: departments, proposal
// lines, projects and recorded steps.
type CycleContents = store.CycleContents

// CancelRefusal says why year's cycle, as st describes it, cannot be
// cancelled, or nil when it can. The screen asks it to disable its
// action; CancelCycle asks it again inside its transaction.
//
// Once the committee has approved the hospital budget, or any
// department's budget, the decision stands: the approved budget changes
// only by adjustments.
func CancelRefusal(st Status) error {
	if st.ApprovedBudget || st.Opened && st.Locked() {
		return domain.NewProblem("problem.prep.cancel_approved", "The {{.Year}} budget is already approved by the budget committee, so its preparation cannot be cancelled. Change the approved budget with a budget adjustment (budgetperf budget adjust request).",
			"Year", st.Year)
	}
	if !st.Opened {
		return domain.NewProblem("problem.prep.cancel_no_cycle", "The {{.Year}} budget preparation has not been opened, so there is nothing to cancel.", "Year", st.Year)
	}
	var approved []string
	for _, d := range st.Departments {
		if d.State == domain.StateApproved {
			approved = append(approved, d.DeptName)
		}
	}
	if len(approved) > 0 {
		if len(approved) > 5 {
			approved = append(approved[:5], "…")
		}
		return domain.NewProblem("problem.prep.cancel_dept_approved", "{{.Count}} department budgets of {{.Year}} are already approved ({{.Names}}), so the preparation can no longer be cancelled. Finish it and have the committee approve the hospital budget, then change it with budget adjustments.",
			"Year", st.Year, "Count", len(approved), "Names", strings.Join(approved, "、"))
	}
	return nil
}

// CancelCycle cancels year's preparation at the budget office's request:
// the cycle and everything its departments entered (proposal lines with
// their control and revised figures, projects with their target tables,
// the recorded steps with their comments) are removed in one
// transaction, and the trail keeps the reason and what was removed. The
// year can then be prepared again or its budget imported. It returns what
// was removed.
func (s *Service) CancelCycle(ctx context.Context, by domain.Actor, year int, reason string) (CycleContents, error) {
	var removed CycleContents
	if err := permission.Check(by, permission.PrepCancel, ""); err != nil {
		return removed, err
	}
	if !domain.ValidYear(year) {
		return removed, domain.YearProblem(year)
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return removed, domain.NewProblem("problem.prep.cancel_reason", "Give the reason for cancelling the {{.Year}} budget preparation: it is kept in the audit trail.", "Year", year)
	}
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		st, err := statusIn(ctx, tx.Q, year)
		if err != nil {
			return err
		}
		if err := CancelRefusal(st); err != nil {
			return err
		}
		if removed, err = tx.CycleContents(ctx, year); err != nil {
			return err
		}
		if err := tx.DeleteCycle(ctx, year); err != nil {
			return err
		}
		contents := fmt.Sprintf("%d departments, %d lines, %d projects, %d steps", removed.Departments, removed.Lines, removed.Projects, removed.Transitions)
		var c changes
		c.add(logbook.EntityPrepCycle, fmt.Sprint(year), "state", "open", "cancelled", reason)
		c.add(logbook.EntityPrepCycle, fmt.Sprint(year), "contents", contents, "", reason)
		return c.record(ctx, tx, by)
	})
	return removed, err
}

// statusIn is where year's cycle stands, read inside a transaction.
func statusIn(ctx context.Context, q store.Q, year int) (Status, error) {
	st := Status{Year: year}
	c, ok, err := q.Cycle(ctx, year)
	if err != nil {
		return st, err
	}
	if st.ApprovedBudget, err = q.BudgetExists(ctx, year); err != nil {
		return st, err
	}
	if ok {
		st.Opened, st.Cycle = true, c
		st.Departments, err = q.DeptPreps(ctx, year)
	}
	return st, err
}
