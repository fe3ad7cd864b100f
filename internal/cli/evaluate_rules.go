package cli

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "evaluate rules", summary: "cli.evaluate_rules.summary", run: runEvaluateRules})
}

type projectRulesJSON struct {
	Execution    float64 `json:"execution"`
	Output       float64 `json:"output"`
	Benefit      float64 `json:"benefit"`
	Satisfaction float64 `json:"satisfaction"`
	OverFactor   float64 `json:"over_factor"`
	OverDeduct   float64 `json:"over_deduct"`
}

// runEvaluateRules shows the rules projects are judged by and, given any
// flag, changes them: the four weights, the factor beyond which a target
// counts as set too low, and the share of points that costs.
func runEvaluateRules(env *Env, args []string) error {
	f := newFlags(env, "evaluate rules", "", "cli.evaluate_rules.about")
	weights := map[string]*string{}
	for _, n := range []string{"execution", "output", "benefit", "satisfaction", "over-factor"} {
		weights[n] = f.String(n, "", "cli.flag.rules_"+strings.ReplaceAll(n, "-", "_"))
	}
	deduct := f.String("over-deduct", "", "cli.flag.rules_over_deduct")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	r, err := svc.Evaluation.ProjectRules(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	changed := *deduct != ""
	for n, p := range map[string]*float64{"execution": &r.Execution, "output": &r.Output, "benefit": &r.Benefit, "satisfaction": &r.Satisfaction, "over-factor": &r.OverFactor} {
		if *weights[n] == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(*weights[n]), 64)
		if err != nil {
			return domain.NewProblem("problem.rules.number", "--{{.Flag}} \"{{.Text}}\" is not a number: write e.g. 50.", "Flag", n, "Text", *weights[n])
		}
		*p, changed = v, true
	}
	if *deduct != "" {
		if r.OverDeduct, err = domain.ParseRatio(*deduct); err != nil {
			return err
		}
	}
	if changed {
		if err := svc.Evaluation.SetProjectRules(env.ctx, env.Actor, r); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.Stdout, projectRulesJSON{r.Execution, r.Output, r.Benefit, r.Satisfaction, r.OverFactor, r.OverDeduct})
	}
	env.printf("%s\n", rulesText(r))
	return nil
}

func rulesText(r scoring.ProjectRules) string {
	return i18n.T("cli.evaluate_rules.text", "Execution", i18n.Decimals(r.Execution, 2), "Output", i18n.Decimals(r.Output, 2),
		"Benefit", i18n.Decimals(r.Benefit, 2), "Satisfaction", i18n.Decimals(r.Satisfaction, 2),
		"Factor", i18n.Decimals(r.OverFactor, 2), "Deduct", i18n.Percent(r.OverDeduct))
}
