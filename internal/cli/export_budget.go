package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "export budget", summary: "cli.export_budget.summary", run: runExportBudget})
}

func runExportBudget(env *Env, args []string) error {
	f := newFlags(env, "export budget", "", "cli.export_budget.about")
	year := f.Int("year", 0, "cli.flag.year")
	out := f.String("o", "", "cli.flag.output_xlsx")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if *out == "" {
		return usagef("%s", i18n.T("cli.output_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	lines, err := svc.Budgets.Export(env.ctx, env.Actor, *year, *out, i18n.T)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.export_budget.done", "Year", *year, "Path", *out, "Lines", lines))
	return nil
}
