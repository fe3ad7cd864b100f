package evaluation

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// ImportValues enters the actual values of the workbook at path (read by
// xlsximport.ReadEvaluationValues) into year's evaluations, in one
// transaction through SetValueIn. Each row's unit is a department, by its
// code (the code column, or the unit column holding one) or its name, or a
// project of year by its name; its indicator is matched by name as
// EvaluateHospital compares names (spaces and bracket widths ignored), or
// by code. A row without a reason keeps the reason already stored.
//
// Every problem — an unknown unit, a unit without an evaluation this year,
// an unknown indicator, a finalised evaluation, a value that does not read,
// a value given twice — is listed with its cell, and nothing is written
// when there is any. It returns how many values it entered.
func (s *Service) ImportValues(ctx context.Context, by domain.Actor, year int, path string) (int, error) {
	if err := permission.Check(by, permission.EvaluationEnterValues, ""); err != nil {
		return 0, err
	}
	if !domain.ValidYear(year) {
		return 0, domain.YearProblem(year)
	}
	if err := inputfile.Check(path); err != nil {
		return 0, err
	}
	rows, probs, err := xlsximport.ReadEvaluationValues(path)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		m, err := newValueMatcher(ctx, tx.Q, year)
		if err != nil {
			return err
		}
		entries, mprobs := m.entries(rows)
		probs = append(probs, mprobs...)
		if len(probs) > 0 {
			return probs
		}
		if len(entries) == 0 {
			return domain.NewProblem("problem.evaluation.import_empty",
				"The workbook holds no indicator values: write them in the 实际值 column, one indicator a row.")
		}
		n, err = enterValues(ctx, tx, by, entries)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// valueEntry is a workbook row matched to its evaluation and indicator.
type valueEntry struct {
	run  *Run
	code string
	row  xlsximport.EvalValueRow
}

// entries matches every row, each checked by entry; the problems name
// their cells.
func (m *valueMatcher) entries(rows []xlsximport.EvalValueRow) ([]valueEntry, domain.Problems) {
	var entries []valueEntry
	var probs domain.Problems
	seen := map[[2]string]string{}
	for _, row := range rows {
		e, p := m.entry(row, seen)
		if p != nil {
			probs = append(probs, p)
			continue
		}
		entries = append(entries, e)
	}
	return entries, probs
}

// entry matches row to its evaluation and indicator and checks it, rule
// by rule: the evaluation open, the value readable for its indicator, and
// no value given twice (seen maps each given value to its place).
func (m *valueMatcher) entry(row xlsximport.EvalValueRow, seen map[[2]string]string) (valueEntry, *domain.Problem) {
	run, p := m.run(row)
	if p != nil {
		return valueEntry{}, p
	}
	code, p := m.indicator(run, row)
	if p != nil {
		return valueEntry{}, p
	}
	where := row.Where()
	if run.Finalised {
		return valueEntry{}, domain.NewProblem("problem.evaluation.import_locked",
			"{{.Where}}: the evaluation of {{.Unit}} was finalised on {{.At}} by {{.By}} and is locked.",
			"Where", where, "Unit", run.Unit.Name, "At", run.FinalisedAt.Format("2006-01-02 15:04"), "By", domain.UserTerm(run.FinalisedBy))
	}
	in := indicators(run.Scheme)[code]
	if _, ok := ParseActual(in, row.Actual, row.Occurrences); !ok {
		if in.Rule == scoring.Qualitative && in.Direction != scoring.Monitor {
			return valueEntry{}, domain.NewProblem("problem.evaluation.import_judgement",
				"{{.Where}}: {{.Indicator}}: “{{.Value}}” is not a judgement; write 达成 (achieved), 部分 (partly) or 未达成 (not achieved).",
				"Where", where, "Indicator", in.Name, "Value", row.Actual)
		}
		return valueEntry{}, domain.NewProblem("problem.evaluation.import_number",
			"{{.Where}}: {{.Indicator}}: “{{.Value}}” is not a number; write e.g. 95, 95% or 1,234.5.",
			"Where", where, "Indicator", in.Name, "Value", row.Actual)
	}
	k := [2]string{strconv.FormatInt(run.ID, 10), code}
	if first, dup := seen[k]; dup {
		return valueEntry{}, domain.NewProblem("problem.evaluation.import_twice",
			"{{.Where}}: {{.Unit}} {{.Indicator}} is already given at {{.First}}: keep one row.",
			"Where", where, "Unit", run.Unit.Name, "Indicator", in.Name, "First", first)
	}
	seen[k] = where
	return valueEntry{run, code, row}, nil
}

// enterValues enters the checked values in tx, through SetValueIn, with
// one audit append for them all; a row without a reason keeps the stored
// one. It returns how many values it entered.
func enterValues(ctx context.Context, tx *store.Tx, by domain.Actor, entries []valueEntry) (int, error) {
	n := 0
	var changes []logbook.Entry
	for _, e := range entries {
		reason := e.row.Reason
		if reason == "" {
			reason = e.run.Reasons[e.code]
		}
		if err := SetValueIn(ctx, tx.Q, by, e.run.ID, e.code, e.row.Actual, e.row.Occurrences, reason); err != nil {
			return n, err
		}
		changes = append(changes, valueChanges(*e.run, e.code, e.row.Actual, reason, "import")...)
		n++
	}
	return n, tx.AppendAudit(ctx, by.Login, changes...)
}

// valueMatcher finds the evaluation and indicator of a workbook row.
type valueMatcher struct {
	year      int
	runs      map[unitKey]*Run
	deptCode  map[string]domain.Department
	deptName  map[string]domain.Department
	projects  map[string][]domain.Project
	indByName map[string]map[string][]string // scheme code → name → codes
}

func newValueMatcher(ctx context.Context, q store.Q, year int) (*valueMatcher, error) {
	evs, err := q.Evaluations(ctx, year)
	if err != nil {
		return nil, err
	}
	runs, err := loadRuns(ctx, q, evs)
	if err != nil {
		return nil, err
	}
	depts, err := q.Departments(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := q.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	m := &valueMatcher{year: year, runs: map[unitKey]*Run{}, deptCode: map[string]domain.Department{},
		deptName: map[string]domain.Department{}, projects: map[string][]domain.Project{}, indByName: map[string]map[string][]string{}}
	for i := range runs {
		m.runs[unitKey{string(runs[i].Unit.Kind), runs[i].Unit.Code}] = &runs[i]
	}
	for _, d := range depts {
		m.deptCode[d.Code] = d
		m.deptName[unitName(d.Name)] = d
		if d.NameEn != "" {
			m.deptName[unitName(d.NameEn)] = d
		}
	}
	for _, p := range ps {
		k := unitName(p.Name)
		m.projects[k] = append(m.projects[k], p)
	}
	return m, nil
}

// unitName is a unit's name as compared: as an indicator's, and without
// regard to case (English names).
func unitName(s string) string { return strings.ToLower(assessmentName(s)) }

// run finds the row's evaluation.
func (m *valueMatcher) run(row xlsximport.EvalValueRow) (*Run, *domain.Problem) {
	where := row.UnitCell
	if where != "" {
		where = row.Sheet + "!" + where
	}
	var key unitKey
	name := row.Unit
	switch d, byCode := m.deptCode[strings.TrimSpace(row.UnitCode)]; {
	case byCode && row.UnitCode != "":
		key, name = unitKey{string(scoring.DepartmentScheme), d.Code}, d.Name
	case row.UnitCode != "" && row.Unit == "":
		return nil, domain.NewProblem("problem.evaluation.import_no_unit",
			"{{.Where}}: there is no department or project {{.Unit}}: write its name as in the department list or the year's projects.",
			"Where", where, "Unit", row.UnitCode)
	default:
		if d, ok := m.deptCode[row.Unit]; ok {
			key, name = unitKey{string(scoring.DepartmentScheme), d.Code}, d.Name
		} else if d, ok := m.deptName[unitName(row.Unit)]; ok {
			key, name = unitKey{string(scoring.DepartmentScheme), d.Code}, d.Name
		} else if ps := m.projects[unitName(row.Unit)]; len(ps) == 1 {
			key = unitKey{string(scoring.ProjectScheme), strconv.FormatInt(ps[0].ID, 10)}
		} else if len(ps) > 1 {
			return nil, domain.NewProblem("problem.evaluation.import_two_projects",
				"{{.Where}}: {{.Count}} projects of {{.Year}} are named {{.Unit}}: rename one of them, then import again.",
				"Where", where, "Count", len(ps), "Year", m.year, "Unit", row.Unit)
		} else {
			return nil, domain.NewProblem("problem.evaluation.import_no_unit",
				"{{.Where}}: there is no department or project {{.Unit}}: write its name as in the department list or the year's projects.",
				"Where", where, "Unit", row.Unit)
		}
	}
	r, ok := m.runs[key]
	if !ok {
		return nil, domain.NewProblem("problem.evaluation.import_no_run",
			"{{.Where}}: {{.Unit}} has no evaluation in {{.Year}}: start the year's evaluation first.",
			"Where", where, "Unit", name, "Year", m.year)
	}
	return r, nil
}

// indicator finds the row's indicator in run's scheme, by name or code.
func (m *valueMatcher) indicator(run *Run, row xlsximport.EvalValueRow) (string, *domain.Problem) {
	inds := indicators(run.Scheme)
	byName, ok := m.indByName[run.Scheme.Code]
	if !ok {
		byName = map[string][]string{}
		for code, in := range inds {
			k := assessmentName(in.Name)
			byName[k] = append(byName[k], code)
		}
		m.indByName[run.Scheme.Code] = byName
	}
	where := row.Sheet + "!" + row.IndicatorCell
	codes := byName[assessmentName(row.Indicator)]
	switch {
	case len(codes) == 1:
		return codes[0], nil
	case len(codes) > 1:
		return "", domain.NewProblem("problem.evaluation.import_two_indicators",
			"{{.Where}}: the indicator system {{.Scheme}} has {{.Count}} indicators named {{.Indicator}}: write the indicator's code ({{.Codes}}) instead.",
			"Where", where, "Scheme", run.Scheme.Name, "Count", len(codes), "Indicator", row.Indicator, "Codes", strings.Join(slices.Sorted(slices.Values(codes)), ", "))
	}
	if _, ok := inds[row.Indicator]; ok {
		return row.Indicator, nil
	}
	return "", domain.NewProblem("problem.evaluation.import_no_indicator",
		"{{.Where}}: the indicator system {{.Scheme}} of {{.Unit}} has no indicator {{.Indicator}}.",
		"Where", where, "Scheme", run.Scheme.Name, "Unit", run.Unit.Name, "Indicator", row.Indicator)
}
