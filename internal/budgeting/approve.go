package budgeting

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// ApproveHospital is the committee's approval of the whole hospital's
// budget: with every department approved, the final figures and the
// projects become year's approved budget and the cycle is locked. It
// returns the number of budget lines.
func (s *Service) ApproveHospital(ctx context.Context, by domain.Actor, year int) (int, error) {
	if err := permission.Check(by, permission.PrepApproveHospital, ""); err != nil {
		return 0, err
	}
	n := 0
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		if _, err := openCycle(ctx, tx.Q, year); err != nil {
			return err
		}
		depts, err := tx.DeptPreps(ctx, year)
		if err != nil {
			return err
		}
		var waiting []string
		for _, d := range depts {
			if d.State != domain.StateApproved {
				waiting = append(waiting, d.DeptName)
			}
		}
		if len(waiting) > 0 {
			shown := waiting
			if len(shown) > 5 {
				shown = shown[:5]
			}
			return domain.NewProblem("problem.prep.not_all_approved", "The hospital budget can be approved once every department's budget is approved; {{.Count}} are not yet: {{.Names}}.",
				"Count", len(waiting), "Names", strings.Join(shown, "、"))
		}
		if ok, err := tx.BudgetExists(ctx, year); err != nil {
			return err
		} else if ok {
			return domain.NewProblem("problem.prep.budget_exists", "{{.Year}} already has an approved budget, so there is nothing to prepare. Change it with a budget adjustment, or prepare the next year.", "Year", year)
		}
		lines, err := finalLines(ctx, tx.Q, year)
		if err != nil {
			return err
		}
		n = len(lines)
		b := domain.Budget{Year: year, Source: "preparation", ApprovedAt: time.Now(), ApprovedBy: by.Login, Lines: lines}
		if err := tx.InsertBudget(ctx, by, b); err != nil {
			return err
		}
		if err := tx.LockCycle(ctx, by, year); err != nil {
			return err
		}
		var total money.Amount
		for _, l := range lines {
			total += l.Amount
		}
		var c changes
		c.add(logbook.EntityBudget, fmt.Sprint(year), "approved", "", amountText(total), fmt.Sprintf("%d lines", len(lines)))
		c.add(logbook.EntityPrepCycle, fmt.Sprint(year), "state", "open", "locked", "")
		return c.record(ctx, tx, by)
	})
	return n, err
}

// finalLines merges every department's final figures with its projects,
// which are budgeted under their expenditure subjects. Lines of zero are
// left out: they budget nothing.
func finalLines(ctx context.Context, q store.Q, year int) ([]domain.BudgetLine, error) {
	lines, err := q.PrepLines(ctx, year, "")
	if err != nil {
		return nil, err
	}
	projects, err := q.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	type k struct{ dept, subject string }
	sum := map[k]money.Amount{}
	notes := map[k][]string{}
	for _, l := range lines {
		sum[k{l.DeptCode, l.SubjectCode}] += l.Final()
		if l.Note != "" {
			notes[k{l.DeptCode, l.SubjectCode}] = append(notes[k{l.DeptCode, l.SubjectCode}], l.Note)
		}
	}
	for _, p := range projects {
		sum[k{p.DeptCode, p.SubjectCode}] += p.Amount
		notes[k{p.DeptCode, p.SubjectCode}] = append(notes[k{p.DeptCode, p.SubjectCode}], p.Name)
	}
	var out []domain.BudgetLine
	for key, amt := range sum {
		if amt == 0 {
			continue
		}
		out = append(out, domain.BudgetLine{DeptCode: key.dept, SubjectCode: key.subject, Amount: amt, Note: strings.Join(notes[key], "；")})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].DeptCode != out[j].DeptCode {
			return out[i].DeptCode < out[j].DeptCode
		}
		return out[i].SubjectCode < out[j].SubjectCode
	})
	return out, nil
}
