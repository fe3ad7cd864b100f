package evaluation

import (
	"context"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The budget-execution indicators StartYear fills from monitoring, found
// by name: the execution rate (of a project, or of a department against
// time progress) and a department's deviation rate.
const (
	executionRateName = "预算执行率"
	deviationRateName = "预算偏差率"
)

// fromMonitoring says an indicator is one StartYear fills from monitoring.
func fromMonitoring(in scoring.Indicator) bool {
	return strings.Contains(in.Name, executionRateName) || strings.Contains(in.Name, deviationRateName)
}

// StartYear opens an evaluation for every department with a budget in
// year — each on the scheme of its department type (DepartmentSchemeFor)
// — and for every project of year on the MoF project scheme. Existing
// evaluations are kept untouched. In a new evaluation the budget-execution
// indicators the scheme has (预算执行率; a department's 预算偏差率) are
// filled from monitoring at the latest month with actuals (month 12 once
// the year is closed). Those copied figures are not an evaluation: the new
// units are unscored (未评分) — not ranked, graded or printed — until a
// value is entered or imported. A year with neither a budgeted department
// nor a project is refused: import the budget first. It returns how many
// evaluations it opened.
//
// The built-in hospital-wide unit (000) is not a department anyone answers
// for, so it is not evaluated.
func (s *Service) StartYear(ctx context.Context, by domain.Actor, year int) (int, error) {
	if err := permission.Check(by, permission.EvaluationEnterValues, ""); err != nil {
		return 0, err
	}
	if !domain.ValidYear(year) {
		return 0, domain.YearProblem(year)
	}
	rates, err := s.executionRates(ctx, by, year)
	if err != nil {
		return 0, err
	}
	targets, err := s.targetActuals(ctx, by, year)
	if err != nil {
		return 0, err
	}
	created := 0
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		// The library is filled at every start; this covers a database
		// whose schemes were never loaded, inside the same transaction.
		if err := EnsureTemplatesIn(ctx, tx.Q, by); err != nil {
			return err
		}
		units, err := unitsOf(ctx, tx.Q, year)
		if err != nil {
			return err
		}
		if len(units) == 0 {
			return noBudget(year)
		}
		st := starter{tx: tx, by: by, year: year, rates: rates, targets: targets, schemes: map[int64]scoring.Scheme{}}
		if st.ids, err = tx.SchemeIDs(ctx); err != nil {
			return err
		}
		if st.rules, err = projectRules(ctx, tx.Q); err != nil {
			return err
		}
		if st.existing, err = tx.Evaluations(ctx, year); err != nil {
			return err
		}
		for _, u := range units {
			isNew, err := st.open(ctx, u)
			if err != nil {
				return err
			}
			if isNew {
				created++
			}
		}
		return nil
	})
	return created, err
}

// starter opens the evaluations of one year inside StartYear's transaction.
type starter struct {
	tx       *store.Tx
	by       domain.Actor
	year     int
	rates    map[unitKey]budgetFigures
	targets  map[int64]map[int]string
	ids      map[string]int64
	rules    scoring.ProjectRules
	existing []store.Evaluation
	schemes  map[int64]scoring.Scheme
}

// open opens u's evaluation unless it has one, and fills what monitoring
// knows. A project is judged on a scheme built from its own targets, made
// only for a new evaluation so that a running one keeps its scheme.
func (st *starter) open(ctx context.Context, u startUnit) (bool, error) {
	for _, e := range st.existing {
		if e.UnitKind == string(u.unit.Kind) && e.UnitCode == u.unit.Code {
			return false, nil
		}
	}
	code := schemeFor(u)
	sid, ok := st.ids[code]
	own := false
	if u.project != nil {
		id, built, err := projectSchemeID(ctx, st.tx.Q, st.by, *u.project, st.rules)
		if err != nil {
			return false, err
		}
		if built {
			sid, ok, own = id, true, true
		}
	}
	if !ok {
		return false, noScheme(code)
	}
	id, isNew, err := st.tx.InsertEvaluation(ctx, st.by, st.year, string(u.unit.Kind), u.unit.Code, sid)
	if err != nil || !isNew {
		return isNew, err
	}
	if own {
		if err := fillTargets(ctx, st.tx.Q, st.by, id, *u.project, st.targets[u.project.ID]); err != nil {
			return true, err
		}
	}
	rate, ok := st.rates[unitKey{string(u.unit.Kind), u.unit.Code}]
	if !ok {
		return true, nil
	}
	sc, ok := st.schemes[sid]
	if !ok {
		if sc, err = st.tx.SchemeByID(ctx, sid); err != nil {
			return true, err
		}
		st.schemes[sid] = sc
	}
	return true, fillRate(ctx, st.tx.Q, st.by, id, sc, rate)
}

type startUnit struct {
	unit     Unit
	deptType domain.DeptType
	project  *domain.Project // the project of a project unit
}

// unitsOf lists the departments with a budget in year and year's projects.
func unitsOf(ctx context.Context, q store.Q, year int) ([]startUnit, error) {
	totals, err := q.BudgetTotals(ctx, year)
	if err != nil {
		return nil, err
	}
	depts, err := q.Departments(ctx)
	if err != nil {
		return nil, err
	}
	budgeted := map[string]bool{}
	for _, t := range totals {
		budgeted[t.DeptCode] = true
	}
	var out []startUnit
	for _, d := range depts {
		if !budgeted[d.Code] || d.Code == domain.HospitalWideCode {
			continue
		}
		out = append(out, startUnit{unit: Unit{Kind: scoring.DepartmentScheme, Code: d.Code, Name: d.Name, NameEn: d.NameEn, DeptCode: d.Code}, deptType: d.Type})
	}
	ps, err := q.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	for i, p := range ps {
		out = append(out, startUnit{unit: Unit{Kind: scoring.ProjectScheme, Code: projectUnitCode(p.ID), Name: p.Name, DeptCode: p.DeptCode}, project: &ps[i]})
	}
	return out, nil
}

// schemeFor is the built-in scheme a unit is opened on: a project the MoF
// scheme, a department the scheme of its type.
func schemeFor(u startUnit) string {
	if u.unit.Kind == scoring.ProjectScheme {
		return ProjectSchemeCode
	}
	return DepartmentSchemeFor(u.deptType)
}

// budgetFigures are a unit's budget-execution figures from monitoring, as
// fractions: rate is a project's spending rate, or a department's
// expenditure execution rate ÷ time progress (equal to the execution rate
// at year end); a department's deviation, when hasDeviation, is
// |executed − budget × time progress| ÷ (budget × time progress).
type budgetFigures struct {
	rate         float64
	deviation    float64
	hasDeviation bool
}

// executionRates reads from monitoring the budget-execution figures of
// every department's expenditure and every project's spending; empty when
// the year has no actuals yet.
func (s *Service) executionRates(ctx context.Context, by domain.Actor, year int) (map[unitKey]budgetFigures, error) {
	out := map[unitKey]budgetFigures{}
	month, err := s.mon.LatestMonth(ctx, by, year)
	if err != nil || month == 0 {
		return out, err
	}
	ex, err := s.mon.Execution(ctx, by, year, month)
	if err != nil {
		return nil, err
	}
	for _, d := range ex.Departments {
		if d.Expenditure.Budget > 0 {
			f := budgetFigures{rate: d.Expenditure.AgainstTime(ex.TimeProgress)}
			f.deviation, f.hasDeviation = d.Expenditure.DeviationAgainstTime(ex.TimeProgress)
			out[unitKey{string(scoring.DepartmentScheme), d.Code}] = f
		}
	}
	pp, err := s.mon.ProjectProgress(ctx, by, year, month)
	if err != nil {
		return nil, err
	}
	for _, p := range pp {
		if p.Budget > 0 {
			out[unitKey{string(scoring.ProjectScheme), strconv.FormatInt(p.ID, 10)}] = budgetFigures{rate: p.SpendingRate}
		}
	}
	return out, nil
}

// targetActuals reads from monitoring, per project, each target row's
// value reported for December: the year's result as the department
// reported it. A value of an earlier month is not the year's result (a
// September count is three months short), so a year evaluated before its
// December reports stays 未评分 until the values are entered.
func (s *Service) targetActuals(ctx context.Context, by domain.Actor, year int) (map[int64]map[int]string, error) {
	out := map[int64]map[int]string{}
	pp, err := s.mon.ProjectProgress(ctx, by, year, 12)
	if err != nil {
		return nil, err
	}
	for _, p := range pp {
		m := map[int]string{}
		for _, t := range p.Targets {
			if t.Actual != "" && t.ActualMonth == 12 {
				m[t.Position] = t.Actual
			}
		}
		out[p.ID] = m
	}
	return out, nil
}

// fillRate enters the figures into the scheme's budget-execution
// indicators, in percent when the indicator is kept in percent.
func fillRate(ctx context.Context, q store.Q, by domain.Actor, id int64, sc scoring.Scheme, f budgetFigures) error {
	for code, in := range indicators(sc) {
		if in.Direction == scoring.Monitor {
			continue
		}
		var v float64
		switch {
		case strings.Contains(in.Name, executionRateName):
			v = f.rate
		case strings.Contains(in.Name, deviationRateName) && f.hasDeviation:
			v = f.deviation
		default:
			continue
		}
		text := strconv.FormatFloat(scoring.Round2(v*100), 'f', 2, 64)
		if !strings.ContainsAny(in.Unit, "%％") {
			text = strconv.FormatFloat(v, 'f', 4, 64)
		}
		if err := q.SetEvaluationValue(ctx, by, id, store.EvaluationValue{IndicatorCode: code, Actual: text}); err != nil {
			return err
		}
	}
	return nil
}
