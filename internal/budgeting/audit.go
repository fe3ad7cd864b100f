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

// Keys of the audit trail: year/department[/subject], so that a filter on
// "2026/101" finds everything of that proposal.
func deptKey(year int, dept string) string { return fmt.Sprintf("%d/%s", year, dept) }
func lineKey(year int, dept, subject string) string {
	return fmt.Sprintf("%d/%s/%s", year, dept, subject)
}

// amountText is an amount as the trail shows it: yuan with two decimals,
// exact, without separators so that it reads back unambiguously.
func amountText(a money.Amount) string { return a.String() }

func optAmountText(a *money.Amount) string {
	if a == nil {
		return ""
	}
	return amountText(*a)
}

// changes collects audit entries, skipping fields that did not change.
type changes []logbook.Entry

func (c *changes) add(entity, key, field, old, new, reason string) {
	if e, ok := logbook.Change(entity, key, field, old, new, reason); ok {
		*c = append(*c, e)
	}
}

// record appends c to the trail inside tx, so a change and its record
// are saved together.
func (c changes) record(ctx context.Context, tx *store.Tx, by domain.Actor) error {
	return tx.AppendAudit(ctx, by.Login, c...)
}

// visible keeps the departments by may see (a department head: their own).
func visible(by domain.Actor, depts []domain.DeptPrep) []domain.DeptPrep {
	if by.Role != domain.RoleDeptHead {
		return depts
	}
	var out []domain.DeptPrep
	for _, d := range depts {
		if permission.CanSee(by, d.DeptCode) {
			out = append(out, d)
		}
	}
	return out
}

// ActionOp is the operation a step of the cycle needs; the window asks
// it too, to disable a step the signed-in role may not take.
func ActionOp(a domain.PrepAction) permission.Op {
	switch a {
	case domain.ActSubmit:
		return permission.PrepSubmit
	case domain.ActReturn:
		return permission.PrepReturn
	case domain.ActIssueControl:
		return permission.PrepIssueControl
	case domain.ActApprove:
		return permission.PrepApproveDepartment
	}
	// An unknown action is refused by the state machine; reading is the
	// least it needs.
	return permission.Read
}

// setSettingAudited changes a setting of the budget rules and records the
// old and new value in the same transaction.
func setSettingAudited(ctx context.Context, st *store.Store, by domain.Actor, key, value string) error {
	return st.InTx(ctx, func(tx *store.Tx) error {
		old, err := tx.Setting(ctx, key)
		if err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, key, value); err != nil {
			return err
		}
		var c changes
		c.add(logbook.EntitySetting, key, "value", old, value, "")
		return c.record(ctx, tx, by)
	})
}

// adjustmentKey is year/adjustment/number.
func adjustmentKey(a domain.Adjustment) string {
	return fmt.Sprintf("%d/adjustment/%d", a.Year, a.Number)
}
