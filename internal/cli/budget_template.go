package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget template", summary: "cli.budget_template.summary", run: runBudgetTemplate})
}

// runBudgetTemplate writes the department proposal workbooks of a year
// into a folder: one per department that has something to fill in now.
func runBudgetTemplate(env *Env, args []string) error {
	f := newFlags(env, "budget template", "", "cli.budget_template.about")
	year := f.Int("year", 0, "cli.flag.year")
	dept := f.String("department", "", "cli.flag.department_code")
	dir := f.String("o", "", "cli.flag.output_dir")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if *dir == "" {
		return usagef("%s", i18n.T("cli.output_dir_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	books, skipped, err := svc.Budgets.DeptWorkbooks(env.ctx, env.Actor, *year, *dept, *dir, i18n.T)
	for _, b := range books {
		env.printf("%s\n", i18n.T("cli.budget_template.wrote", "Dept", b.DeptCode, "Name", i18n.PickName(i18n.Current(), b.DeptName, b.DeptNameEn), "Path", b.Path))
	}
	if err != nil {
		return err
	}
	for _, d := range skipped {
		env.printf("%s\n", i18n.T("cli.budget_template.skipped", "Dept", d.DeptCode, "Name", i18n.PickName(i18n.Current(), d.DeptName, d.DeptNameEn), "State", d.State.Term()))
	}
	env.printf("%s\n", i18n.T("cli.budget_template.done", "Count", len(books), "Dir", *dir))
	return nil
}
