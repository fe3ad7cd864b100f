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
	"github.com/budgetperf/budgetperf/internal/store"
)

// EvaluateHospital evaluates the hospital as a whole for year from the
// imported national assessment values. It opens, when there is none yet,
// an evaluation of the hospital-wide unit (000) on the hospital scheme
// chosen in the library (HospitalScheme: the secondary, tertiary, TCM or
// MCH assessment) — StartYear never does, as 000 is no department anyone
// answers for — and fills every indicator whose name is that of an assessment
// value of year holding a value. The values go in as SetValue stores them,
// read by the same rules.
//
// Values entered by hand are never overwritten: only indicators still
// empty are filled, so importing a corrected workbook and evaluating again
// completes the run without undoing edits. An assessment value that does
// not read under its indicator's rule (a monitored indicator the scheme
// keeps as a judgement, say) is left out, as are indicators with no
// imported value; they stay empty. A finalised evaluation is locked and
// refused. A year without assessment values, or whose values fill no
// indicator of an evaluation that holds nothing else, is refused and
// nothing is stored: a result needs data. It returns the evaluation with
// its score.
func (s *Service) EvaluateHospital(ctx context.Context, by domain.Actor, year int) (Run, error) {
	if err := permission.Check(by, permission.EvaluationEnterValues, ""); err != nil {
		return Run{}, err
	}
	if !domain.ValidYear(year) {
		return Run{}, domain.YearProblem(year)
	}
	vals, err := s.st.AssessmentValues(ctx, year)
	if err != nil {
		return Run{}, err
	}
	byName := map[string]float64{}
	for _, v := range vals {
		if v.Value != nil && v.Year == year {
			byName[assessmentName(v.Name)] = *v.Value
		}
	}
	if len(byName) == 0 {
		return Run{}, noAssessment(year)
	}
	var run Run
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := EnsureTemplatesIn(ctx, tx.Q, by); err != nil {
			return err
		}
		ids, err := tx.SchemeIDs(ctx)
		if err != nil {
			return err
		}
		code, err := hospitalScheme(ctx, tx.Q)
		if err != nil {
			return err
		}
		sid, ok := ids[code]
		if !ok {
			return noScheme(code)
		}
		id, _, err := tx.InsertEvaluation(ctx, by, year, string(scoring.DepartmentScheme), domain.HospitalWideCode, sid)
		if err != nil {
			return err
		}
		e, err := tx.Evaluation(ctx, id)
		if err != nil {
			return err
		}
		if e.Finalised {
			return lockedProblem(e)
		}
		filled, err := fillFromAssessment(ctx, tx.Q, by, e, byName)
		if err != nil {
			return err
		}
		if run, err = loadRun(ctx, tx.Q, id); err != nil {
			return err
		}
		if !run.Scored() {
			// No value matched an indicator: the evaluation opened above
			// is rolled back rather than left at 0.00.
			return noAssessment(year)
		}
		// Only empty indicators are filled, so each was "" before.
		slices.Sort(filled)
		var changes []logbook.Entry
		for _, code := range filled {
			changes = append(changes, valueChanges(Run{ID: run.ID, Year: run.Year, Unit: run.Unit}, code, run.Texts[code], "", "assessment")...)
		}
		return tx.AppendAudit(ctx, by.Login, changes...)
	})
	return run, err
}

// fillFromAssessment fills every still-empty indicator of evaluation e
// whose name is that of an assessment value (byName) and returns the
// codes it filled.
func fillFromAssessment(ctx context.Context, q store.Q, by domain.Actor, e store.Evaluation, byName map[string]float64) ([]string, error) {
	// An evaluation opened before may be on another scheme: fill the
	// one it has.
	sc, err := q.SchemeByID(ctx, e.SchemeID)
	if err != nil {
		return nil, err
	}
	stored, err := q.EvaluationValues(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	held := map[string]store.EvaluationValue{}
	for _, v := range stored {
		held[v.IndicatorCode] = v
	}
	var filled []string
	for code, in := range indicators(sc) {
		f, ok := byName[assessmentName(in.Name)]
		if !ok {
			continue
		}
		old := held[code]
		if strings.TrimSpace(old.Actual) != "" || old.Occurrences > 0 {
			continue
		}
		text := strconv.FormatFloat(f, 'f', -1, 64)
		if _, ok := ParseActual(in, text, 0); !ok {
			continue
		}
		if err := SetValueIn(ctx, q, by, e.ID, code, text, 0, old.Reason); err != nil {
			return nil, err
		}
		filled = append(filled, code)
	}
	return filled, nil
}

// assessmentName is an indicator name as compared between the national
// catalogue and a scheme: without spaces, with full-width brackets.
func assessmentName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t', '\n', '\r', '\u00a0':
			return -1
		case '(':
			return '（'
		case ')':
			return '）'
		}
		return r
	}, s)
}
