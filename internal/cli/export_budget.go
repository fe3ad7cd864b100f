package cli

import (
	"os"
	"path/filepath"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/xlsxexport"
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
	v, err := svc.Budgets.Show(env.ctx, env.Actor, *year)
	if err != nil {
		return err
	}
	// Write beside the target and rename, so an existing file is replaced
	// only by a complete workbook.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".budgetperf-export-*.xlsx")
	if err != nil {
		return domain.NewProblem("problem.export.create", "Cannot write {{.Path}}: {{.Err}}", "Path", *out, "Err", err.Error())
	}
	defer os.Remove(tmp.Name())
	if err := xlsxexport.WriteBudget(tmp, v.Year, v.Breakdown); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return domain.NewProblem("problem.export.create", "Cannot write {{.Path}}: {{.Err}}", "Path", *out, "Err", err.Error())
	}
	env.printf("%s\n", i18n.T("cli.export_budget.done", "Year", v.Year, "Path", *out, "Lines", countLines(v.Breakdown)))
	return nil
}

func countLines(b domain.Breakdown) int {
	n := 0
	for _, d := range b.Departments {
		n += len(d.Lines)
	}
	return n
}
