package evaluation

import (
	"context"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingApplication holds the hospital's result-application table (JSON).
const settingApplication = "evaluate.application"

// Suggestion states.
const (
	SuggestionOpen       = "open"
	SuggestionAccepted   = "accepted"
	SuggestionOverridden = "overridden"
)

// Suggestion is a next-year budget change that an evaluation result
// suggests, with the budget office's decision.
type Suggestion struct {
	ID              int64
	Year            int // the budget year being prepared
	EvalYear        int // the year whose evaluation suggests it
	Unit            Unit
	Grade           scoring.Grade
	Score           float64
	Base, Suggested money.Amount
	// BaseSubjects are the expenditure subjects a department's base sums
	// (ApplicationSubjects); empty for a project, whose base is its amount.
	BaseSubjects []domain.Subject
	Application  scoring.Application
	State        string // open, accepted or overridden
	Decided      *money.Amount
	Reason       string
}

// ApplicationTable reads the hospital's grade → budget change table, the
// domain's default until one is saved.
func (s *Service) ApplicationTable(ctx context.Context, by domain.Actor) ([]scoring.Application, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	return applicationTable(ctx, s.st.Q)
}

func applicationTable(ctx context.Context, q store.Q) ([]scoring.Application, error) {
	v, err := q.Setting(ctx, settingApplication)
	if err != nil {
		return nil, err
	}
	var t []scoring.Application
	// A setting that no longer reads (edited by hand) falls back to the
	// default rather than blocking budget preparation.
	if v == "" || json.Unmarshal([]byte(v), &t) != nil || checkTable(t) != nil {
		return append([]scoring.Application(nil), scoring.DefaultApplication...), nil
	}
	return t, nil
}

// SetApplicationTable stores the table: one row per grade, changes
// between −100% and +100%.
func (s *Service) SetApplicationTable(ctx context.Context, by domain.Actor, t []scoring.Application) error {
	if err := permission.Check(by, permission.IndicatorsEdit, ""); err != nil {
		return err
	}
	if err := checkTable(t); err != nil {
		return err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return s.st.SetSetting(ctx, settingApplication, string(b))
}

func checkTable(t []scoring.Application) error {
	seen := map[scoring.Grade]bool{}
	for _, a := range t {
		known := false
		for _, g := range scoring.Grades {
			known = known || g == a.Grade
		}
		if !known || seen[a.Grade] {
			return domain.NewProblem("problem.evaluation.table_grades", "The result-application table needs one row for each grade: excellent, good, fair, poor.")
		}
		seen[a.Grade] = true
		if math.IsNaN(a.ChangePct) || a.ChangePct < -100 || a.ChangePct > 100 {
			return domain.NewProblem("problem.evaluation.table_change", "The budget change for grade {{.Grade}} must be between −100% and +100%, not {{.Change}}.",
				"Grade", string(a.Grade), "Change", strconv.FormatFloat(a.ChangePct, 'f', -1, 64))
		}
	}
	if len(seen) != len(scoring.Grades) {
		return domain.NewProblem("problem.evaluation.table_grades", "The result-application table needs one row for each grade: excellent, good, fair, poor.")
	}
	return nil
}

// Suggestions lists the budget changes suggested for budget year by the
// latest finalised evaluations (year − 1, else up to three years back).
// The base is the unit's approved budget of year − 1 on the subjects
// results apply to (a department; ApplicationSubjects) or the project's
// amount.
// Missing suggestions are created and open ones refreshed; decided ones
// are kept as decided.
func (s *Service) Suggestions(ctx context.Context, by domain.Actor, year int) ([]Suggestion, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) || !domain.ValidYear(year-1) {
		return nil, domain.YearProblem(year)
	}
	// Reading refreshes the open suggestions for those who decide them; a
	// role that only reads (an auditor, a department head) computes them
	// without writing, which on a server its login may not do anyway.
	if permission.Check(by, permission.PrepIssueControl, "") != nil {
		out, err := suggestionsIn(ctx, s.st.Q, year, false)
		return visibleSuggestions(by, out), err
	}
	var out []Suggestion
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = suggestionsIn(ctx, tx.Q, year, true)
		return err
	})
	return visibleSuggestions(by, out), err
}

// visibleSuggestions keeps the suggestions for units of the departments
// by may see: a department head's own departments and their projects.
func visibleSuggestions(by domain.Actor, all []Suggestion) []Suggestion {
	if by.Role != domain.RoleDeptHead {
		return all
	}
	var out []Suggestion
	for _, sg := range all {
		if permission.CanSee(by, UnitDept(sg.Unit)) {
			out = append(out, sg)
		}
	}
	return out
}

func suggestionsIn(ctx context.Context, q store.Q, year int, persist bool) ([]Suggestion, error) {
	table, err := applicationTable(ctx, q)
	if err != nil {
		return nil, err
	}
	evs, evalYear, err := latestFinalised(ctx, q, year)
	if err != nil {
		return nil, err
	}
	// The base is the current budget (year − 1) when there is one: an
	// office preparing 2027 in the autumn of 2026 applies the latest
	// finalised evaluation (often 2025's) to the 2026 budget.
	subjects, err := applicationSubjectList(ctx, q)
	if err != nil {
		return nil, err
	}
	bases, err := expenditureBases(ctx, q, year-1, subjects)
	if err != nil {
		return nil, err
	}
	if len(bases) == 0 && evalYear != year-1 {
		if bases, err = expenditureBases(ctx, q, evalYear, subjects); err != nil {
			return nil, err
		}
	}
	byID := map[int64]store.Evaluation{}
	var fresh []store.BudgetSuggestion
	for _, e := range evs {
		byID[e.ID] = e
		// Only a finalised result suggests a change; an unscored unit has
		// no grade, so no cut (Finalise refuses it anyway).
		if !e.Finalised || e.Grade == string(scoring.Unscored) {
			continue
		}
		base := bases[unitKey{e.UnitKind, e.UnitCode}]
		sugg, app := scoring.Suggest(table, scoring.Grade(e.Grade), base)
		fresh = append(fresh, store.BudgetSuggestion{
			Year: year, UnitKind: e.UnitKind, UnitCode: e.UnitCode, EvaluationID: e.ID, Grade: e.Grade,
			Base: base, Suggested: sugg, ChangeBP: int64(math.Round(app.ChangePct * 100)), State: SuggestionOpen,
		})
	}
	rows, err := storedSuggestions(ctx, q, year, fresh, persist)
	if err != nil {
		return nil, err
	}
	names, err := unitNames(ctx, q, evs)
	if err != nil {
		return nil, err
	}
	out := make([]Suggestion, 0, len(rows))
	for _, r := range rows {
		_, app := scoring.Suggest(table, scoring.Grade(r.Grade), 0)
		// The stored change is what the suggestion was computed with; the
		// table may have changed since a decision was taken.
		app.ChangePct = float64(r.ChangeBP) / 100
		sg := Suggestion{
			ID: r.ID, Year: r.Year, EvalYear: byID[r.EvaluationID].Year, Unit: names[unitKey{r.UnitKind, r.UnitCode}],
			Grade: scoring.Grade(r.Grade), Score: byID[r.EvaluationID].Score,
			Base: r.Base, Suggested: r.Suggested, Application: app,
			State: r.State, Decided: r.Decided, Reason: r.Reason,
		}
		if r.UnitKind == string(scoring.DepartmentScheme) {
			sg.BaseSubjects = subjects
		}
		out = append(out, sg)
	}
	return out, nil
}

// latestFinalised finds the evaluations of the latest year before the
// budget year that has finalised ones: the year just ended is evaluated
// only after its accounts close, so preparation often relies on the one
// before. It looks back three years at most.
func latestFinalised(ctx context.Context, q store.Q, year int) ([]store.Evaluation, int, error) {
	for y := year - 1; y >= year-3 && domain.ValidYear(y); y-- {
		evs, err := q.Evaluations(ctx, y)
		if err != nil {
			return nil, 0, err
		}
		for _, e := range evs {
			if e.Finalised {
				return evs, y, nil
			}
		}
	}
	return nil, year - 1, nil
}

// expenditureBases maps the units of year to their base: a department's
// approved expenditure budget on the subjects results apply to (each
// subject with the items under it), a project's amount.
func expenditureBases(ctx context.Context, q store.Q, year int, subjects []domain.Subject) (map[unitKey]money.Amount, error) {
	out := map[unitKey]money.Amount{}
	lines, err := q.BudgetLines(ctx, year)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if appliesTo(subjects, l.SubjectCode) {
			k := unitKey{string(scoring.DepartmentScheme), l.DeptCode}
			out[k] = out[k].Add(l.Amount)
		}
	}
	ps, err := q.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		out[unitKey{string(scoring.ProjectScheme), strconv.FormatInt(p.ID, 10)}] = p.Amount
	}
	return out, nil
}

// DecideSuggestion accepts a suggestion (taking the suggested amount; the
// amount given is ignored) or overrides it with amount, which needs a
// reason. A decision can be changed later: the budget is not locked by it.
func (s *Service) DecideSuggestion(ctx context.Context, by domain.Actor, id int64, accept bool, amount money.Amount, reason string) error {
	if err := permission.Check(by, permission.PrepIssueControl, ""); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		sg, err := tx.BudgetSuggestion(ctx, id)
		if store.IsNotFound(err) {
			return domain.NewProblem("problem.evaluation.no_suggestion", "There is no budget suggestion number {{.ID}}.", "ID", id)
		}
		if err != nil {
			return err
		}
		if accept {
			return tx.DecideSuggestion(ctx, by, id, SuggestionAccepted, sg.Suggested, reason)
		}
		if reason == "" {
			return domain.NewProblem("problem.evaluation.override_reason", "Overriding the suggested {{.Amount}} yuan needs a reason.", "Amount", sg.Suggested.String())
		}
		if amount < 0 {
			return domain.NewProblem("problem.evaluation.override_negative", "The decided amount cannot be negative.")
		}
		return tx.DecideSuggestion(ctx, by, id, SuggestionOverridden, amount, reason)
	})
}

// storedSuggestions are year's suggestions with the fresh ones refreshing
// those still open: written (persist) for those who decide them, merged
// in memory for those who only read, in the store's order either way.
func storedSuggestions(ctx context.Context, q store.Q, year int, fresh []store.BudgetSuggestion, persist bool) ([]store.BudgetSuggestion, error) {
	if persist {
		for _, f := range fresh {
			if err := q.UpsertOpenSuggestion(ctx, f); err != nil {
				return nil, err
			}
		}
		return q.BudgetSuggestions(ctx, year)
	}
	rows, err := q.BudgetSuggestions(ctx, year)
	if err != nil {
		return nil, err
	}
	at := map[[2]string]int{}
	for i, r := range rows {
		at[[2]string{r.UnitKind, r.UnitCode}] = i
	}
	for _, f := range fresh {
		i, ok := at[[2]string{f.UnitKind, f.UnitCode}]
		switch {
		case !ok:
			rows = append(rows, f)
		case rows[i].State == SuggestionOpen:
			r := &rows[i]
			r.EvaluationID, r.Grade, r.Base, r.Suggested, r.ChangeBP = f.EvaluationID, f.Grade, f.Base, f.Suggested, f.ChangeBP
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].UnitKind != rows[j].UnitKind {
			return rows[i].UnitKind < rows[j].UnitKind
		}
		return rows[i].UnitCode < rows[j].UnitCode
	})
	return rows, nil
}
