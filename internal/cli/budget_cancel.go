package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget cancel", summary: "cli.budget_cancel.summary", run: runBudgetCancel})
}

// runBudgetCancel cancels the year's preparation cycle, as 预算编制 ›
// 取消本年度编制 does: the same service, the same refusals.
func runBudgetCancel(env *Env, args []string) error {
	f := newFlags(env, "budget cancel", "", "cli.budget_cancel.about")
	year := f.Int("year", 0, "cli.flag.year")
	reason := f.String("reason", "", "cli.flag.cancel_reason")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	removed, err := svc.Budgets.CancelCycle(env.ctx, env.Actor, *year, *reason)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.budget_cancel.done", "Year", *year, "Departments", removed.Departments, "Lines", removed.Lines,
		"Projects", removed.Projects, "By", env.Actor.Login))
	return nil
}
