package cli

import (
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "demo", creates: true, summary: "cli.demo.summary", run: runDemo})
}

func runDemo(env *Env, args []string) error {
	f := newFlags(env, "demo", "", "cli.demo.about")
	year := f.Int("year", time.Now().Year(), "cli.flag.demo_year")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if !domain.ValidYear(*year) {
		return domain.YearProblem(*year)
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := svc.LoadDemo(env.ctx, env.Actor, *year)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.demo.loaded", "Hospital", res.Hospital, "Year", res.Year, "Prior", res.Year-1,
		"Depts", res.Departments, "Lines", res.BudgetLines, "Actuals", res.Actuals, "Path", svc.Store.Path()))
	return nil
}
