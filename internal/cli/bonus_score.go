package cli

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "bonus score", summary: "cli.bonus_score.summary", run: runBonusScore})
}

// bonus score: enter a department's score in a bonus dimension by hand,
// naming its source (an indicator of the library or a workload measure);
// --clear removes it so that the evaluation's score applies again.
func runBonusScore(env *Env, args []string) error {
	f := newFlags(env, "bonus score", "", "cli.bonus_score.about")
	y := f.Int("year", 0, "cli.flag.year")
	dept := f.String("department", "", "cli.flag.bonus_department")
	dim := f.String("dimension", "", "cli.flag.bonus_dimension")
	scoreText := f.String("score", "", "cli.flag.bonus_score")
	source := f.String("source", "", "cli.flag.bonus_source")
	clear := f.Bool("clear", false, "cli.flag.bonus_clear")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*y); err != nil {
		return err
	}
	if strings.TrimSpace(*dept) == "" || strings.TrimSpace(*dim) == "" {
		return usagef("%s", i18n.T("cli.bonus_score.required"))
	}
	var score *float64
	if !*clear {
		v, err := strconv.ParseFloat(strings.TrimSpace(*scoreText), 64)
		if err != nil {
			return domain.NewProblem("problem.bonus.score_text", "The score \"{{.Text}}\" is not a number: enter 0 to 100.", "Text", *scoreText)
		}
		score = &v
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	d := payout.Dimension(strings.TrimSpace(*dim))
	if err := svc.Bonus.SetScore(env.ctx, env.Actor, *y, strings.TrimSpace(*dept), d, score, *source); err != nil {
		return err
	}
	if score == nil {
		env.printf("%s\n", i18n.T("cli.bonus_score.cleared", "Year", *y, "Dept", *dept, "Dimension", string(d)))
		return nil
	}
	src, err := svc.Bonus.ScoreSource(env.ctx, env.Actor, *y, strings.TrimSpace(*dept), d)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.bonus_score.done", "Year", *y, "Dept", *dept, "Dimension", string(d), "Score", i18n.Number(*score), "Source", src))
	return nil
}
