package demo

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service loads the demo hospital.
type Service struct{ st *store.Store }

// NewService returns the service over st.
func NewService(st *store.Store) *Service { return &Service{st: st} }

// Loaded says what Load wrote.
type Loaded struct {
	Hospital    string
	Year        int
	Departments int
	BudgetLines int
	Actuals     int
}

// Scope is how much of the demo hospital Load writes.
type Scope int

const (
	// Everything is the hospital with its year's story: the adjustments
	// approved during the year and the next year's preparation half done.
	Everything Scope = iota
	// BaseOnly leaves the story out: the fixture of tests that run a
	// preparation cycle or adjustments of their own from a clean state.
	BaseOnly
)

// Load writes the demo hospital for year (its budget with nine months of
// actuals and the adjustments approved during the year, the prior year
// complete and evaluated in January, and the next year's preparation half
// done) into an empty database, all in one transaction. A database that
// already holds a hospital is refused so that real data is never mixed
// with invented figures.
func (s *Service) Load(ctx context.Context, by domain.Actor, year int) (Loaded, error) {
	return s.LoadScope(ctx, by, year, Everything)
}

// LoadScope is Load of scope.
func (s *Service) LoadScope(ctx context.Context, by domain.Actor, year int, scope Scope) (Loaded, error) {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return Loaded{}, err
	}
	if !domain.ValidYear(year) || !domain.ValidYear(year-1) || !domain.ValidYear(year+1) {
		return Loaded{}, domain.YearProblem(year)
	}
	ds := Generate(year)
	out := Loaded{Hospital: ds.HospitalName, Year: year, Departments: len(ds.Departments), Actuals: len(ds.Actuals)}
	for _, b := range ds.Budgets {
		out.BudgetLines += len(b.Lines)
	}
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		depts, err := tx.CountUserDepartments(ctx)
		if err != nil {
			return err
		}
		years, err := tx.BudgetYears(ctx)
		if err != nil {
			return err
		}
		actuals, err := tx.CountActuals(ctx, 0)
		if err != nil {
			return err
		}
		if depts > 0 || len(years) > 0 || actuals > 0 {
			return domain.NewProblem("problem.demo.not_empty",
				"This database already holds data ({{.Depts}} departments, {{.Budgets}} budgets, {{.Actuals}} actual lines); the demo hospital is loaded only into an empty database. Use --db with a new file name to try the demo.",
				"Depts", depts, "Budgets", len(years), "Actuals", actuals)
		}
		for _, d := range ds.Departments {
			if ps := d.Validate(); len(ps) > 0 {
				return ps
			}
			if err := tx.SaveDepartment(ctx, by, d); err != nil {
				return err
			}
		}
		if err := setNames(ctx, tx, by, ds); err != nil {
			return err
		}
		for _, b := range ds.Budgets {
			if err := tx.InsertBudget(ctx, by, b); err != nil {
				return err
			}
		}
		if err := insertProjects(ctx, tx, by, ds); err != nil {
			return err
		}
		if err := tx.InsertActuals(ctx, by, ds.Actuals); err != nil {
			return err
		}
		// The current year's plan follows the prior year's seasons, as a
		// finance office would split it, so plan-to-date figures are real.
		if _, err = budgeting.SplitAllIn(ctx, tx, year, domain.SplitMethodPrior); err != nil {
			return err
		}
		if err := insertWorkloadScores(ctx, tx, by, ds.Departments, year); err != nil {
			return err
		}
		if scope == Everything {
			if err := insertStory(ctx, tx, budgeting.New(s.st), by, ds); err != nil {
				return err
			}
		}
		if err := insertEvaluations(ctx, tx, by, year-1); err != nil {
			return err
		}
		return insertPriorProjects(ctx, tx, by, ds)
	})
	return out, err
}

// setNames writes the demo hospital's name. A name already set (in an
// otherwise empty database) is replaced with its trail, so that audit
// verify does not hold the change against the data; an empty database's
// first name, like the rest of the demo, has none.
func setNames(ctx context.Context, tx *store.Tx, by domain.Actor, ds Dataset) error {
	var trail []logbook.Entry
	for _, kv := range [][2]string{{"hospital_name", ds.HospitalName}, {"hospital_name_en", ds.HospitalNameEn}} {
		old, err := tx.Setting(ctx, kv[0])
		if err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return err
		}
		if e, ok := logbook.Change(logbook.EntitySetting, kv[0], "value", old, kv[1], "demo"); ok && old != "" {
			trail = append(trail, e)
		}
	}
	return tx.AppendAudit(ctx, by.Login, trail...)
}

// insertStory writes the year's story: the adjustments decided during the
// year, then the next year's preparation opened in the autumn.
func insertStory(ctx context.Context, tx *store.Tx, bs *budgeting.Service, by domain.Actor, ds Dataset) error {
	if err := insertAdjustments(ctx, tx, bs, by, ds); err != nil {
		return err
	}
	return insertNextYearCycle(ctx, tx, bs, by, ds)
}
