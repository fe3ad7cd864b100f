package cli

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
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
	f := newFlags(env, "evaluate", "", "cli.evaluate.about")
	y := f.Int("year", 0, "cli.flag.year")
	unit := f.String("unit", "", "cli.flag.unit")
	j := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*y); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	year, asJSON := *y, *j
	if *unit != "" {
		return evaluateUnit(env, svc, year, *unit, asJSON)
	}
	runs, err := svc.Evaluation.Results(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	out := evaluateJSON{Year: year, Units: []evalUnitJSON{}}
	rows := [][]string{}
	for i, r := range runs {
		u := evalUnitJSON{Kind: string(r.Unit.Kind), Code: r.Unit.Ref, Name: r.Unit.Name, Status: "unscored", Finalised: r.Finalised}
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
		rows = append(rows, []string{rank, i18n.T("evaluation.kind." + string(r.Unit.Kind)), r.Unit.Ref, name, scoreText, grade, state})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.rank"), i18n.T("col.kind"), i18n.T("col.code"), i18n.T("col.name"),
		i18n.T("col.score"), i18n.T("col.grade"), i18n.T("col.state")}, rows)
}

// unitEvalJSON is the contract of `evaluate --unit CODE --json`: the unit
// with its score and grade, and its indicator table as the self-evaluation
// form shows it.
type unitEvalJSON struct {
	Year       int             `json:"year"`
	Unit       unitHeadJSON    `json:"unit"`
	Indicators []indicatorJSON `json:"indicators"`
}

type unitHeadJSON struct {
	Kind      string   `json:"kind"`
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Scheme    string   `json:"scheme"`
	Score     *float64 `json:"score"`
	Grade     string   `json:"grade"`
	Finalised bool     `json:"finalised"`
}

type indicatorJSON struct {
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Dimension string  `json:"dimension"`
	Group     string  `json:"group"`
	Target    string  `json:"target"`
	Actual    string  `json:"actual"`
	Points    float64 `json:"points"`
	Score     float64 `json:"score"`
	Short     bool    `json:"short"`
	Overshoot bool    `json:"target_set_low"`
	Reason    string  `json:"reason"`
}

// evaluateUnit prints one unit's indicator table: target, actual, points,
// score and the reason for a deviation, with the total and grade.
func evaluateUnit(env *Env, svc *services.Services, year int, ref string, asJSON bool) error {
	r, err := svc.Evaluation.UnitRun(env.ctx, env.Actor, year, ref)
	if err != nil {
		return err
	}
	out := unitEvalJSON{Year: year, Indicators: []indicatorJSON{}, Unit: unitHeadJSON{Kind: string(r.Unit.Kind), Code: r.Unit.Ref,
		Name: r.Unit.Name, Scheme: i18n.PickName(i18n.Current(), r.Scheme.Name, r.Scheme.NameEn), Grade: string(scoring.Unscored), Finalised: r.Finalised}}
	if r.Scored() {
		score := scoring.Round2(evaluation.Percent(r))
		out.Unit.Score, out.Unit.Grade = &score, string(scoring.GradeOf(score))
	}
	names := map[string]string{}
	for _, d := range r.Result.Dimensions {
		names[d.Code] = i18n.PickName(i18n.Current(), d.Name, "")
	}
	targets := evaluation.Targets(r.Scheme)
	rows := [][]string{}
	for _, is := range r.Result.Indicators {
		o := indicatorJSON{Code: is.Code, Name: is.Name, Dimension: names[is.Dimension], Group: names[is.Group], Target: targets[is.Code],
			Actual: r.Texts[is.Code], Points: scoring.Round2(is.Points), Score: scoring.Round2(is.Score), Short: is.Short,
			Overshoot: is.Overshoot, Reason: r.Reasons[is.Code]}
		out.Indicators = append(out.Indicators, o)
		note := o.Reason
		if o.Overshoot {
			note = strings.TrimSpace(i18n.T("evaluation.target_set_low") + " " + note)
		}
		rows = append(rows, []string{o.Dimension, o.Name, o.Target, o.Actual, i18n.Decimals(o.Points, 2), i18n.Decimals(o.Score, 2), note})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	env.printf("%s  %s  %s\n", out.Unit.Code, out.Unit.Name, out.Unit.Scheme)
	if err := table(env.Stdout, []string{i18n.T("col.dimension"), i18n.T("col.indicator"), i18n.T("col.target"), i18n.T("col.actual"),
		i18n.T("col.points"), i18n.T("col.score"), i18n.T("col.reason")}, rows); err != nil {
		return err
	}
	total := "—"
	if out.Unit.Score != nil {
		total = i18n.Decimals(*out.Unit.Score, 2)
	}
	env.printf("%s\n", i18n.T("cli.evaluate.unit_total", "Score", total, "Grade", i18n.T("grade."+out.Unit.Grade)))
	return nil
}
