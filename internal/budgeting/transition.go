package budgeting

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Transition takes one step of the cycle for a department and records who
// took it, when, and the comment. Issuing control figures uses the figures
// already set with SetControl; IssueControl sets a total and issues at once.
func (s *Service) Transition(ctx context.Context, by domain.Actor, year int, deptCode string, action domain.PrepAction, comment string) error {
	if err := permission.Check(by, ActionOp(action), deptCode); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return s.transition(ctx, tx, by, year, deptCode, action, comment)
	})
}

// TransitionIn is Transition inside a caller's transaction (the demo uses it).
func (s *Service) TransitionIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, action domain.PrepAction, comment string) error {
	if err := permission.Check(by, ActionOp(action), deptCode); err != nil {
		return err
	}
	return s.transition(ctx, tx, by, year, deptCode, action, comment)
}

func (s *Service) transition(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, action domain.PrepAction, comment string) error {
	if _, err := openCycle(ctx, tx.Q, year); err != nil {
		return err
	}
	dept, err := deptPrepOf(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	next, err := dept.NextFor(action, comment, dept.DeptName)
	if err != nil {
		return err
	}
	switch {
	case action == domain.ActSubmit:
		if err := s.checkSubmit(ctx, tx.Q, year, dept); err != nil {
			return err
		}
	case action == domain.ActIssueControl:
		if err := startRevision(ctx, tx.Q, year, dept); err != nil {
			return err
		}
	}
	if err := tx.SetDeptPosition(ctx, by, year, deptCode, next); err != nil {
		return err
	}
	var c changes
	c.add(logbook.EntityPrepDept, deptKey(year, deptCode), "state", string(dept.State), string(next.State), comment)
	if err := c.record(ctx, tx, by); err != nil {
		return err
	}
	return tx.InsertTransition(ctx, by, year, domain.Transition{DeptCode: deptCode, Action: action, From: dept.State, To: next.State, Comment: comment})
}

// checkSubmit enforces what a proposal needs before it goes up: every
// project has its performance targets ("no target, no budget"), there is
// something to submit, and a revision stays within its control figures.
func (s *Service) checkSubmit(ctx context.Context, q store.Q, year int, dept domain.DeptPrep) error {
	var ps domain.Problems
	projects, err := q.Projects(ctx, year, dept.DeptCode)
	if err != nil {
		return err
	}
	var projectTotal money.Amount
	for _, p := range projects {
		ps = append(ps, p.ReadyToSubmit()...)
		projectTotal += p.Amount
	}
	lines, err := q.PrepLines(ctx, year, dept.DeptCode)
	if err != nil {
		return err
	}
	subjects, err := s.subjectMap(ctx)
	if err != nil {
		return err
	}
	var expenditure money.Amount
	anything := projectTotal != 0
	for _, l := range lines {
		if l.Final() != 0 {
			anything = true
		}
		if subjects[l.SubjectCode].Kind == domain.Revenue {
			continue
		}
		expenditure += l.Final()
		if dept.Round == 2 && l.Control != nil && l.Final() > *l.Control {
			ps = append(ps, domain.NewProblem("problem.prep.line_over_control", "{{.Subject}} {{.Name}}: the revised {{.Amount}} exceeds its control figure {{.Control}} by {{.Over}}. Revise within the control figure, or ask the budget office.",
				"Subject", l.SubjectCode, "Name", subjects[l.SubjectCode].Name, "Amount", money.Format(l.Final()), "Control", money.Format(*l.Control), "Over", money.Format(l.Final()-*l.Control)))
		}
	}
	if !anything {
		ps = append(ps, domain.NewProblem("problem.prep.empty", "{{.Dept}}'s proposal has no amounts yet. Enter the figures (or fill them from the prior year) before submitting.", "Dept", dept.DeptName))
	}
	if dept.Round == 2 && dept.ControlTotal != nil && expenditure+projectTotal > *dept.ControlTotal {
		ps = append(ps, domain.NewProblem("problem.prep.over_control", "{{.Dept}}'s expenditure of {{.Amount}} (including projects) exceeds its control figure {{.Control}} by {{.Over}}. Reduce the revised figures before submitting.",
			"Dept", dept.DeptName, "Amount", money.Format(expenditure+projectTotal), "Control", money.Format(*dept.ControlTotal), "Over", money.Format(expenditure+projectTotal-*dept.ControlTotal)))
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// startRevision begins round 2 when control figures are issued: each line's
// revised figure starts at its control figure, or at the proposal where the
// line has none. It refuses when no control figure has been set.
func startRevision(ctx context.Context, q store.Q, year int, dept domain.DeptPrep) error {
	lines, err := q.PrepLines(ctx, year, dept.DeptCode)
	if err != nil {
		return err
	}
	hasControl := dept.ControlTotal != nil
	for _, l := range lines {
		hasControl = hasControl || l.Control != nil
	}
	if !hasControl {
		return domain.NewProblem("problem.prep.no_control", "Set {{.Dept}}'s control figures (a total, or per line) before issuing them.", "Dept", dept.DeptName)
	}
	for _, l := range lines {
		start := l.Proposal
		if l.Control != nil {
			start = *l.Control
		}
		l.Revised = &start
		if err := q.SavePrepLine(ctx, year, dept.DeptCode, l.PrepLine); err != nil {
			return err
		}
	}
	return nil
}

// ControlEdit is the budget office's control figure for one line; nil clears it.
type ControlEdit struct {
	SubjectCode string
	Control     *money.Amount
}

// SetControl sets a submitted department's control figures: an
// expenditure total (nil leaves none) and per-line figures.
func (s *Service) SetControl(ctx context.Context, by domain.Actor, year int, deptCode string, total *money.Amount, lines []ControlEdit) error {
	return s.SetControlAt(ctx, by, year, deptCode, 0, total, lines)
}

// SetControlAt is SetControl from the proposal as read at version seen
// (0: not checked): refused with who and when if someone saved it since.
func (s *Service) SetControlAt(ctx context.Context, by domain.Actor, year int, deptCode string, seen domain.Version, total *money.Amount, lines []ControlEdit) error {
	if err := permission.Check(by, permission.PrepIssueControl, deptCode); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if seen != 0 {
			if _, err := tx.ClaimProposal(ctx, year, deptCode, seen, by.Login); err != nil {
				name := deptCode
				if d, derr := tx.DeptPrep(ctx, year, deptCode); derr == nil {
					name = d.DeptName
				}
				return changedSince(err, domain.Term{Key: "record.proposal", Default: "budget proposal"}, name)
			}
		}
		return setControl(ctx, tx, by, year, deptCode, total, lines)
	})
}

func setControl(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, total *money.Amount, edits []ControlEdit) error {
	if _, err := openCycle(ctx, tx.Q, year); err != nil {
		return err
	}
	dept, err := deptPrepOf(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	if !dept.ControlEditable() {
		return domain.NewProblem("problem.prep.control_not_now", "Control figures for {{.Dept}} can be set only while its proposal is submitted and waiting for the budget office; it is at “{{.State}}”.",
			"Dept", dept.DeptName, "State", dept.State.Term())
	}
	if total != nil && *total < 0 {
		return domain.NewProblem("problem.prep.control_negative", "A control figure cannot be negative.")
	}
	if err := tx.SetControlTotal(ctx, by, year, deptCode, total); err != nil {
		return err
	}
	var c changes
	c.add(logbook.EntityPrepDept, deptKey(year, deptCode), "control_total", optAmountText(dept.ControlTotal), optAmountText(total), "")
	byCode, err := linesByCode(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	for _, e := range edits {
		l, ok := byCode[e.SubjectCode]
		if !ok {
			return noLine(e.SubjectCode)
		}
		c.add(logbook.EntityPrepLine, lineKey(year, deptCode, e.SubjectCode), "control", optAmountText(l.Control), optAmountText(e.Control), "")
		l.Control = e.Control
		if err := tx.SavePrepLine(ctx, year, deptCode, l); err != nil {
			return err
		}
	}
	return c.record(ctx, tx, by)
}

// IssueControl sets a department's expenditure control total (when total
// is not nil) and issues its control figures (first down) in one step.
func (s *Service) IssueControl(ctx context.Context, by domain.Actor, year int, deptCode string, total *money.Amount, comment string) error {
	if err := permission.Check(by, permission.PrepIssueControl, deptCode); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return s.IssueControlIn(ctx, tx, by, year, deptCode, total, comment)
	})
}

// IssueControlIn is IssueControl inside a caller's transaction (the demo uses it).
func (s *Service) IssueControlIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, total *money.Amount, comment string) error {
	if err := permission.Check(by, permission.PrepIssueControl, deptCode); err != nil {
		return err
	}
	if total != nil {
		if err := setControl(ctx, tx, by, year, deptCode, total, nil); err != nil {
			return err
		}
	}
	return s.transition(ctx, tx, by, year, deptCode, domain.ActIssueControl, comment)
}
