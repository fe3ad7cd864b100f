package cli

import (
	"fmt"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// The evaluation's steps from the command line, as the 绩效评价 screen
// takes them: 开始本年度评价, entering values, 定稿.
func init() {
	register(command{name: "evaluate start", summary: "cli.evaluate_start.summary", run: runEvaluateStart})
	register(command{name: "evaluate values", summary: "cli.evaluate_values.summary", run: runEvaluateValues})
	register(command{name: "evaluate finalise", summary: "cli.evaluate_finalise.summary", run: runEvaluateFinalise})
}

// runEvaluateStart opens the year's evaluations (evaluation.StartYear).
func runEvaluateStart(env *Env, args []string) error {
	svc, year, asJSON, err := yearReport(env, "evaluate start", "cli.evaluate_start.about", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	n, err := svc.Evaluation.StartYear(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, struct {
			Year   int `json:"year"`
			Opened int `json:"opened"`
		}{year, n})
	}
	env.printf("%s\n", i18n.T("cli.evaluate_start.done", "Year", year, "Count", n))
	return nil
}

// runEvaluateValues enters one indicator's actual value for a unit, or
// with --file imports a values workbook (evaluation.ImportValues: every
// problem listed with its cell, nothing written when there is any).
func runEvaluateValues(env *Env, args []string) error {
	f := newFlags(env, "evaluate values", "", "cli.evaluate_values.about")
	year := f.Int("year", 0, "cli.flag.year")
	unit := f.String("unit", "", "cli.flag.eval_unit")
	indicator := f.String("indicator", "", "cli.flag.indicator_code")
	actual := f.String("actual", "", "cli.flag.actual")
	occurrences := f.Int("occurrences", 0, "cli.flag.occurrences")
	reason := f.String("reason", "", "cli.flag.eval_reason")
	file := f.String("file", "", "cli.flag.values_file")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if *file == "" && (*unit == "" || *indicator == "") {
		return usagef("%s", i18n.T("cli.evaluate_values.required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if *file != "" {
		n, err := svc.Evaluation.ImportValues(env.ctx, env.Actor, *year, *file)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, valuesJSON{Year: *year, Entered: n})
		}
		env.printf("%s\n", i18n.T("cli.evaluate_values.imported", "Year", *year, "Count", n, "File", *file))
		return nil
	}
	r, err := svc.Evaluation.UnitRun(env.ctx, env.Actor, *year, *unit)
	if err != nil {
		return err
	}
	if err := svc.Evaluation.SetValue(env.ctx, env.Actor, r.ID, *indicator, *actual, *occurrences, *reason); err != nil {
		return err
	}
	r, err = svc.Evaluation.UnitRun(env.ctx, env.Actor, *year, *unit)
	if err != nil {
		return err
	}
	if *asJSON {
		out := valuesJSON{Year: *year, Entered: 1, Unit: r.Unit.Ref, Indicator: *indicator, Actual: *actual, Status: "unscored"}
		if r.Scored() {
			score := scoring.Round2(evaluation.Percent(r))
			out.Score, out.Status = &score, "scored"
		}
		return writeJSON(env.Stdout, out)
	}
	env.printf("%s\n", i18n.T("cli.evaluate_values.done", "Unit", r.Unit.Ref+" "+r.Unit.Name, "Indicator", *indicator, "Actual", *actual, "Score", scoreText(r)))
	return nil
}

// valuesJSON is what evaluate values prints with --json: how many values
// were entered and, for one value, the unit's score after it.
type valuesJSON struct {
	Year      int      `json:"year"`
	Entered   int      `json:"entered"`
	Unit      string   `json:"unit,omitempty"`
	Indicator string   `json:"indicator,omitempty"`
	Actual    string   `json:"actual,omitempty"`
	Status    string   `json:"status,omitempty"`
	Score     *float64 `json:"score,omitempty"`
}

// scoreText is a run's score on the 100-point scale, or 未评分.
func scoreText(r evaluation.Run) string {
	if !r.Scored() {
		return i18n.T("grade." + string(scoring.Unscored))
	}
	return strconv.FormatFloat(scoring.Round2(evaluation.Percent(r)), 'f', 2, 64)
}

// runEvaluateFinalise finalises (定稿) one unit's evaluation or, with --all,
// every scored one not yet final; each in its own transaction, each
// refusal named by its unit.
func runEvaluateFinalise(env *Env, args []string) error {
	f := newFlags(env, "evaluate finalise", "", "cli.evaluate_finalise.about")
	year := f.Int("year", 0, "cli.flag.year")
	unit := f.String("unit", "", "cli.flag.eval_unit")
	all := f.Bool("all", false, "cli.flag.finalise_all")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if (*unit == "") == !*all {
		return usagef("%s", i18n.T("cli.evaluate_finalise.unit_or_all"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	var runs []evaluation.Run
	if *all {
		all, err := svc.Evaluation.Runs(env.ctx, env.Actor, *year)
		if err != nil {
			return err
		}
		for _, r := range all {
			if r.Scored() && !r.Finalised {
				runs = append(runs, r)
			}
		}
	} else {
		r, err := svc.Evaluation.UnitRun(env.ctx, env.Actor, *year, *unit)
		if err != nil {
			return err
		}
		runs = append(runs, r)
	}
	out := cycleOutJSON{Year: *year, Step: "finalise", Done: []cycleDeptJSON{}, Refused: []cycleDeptJSON{}}
	for _, r := range runs {
		res := cycleDeptJSON{Code: r.Unit.Ref, Name: r.Unit.Name}
		if err := svc.Evaluation.Finalise(env.ctx, env.Actor, r.ID); err != nil {
			res.Message = i18n.Message(err)
			out.Refused = append(out.Refused, res)
			continue
		}
		res.State = "finalised"
		out.Done = append(out.Done, res)
	}
	return printFinalised(env, out, *asJSON)
}

func printFinalised(env *Env, out cycleOutJSON, asJSON bool) error {
	if asJSON {
		if err := writeJSON(env.Stdout, out); err != nil {
			return err
		}
	} else {
		for _, d := range out.Done {
			env.printf("%s %s: %s\n", d.Code, d.Name, i18n.T("evaluation.state.finalised"))
		}
		if len(out.Done) == 0 && len(out.Refused) == 0 {
			env.printf("%s\n", i18n.T("cli.evaluate_finalise.nothing"))
		}
	}
	if len(out.Refused) == 0 {
		return nil
	}
	for _, d := range out.Refused {
		fmt.Fprintf(env.Stderr, "%s %s: %s\n", d.Code, d.Name, d.Message)
	}
	return domain.NewProblem("problem.cli.finalise_refused", "{{.Refused}} of {{.Count}} evaluations were refused (listed above); the others were finalised.",
		"Refused", len(out.Refused), "Count", len(out.Refused)+len(out.Done))
}
