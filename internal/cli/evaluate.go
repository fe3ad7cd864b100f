package cli

import (
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "evaluate", summary: "cli.evaluate.summary", run: runEvaluate})
}

type evaluateJSON struct {
	Year  int            `json:"year"`
	Units []evalUnitJSON `json:"units"`
}

type evalUnitJSON struct {
	Kind string `json:"kind"`
	Code string `json:"code"`
	Name string `json:"name"`
	// Status is "scored", or "unscored" (未评分) for a unit with no value
	// entered yet, which has no score, grade or rank.
	Status    string   `json:"status"`
	Score     *float64 `json:"score,omitempty"`
	Grade     string   `json:"grade,omitempty"`
	Finalised bool     `json:"finalised"`
}

// runEvaluate prints year's evaluations ranked best first. The score is on
// the 100-point scale the grade bands use, rounded to 2 decimals as the
// self-evaluation form shows it, so score and grade always agree. Unscored
// units follow, unranked; a year with nothing scored is refused with what
// to do first (evaluation.Results).
func runEvaluate(env *Env, args []string) error {
	svc, year, asJSON, err := yearReport(env, "evaluate", "cli.evaluate.about", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	runs, err := svc.Evaluation.Results(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	out := evaluateJSON{Year: year, Units: []evalUnitJSON{}}
	rows := [][]string{}
	for i, r := range runs {
		u := evalUnitJSON{Kind: string(r.Unit.Kind), Code: r.Unit.Code, Name: r.Unit.Name, Status: "unscored", Finalised: r.Finalised}
		rank, scoreText, grade := "—", "—", i18n.T("grade."+string(scoring.Unscored))
		if r.Scored() {
			score := scoring.Round2(evaluation.Percent(r))
			u.Status, u.Score, u.Grade = "scored", &score, string(scoring.GradeOf(score))
			rank, scoreText, grade = strconv.Itoa(i+1), strconv.FormatFloat(score, 'f', 2, 64), i18n.T("grade."+u.Grade)
		}
		out.Units = append(out.Units, u)
		name := r.Unit.Name
		if i18n.Current() == i18n.English && r.Unit.NameEn != "" {
			name = r.Unit.NameEn
		}
		state := i18n.T("evaluation.state.open")
		if r.Finalised {
			state = i18n.T("evaluation.state.finalised")
		}
		rows = append(rows, []string{rank, i18n.T("evaluation.kind." + string(r.Unit.Kind)), r.Unit.Code, name, scoreText, grade, state})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.rank"), i18n.T("col.kind"), i18n.T("col.code"), i18n.T("col.name"),
		i18n.T("col.score"), i18n.T("col.grade"), i18n.T("col.state")}, rows)
}
