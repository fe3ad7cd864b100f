package budgeting

import (
	"context"
	"fmt"
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Status is where the year's preparation stands.
type Status struct {
	Year   int
	Opened bool
	domain.Cycle
	Departments []domain.DeptPrep
	// ApprovedBudget is true when the year has an approved budget, from
	// this cycle or from an import.
	ApprovedBudget bool
}

// AllApproved reports whether every department's budget is approved, so
// that the committee can approve the hospital's.
func (st Status) AllApproved() bool {
	if len(st.Departments) == 0 {
		return false
	}
	for _, d := range st.Departments {
		if d.State != domain.StateApproved {
			return false
		}
	}
	return true
}

// Status reads the state of every department in year's cycle. A year
// whose approved budget was imported, without a cycle, reports each of its
// budgeted departments as approved. A department head sees their own
// departments only.
func (s *Service) Status(ctx context.Context, by domain.Actor, year int) (Status, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return Status{}, err
	}
	st, err := s.status(ctx, year)
	st.Departments = visible(by, st.Departments)
	return st, err
}

func (s *Service) status(ctx context.Context, year int) (Status, error) {
	if !domain.ValidYear(year) {
		return Status{}, domain.YearProblem(year)
	}
	out := Status{Year: year}
	c, ok, err := s.st.Cycle(ctx, year)
	if err != nil {
		return out, err
	}
	if out.ApprovedBudget, err = s.st.BudgetExists(ctx, year); err != nil {
		return out, err
	}
	if ok {
		out.Opened, out.Cycle = true, c
		out.Departments, err = s.st.DeptPreps(ctx, year)
		return out, err
	}
	if !out.ApprovedBudget {
		return out, nil
	}
	approvedAt, err := s.st.BudgetApprovedAt(ctx, year)
	if err != nil {
		return out, err
	}
	totals, err := s.st.BudgetTotals(ctx, year)
	if err != nil {
		return out, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return out, err
	}
	budgeted := map[string]bool{}
	for _, t := range totals {
		budgeted[t.DeptCode] = true
	}
	for _, d := range depts {
		if budgeted[d.Code] {
			out.Departments = append(out.Departments, domain.DeptPrep{DeptCode: d.Code, DeptName: d.Name, DeptNameEn: d.NameEn,
				PrepPosition: domain.PrepPosition{State: domain.StateApproved, Round: 2}, UpdatedAt: approvedAt})
		}
	}
	return out, nil
}

// OpenCycle starts year's preparation: every department enters as a
// draft, with the subjects it had budgets or spending on in the prior
// year already listed. It returns the number of departments.
func (s *Service) OpenCycle(ctx context.Context, by domain.Actor, year int) (int, error) {
	if err := permission.Check(by, permission.PrepOpen, ""); err != nil {
		return 0, err
	}
	n := 0
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		n, err = s.OpenCycleIn(ctx, tx, by, year)
		return err
	})
	return n, err
}

// OpenCycleIn is OpenCycle inside a caller's transaction (the demo uses it).
func (s *Service) OpenCycleIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int) (int, error) {
	if err := permission.Check(by, permission.PrepOpen, ""); err != nil {
		return 0, err
	}
	if !domain.ValidYear(year) {
		return 0, domain.YearProblem(year)
	}
	if _, ok, err := tx.Cycle(ctx, year); err != nil {
		return 0, err
	} else if ok {
		return 0, domain.NewProblem("problem.prep.cycle_exists", "The {{.Year}} budget preparation is already open.", "Year", year)
	}
	if ok, err := tx.BudgetExists(ctx, year); err != nil {
		return 0, err
	} else if ok {
		return 0, domain.NewProblem("problem.prep.budget_exists", "{{.Year}} already has an approved budget, so there is nothing to prepare. Change it with a budget adjustment, or prepare the next year.", "Year", year)
	}
	codes, seeds, err := participants(ctx, tx.Q, year)
	if err != nil {
		return 0, err
	}
	if len(codes) == 0 {
		return 0, domain.NewProblem("problem.prep.no_departments", "There are no departments to prepare budgets for. Add departments in Settings (or import a budget with --create-missing) first.")
	}
	if err := tx.InsertCycle(ctx, by, year); err != nil {
		return 0, err
	}
	for _, code := range codes {
		if err := tx.InsertDeptPrep(ctx, by, year, code); err != nil {
			return 0, err
		}
		for _, subject := range seeds[code] {
			if err := tx.SavePrepLine(ctx, year, code, domain.PrepLine{SubjectCode: subject}); err != nil {
				return 0, err
			}
		}
	}
	var c changes
	c.add(logbook.EntityPrepCycle, fmt.Sprint(year), "state", "", "open", fmt.Sprintf("%d departments", len(codes)))
	return len(codes), c.record(ctx, tx, by)
}

// participants are the departments of the cycle and, per department, the
// subjects of its prior-year budget and actuals. The hospital-wide unit
// takes part only when the prior year budgeted or spent on it.
func participants(ctx context.Context, q store.Q, year int) ([]string, map[string][]string, error) {
	depts, err := q.Departments(ctx)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]map[string]bool{}
	add := func(dept, subject string) {
		if seen[dept] == nil {
			seen[dept] = map[string]bool{}
		}
		seen[dept][subject] = true
	}
	lines, err := q.BudgetLines(ctx, year-1)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range lines {
		add(l.DeptCode, l.SubjectCode)
	}
	actuals, err := q.ActualSubjectTotals(ctx, year-1, 12)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range actuals {
		add(a.DeptCode, a.SubjectCode)
	}
	var codes []string
	seeds := map[string][]string{}
	for _, d := range depts {
		if d.Code == domain.HospitalWideCode && seen[d.Code] == nil {
			continue
		}
		codes = append(codes, d.Code)
		for subject := range seen[d.Code] {
			seeds[d.Code] = append(seeds[d.Code], subject)
		}
		sort.Strings(seeds[d.Code])
	}
	return codes, seeds, nil
}

// History lists the recorded steps of a department (all when deptCode is
// empty), oldest first.
func (s *Service) History(ctx context.Context, by domain.Actor, year int, deptCode string) ([]domain.Transition, error) {
	if err := permission.Check(by, permission.Read, deptCode); err != nil {
		return nil, err
	}
	ts, err := s.st.Transitions(ctx, year, deptCode)
	if err != nil || deptCode != "" || by.Role != domain.RoleDeptHead {
		return ts, err
	}
	var out []domain.Transition
	for _, t := range ts {
		if permission.CanSee(by, t.DeptCode) {
			out = append(out, t)
		}
	}
	return out, nil
}
