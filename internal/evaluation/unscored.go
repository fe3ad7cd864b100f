package evaluation

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Scored says the run has a result: it was finalised (the locked score is
// the record) or some scored indicator holds a value entered or imported.
// An unscored run (未评分) has no score, grade or rank.
func (r Run) Scored() bool { return r.Finalised || r.Result.Scored }

// unscore marks result unscored when its only values are those StartYear
// fills from monitoring: the budget-execution figures are what the program
// copies, not an evaluation anyone made, so a unit holding nothing else is
// still 未评分 rather than ranked at a few points graded 差.
func unscore(sc scoring.Scheme, values map[string]scoring.Value, res *scoring.Result) {
	if !res.Scored {
		return
	}
	for code, in := range indicators(sc) {
		if v, ok := values[code]; ok && v.Has && in.Direction != scoring.Monitor && !fromMonitoring(in) {
			return
		}
	}
	res.Scored, res.Grade = false, scoring.Unscored
}

// Results lists year's evaluations ranked (Runs), refusing a year that has
// no result to show: no evaluation at all (no approved budget, or the
// year's evaluation not started) or none scored yet. `evaluate` and the
// evaluation report print only what this returns.
func (s *Service) Results(ctx context.Context, by domain.Actor, year int) ([]Run, error) {
	runs, err := s.Runs(ctx, by, year)
	if err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		ok, err := s.st.BudgetExists(ctx, year)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, noBudget(year)
		}
		return nil, domain.NewProblem("problem.evaluation.not_started", "The {{.Year}} evaluation has not been started: start it first (budgetperf evaluate start --year {{.Year}}), then enter or import the indicator values (evaluate values).", "Year", year)
	}
	for _, r := range runs {
		if r.Scored() {
			return runs, nil
		}
	}
	return nil, noValues(year, len(runs))
}

// Unscored counts the runs without a result.
func Unscored(runs []Run) int {
	n := 0
	for _, r := range runs {
		if !r.Scored() {
			n++
		}
	}
	return n
}

func noBudget(year int) error {
	return domain.NewProblem("problem.evaluation.no_budget", "There is no approved budget for {{.Year}}, so there is nothing to evaluate. Import the budget first (budgetperf import budget --year {{.Year}} FILE), then start the year's evaluation.", "Year", year)
}

func noValues(year, units int) error {
	return domain.NewProblem("problem.evaluation.no_values", "None of the {{.Count}} units of the {{.Year}} evaluation is scored yet: enter the indicators' actual values on the Evaluation screen, or import the national assessment workbook (budgetperf import assessment FILE) and generate the hospital evaluation, first.", "Year", year, "Count", units)
}

func noAssessment(year int) error {
	return domain.NewProblem("problem.evaluation.no_assessment", "There are no national assessment values for {{.Year}} to evaluate the hospital on: import the hospital's assessment workbook first (国家考核数据 → 导入国家考核填报表…, or budgetperf import assessment FILE), then generate the hospital evaluation.", "Year", year)
}

func unscoredFinalise(r Run) error {
	return domain.NewProblem("problem.evaluation.finalise_unscored", "{{.Unit}} has no indicator value yet, so there is no score to finalise: enter the actual values (or import them) first.", "Unit", r.Unit.Name)
}
