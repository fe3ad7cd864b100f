package budgeting

import (
	"context"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// DefaultGrowthFlag flags a proposal that grows more than 10% on the prior
// year's budget: a common review threshold, configurable per hospital.
const DefaultGrowthFlag domain.Growth = 1000

const settingGrowthFlag = "budget.growth_flag_bp"

// ConsolidatedDept is one department's row of the budget office's view.
type ConsolidatedDept struct {
	domain.DeptPrep
	RevenuePrior, RevenueFinal money.Amount
	// Expenditure includes projects.
	ExpPriorBudget, ExpPriorActual, ExpProposal, ExpFinal money.Amount
	// Control is the expenditure control figure: the total when one was
	// given, else the sum of the line control figures; nil when none.
	Control *money.Amount
	// Growth is ExpFinal against ExpPriorBudget; HasGrowth is false when
	// the department had no prior-year budget.
	Growth      float64
	HasGrowth   bool
	OverControl bool
	GrowthHigh  bool
}

// Consolidation is all departments against control figures and the prior year.
type Consolidation struct {
	Year        int
	GrowthFlag  domain.Growth
	PriorMonths int
	Departments []ConsolidatedDept
	Total       ConsolidatedDept
}

// Consolidation sums every department's proposal for the budget office.
func (s *Service) Consolidation(ctx context.Context, by domain.Actor, year int) (Consolidation, error) {
	if err := permission.SignedIn(by); err != nil {
		return Consolidation{}, err
	}
	out := Consolidation{Year: year}
	if _, err := cycleOf(ctx, s.st.Q, year); err != nil {
		return out, err
	}
	var err error
	if out.GrowthFlag, err = s.GrowthFlag(ctx, by); err != nil {
		return out, err
	}
	depts, err := s.st.DeptPreps(ctx, year)
	if err != nil {
		return out, err
	}
	// A department head's view sums their own departments only.
	depts = visible(by, depts)
	prior, err := s.priorFigures(ctx, year)
	if err != nil {
		return out, err
	}
	out.PriorMonths = prior.months
	subjects, err := s.subjectMap(ctx)
	if err != nil {
		return out, err
	}
	lines, err := s.st.PrepLines(ctx, year, "")
	if err != nil {
		return out, err
	}
	projects, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return out, err
	}
	sums := sumDepartments(depts, lines, projects, subjects, prior)
	out.addDepartments(depts, sums)
	return out, nil
}

// deptSums are the departments' rows summed from their lines and
// projects, with the sum of their line control figures.
type deptSums struct {
	rows           map[string]*ConsolidatedDept
	lineControl    map[string]money.Amount
	hasLineControl map[string]bool
}

// sumDepartments sums each visible department's lines (revenue or
// expenditure by the subject's kind, against the prior year) and
// projects (expenditure) into its row.
func sumDepartments(depts []domain.DeptPrep, lines []store.DeptPrepLine, projects []domain.Project, subjects map[string]domain.Subject, prior priorYear) deptSums {
	s := deptSums{rows: map[string]*ConsolidatedDept{}, lineControl: map[string]money.Amount{}, hasLineControl: map[string]bool{}}
	for i := range depts {
		s.rows[depts[i].DeptCode] = &ConsolidatedDept{DeptPrep: depts[i]}
	}
	for _, l := range lines {
		r := s.rows[l.DeptCode]
		if r == nil {
			continue
		}
		k := key(l.DeptCode, l.SubjectCode)
		if subjects[l.SubjectCode].Kind == domain.Revenue {
			r.RevenuePrior += prior.budget[k]
			r.RevenueFinal += l.Final()
			continue
		}
		r.ExpPriorBudget += prior.budget[k]
		r.ExpPriorActual += prior.actual[k]
		r.ExpProposal += l.Proposal
		r.ExpFinal += l.Final()
		if l.Control != nil {
			s.lineControl[l.DeptCode] += *l.Control
			s.hasLineControl[l.DeptCode] = true
		}
	}
	for _, p := range projects {
		if r := s.rows[p.DeptCode]; r != nil {
			r.ExpProposal += p.Amount
			r.ExpFinal += p.Amount
		}
	}
	return s
}

// addDepartments appends each department's row in depts' order, with its
// control figure (the total when given, else the sum of its lines') and
// flags, and sums them into the total.
func (out *Consolidation) addDepartments(depts []domain.DeptPrep, sums deptSums) {
	var totalControl money.Amount
	// The hospital's control total means something only once every
	// department has one; a partial sum would read as a real limit.
	allControl := len(depts) > 0
	for _, d := range depts {
		r := sums.rows[d.DeptCode]
		switch {
		case d.ControlTotal != nil:
			c := *d.ControlTotal
			r.Control = &c
		case sums.hasLineControl[d.DeptCode]:
			c := sums.lineControl[d.DeptCode]
			r.Control = &c
		}
		r.finish(out.GrowthFlag)
		if r.Control != nil {
			totalControl += *r.Control
		} else {
			allControl = false
		}
		out.Departments = append(out.Departments, *r)
		t := &out.Total
		t.RevenuePrior += r.RevenuePrior
		t.RevenueFinal += r.RevenueFinal
		t.ExpPriorBudget += r.ExpPriorBudget
		t.ExpPriorActual += r.ExpPriorActual
		t.ExpProposal += r.ExpProposal
		t.ExpFinal += r.ExpFinal
	}
	if allControl {
		out.Total.Control = &totalControl
	}
	out.Total.DeptCode = ""
	out.Total.Growth, out.Total.HasGrowth = domain.GrowthRate(out.Total.ExpFinal, out.Total.ExpPriorBudget)
}

func (r *ConsolidatedDept) finish(flag domain.Growth) {
	r.Growth, r.HasGrowth = domain.GrowthRate(r.ExpFinal, r.ExpPriorBudget)
	r.GrowthHigh = r.HasGrowth && r.Growth*10000 > float64(flag)
	r.OverControl = r.Control != nil && r.ExpFinal > *r.Control
}

// FlaggedCount counts departments over their control figure or growing
// faster than the threshold.
func (c Consolidation) FlaggedCount() int {
	n := 0
	for _, d := range c.Departments {
		if d.OverControl || d.GrowthHigh {
			n++
		}
	}
	return n
}

// GrowthFlag is the growth rate above which a proposal is flagged.
func (s *Service) GrowthFlag(ctx context.Context, by domain.Actor) (domain.Growth, error) {
	if err := permission.SignedIn(by); err != nil {
		return 0, err
	}
	v, err := s.st.Setting(ctx, settingGrowthFlag)
	if err != nil || v == "" {
		return DefaultGrowthFlag, err
	}
	bp, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return DefaultGrowthFlag, nil
	}
	return domain.Growth(bp), nil
}

// SetGrowthFlag changes the growth rate above which proposals are flagged.
func (s *Service) SetGrowthFlag(ctx context.Context, by domain.Actor, g domain.Growth) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	if g < 0 {
		return domain.NewProblem("problem.prep.growth_flag", "The growth threshold cannot be negative.")
	}
	return setSettingAudited(ctx, s.st, by, settingGrowthFlag, strconv.FormatInt(int64(g), 10))
}
