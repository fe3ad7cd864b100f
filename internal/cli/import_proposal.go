package cli

import (
	"fmt"
	"path/filepath"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "import proposal", summary: "cli.import_proposal.summary", run: runImportProposal})
}

// runImportProposal records returned department workbooks as their
// departments' submissions. Each file is imported whole or not at all;
// a refused file does not stop the others, and the exit status is 1 when
// any was refused.
func runImportProposal(env *Env, args []string) error {
	f := newFlags(env, "import proposal", "FILE…", "cli.import_proposal.about")
	year := f.Int("year", 0, "cli.flag.year_optional")
	files, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("%s", i18n.T("cli.import_proposal.files_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	refused := 0
	for _, path := range files {
		r, err := svc.Budgets.ImportDeptWorkbook(env.ctx, env.Actor, path, *year)
		if err != nil {
			if domain.AsProblems(err) == nil {
				return err
			}
			refused++
			fmt.Fprintln(env.Stderr, i18n.T("cli.import_proposal.refused", "File", filepath.Base(path)))
			for _, line := range i18n.Lines(err) {
				fmt.Fprintln(env.Stderr, "  "+line)
			}
			continue
		}
		env.printf("%s\n", i18n.T("cli.import_proposal.done", "File", r.File, "Dept", r.DeptCode, "Name", r.DeptName, "Year", r.Year,
			"Lines", r.Lines, "Projects", r.Projects, "Expenditure", money.FormatPlain(r.Expenditure), "Revenue", money.FormatPlain(r.Revenue), "State", r.State.Term()))
	}
	if refused > 0 {
		return domain.NewProblem("cli.import_proposal.some_refused", "{{.Refused}} of {{.Files}} workbooks were refused (see above); the others were imported.", "Refused", refused, "Files", len(files))
	}
	return nil
}
