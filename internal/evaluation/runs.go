package evaluation

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Unit is what an evaluation evaluates: a department (Code its code) or a
// project (Code its id as text, DeptCode its department).
type Unit struct {
	Kind                         scoring.SchemeKind
	Code, Name, NameEn, DeptCode string
	// Ref is the code people know the unit by: a department's code, a
	// project's code (项目编码; Code is the project's id).
	Ref string
}

// Run is an evaluation with its values and result.
type Run struct {
	ID          int64
	Year        int
	Unit        Unit
	Scheme      scoring.Scheme
	Finalised   bool
	FinalisedAt time.Time
	FinalisedBy string
	Values      map[string]scoring.Value
	Texts       map[string]string // actual as typed
	Reasons     map[string]string
	Result      scoring.Result
	// Version is the evaluation's version when read: a value saved from
	// it is refused if someone saved one since (SetValueAt).
	Version domain.Version
}

// Runs lists year's evaluations ranked by score, best first.
func (s *Service) Runs(ctx context.Context, by domain.Actor, year int) ([]Run, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) {
		return nil, domain.YearProblem(year)
	}
	evs, err := s.st.Evaluations(ctx, year)
	if err != nil {
		return nil, err
	}
	runs, err := loadRuns(ctx, s.st.Q, evs)
	if err != nil {
		return nil, err
	}
	runs = visibleRuns(by, runs)
	Rank(runs)
	return runs, nil
}

// Rank orders runs by score on the 100-point scale, best first; ties by
// unit kind and code so that the order is stable. Unscored runs (未评分)
// are not ranked: they follow the scored ones, by kind and code.
func Rank(runs []Run) {
	slices.SortStableFunc(runs, func(a, b Run) int {
		if a.Scored() != b.Scored() {
			if a.Scored() {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(Percent(b), Percent(a)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Unit.Kind, b.Unit.Kind); c != 0 {
			return c
		}
		return cmp.Compare(a.Unit.Code, b.Unit.Code)
	})
}

// Percent is a run's score on the 100-point scale the grade bands use.
func Percent(r Run) float64 {
	if t := r.Scheme.Total; t > 0 && t != 100 {
		return r.Result.Total * 100 / t
	}
	return r.Result.Total
}

// Run reads one evaluation.
func (s *Service) Run(ctx context.Context, by domain.Actor, id int64) (Run, error) {
	if err := permission.SignedIn(by); err != nil {
		return Run{}, err
	}
	r, err := loadRun(ctx, s.st.Q, id)
	if err != nil {
		return r, err
	}
	if err := permission.Check(by, permission.Read, UnitDept(r.Unit)); err != nil {
		return Run{}, err
	}
	return r, nil
}

// History lists every year's evaluation of one unit, oldest first.
func (s *Service) History(ctx context.Context, by domain.Actor, kind scoring.SchemeKind, code string) ([]Run, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	evs, err := s.st.EvaluationsOf(ctx, string(kind), code)
	if err != nil {
		return nil, err
	}
	runs, err := loadRuns(ctx, s.st.Q, evs)
	if err != nil {
		return nil, err
	}
	if len(runs) > 0 && len(visibleRuns(by, runs)) == 0 {
		return nil, permission.Check(by, permission.Read, UnitDept(runs[0].Unit))
	}
	return runs, nil
}

func loadRun(ctx context.Context, q store.Q, id int64) (Run, error) {
	e, err := q.Evaluation(ctx, id)
	if store.IsNotFound(err) {
		return Run{}, noRun(id)
	}
	if err != nil {
		return Run{}, err
	}
	runs, err := loadRuns(ctx, q, []store.Evaluation{e})
	if err != nil {
		return Run{}, err
	}
	return runs[0], nil
}

func noRun(id int64) error {
	return domain.NewProblem("problem.evaluation.no_run", "There is no evaluation number {{.ID}}.", "ID", id)
}

// loadRuns completes stored evaluations with their unit, scheme, values
// and result. Schemes and names are read once for all of them.
func loadRuns(ctx context.Context, q store.Q, evs []store.Evaluation) ([]Run, error) {
	names, err := unitNames(ctx, q, evs)
	if err != nil {
		return nil, err
	}
	schemes := map[int64]scoring.Scheme{}
	out := make([]Run, 0, len(evs))
	for _, e := range evs {
		sc, ok := schemes[e.SchemeID]
		if !ok {
			if sc, err = q.SchemeByID(ctx, e.SchemeID); err != nil {
				return nil, err
			}
			schemes[e.SchemeID] = sc
		}
		stored, err := q.EvaluationValues(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		r := Run{
			ID: e.ID, Year: e.Year, Scheme: sc,
			Unit:      names[unitKey{e.UnitKind, e.UnitCode}],
			Finalised: e.Finalised, FinalisedAt: e.FinalisedAt, FinalisedBy: e.FinalisedBy,
			Texts: map[string]string{}, Reasons: map[string]string{}, Version: e.Version,
		}
		r.Values = Values(sc, stored)
		for _, v := range stored {
			r.Texts[v.IndicatorCode] = v.Actual
			if v.Reason != "" {
				r.Reasons[v.IndicatorCode] = v.Reason
			}
		}
		r.Result = scoring.Evaluate(sc, r.Values)
		unscore(sc, r.Values, &r.Result)
		if e.Finalised {
			// The locked score is the record; the scheme cannot change
			// under a finalised evaluation, so this only guards against a
			// database edited by hand.
			r.Result.Total, r.Result.Grade, r.Result.Scored = e.Score, scoring.Grade(e.Grade), true
		}
		out = append(out, r)
	}
	return out, nil
}

type unitKey struct{ kind, code string }

// unitNames names the units of evs: departments by code, projects by id.
func unitNames(ctx context.Context, q store.Q, evs []store.Evaluation) (map[unitKey]Unit, error) {
	out := map[unitKey]Unit{}
	depts, err := q.Departments(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]domain.Department{}
	for _, d := range depts {
		byCode[d.Code] = d
	}
	projYears := map[int]bool{}
	for _, e := range evs {
		k := unitKey{e.UnitKind, e.UnitCode}
		u := Unit{Kind: scoring.SchemeKind(e.UnitKind), Code: e.UnitCode, Ref: e.UnitCode}
		if u.Kind == scoring.DepartmentScheme {
			d := byCode[e.UnitCode]
			u.Name, u.NameEn, u.DeptCode, u.Ref = d.Name, d.NameEn, d.Code, d.Code
		} else {
			projYears[e.Year] = true
		}
		out[k] = u
	}
	for year := range projYears {
		ps, err := q.Projects(ctx, year, "")
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			k := unitKey{string(scoring.ProjectScheme), strconv.FormatInt(p.ID, 10)}
			if u, ok := out[k]; ok {
				u.Name, u.DeptCode, u.Ref = p.Name, p.DeptCode, p.Code
				out[k] = u
			}
		}
	}
	return out, nil
}
