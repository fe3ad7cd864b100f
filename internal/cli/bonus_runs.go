package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "bonus save", summary: "cli.bonus_save.summary", run: runBonusSave})
	register(command{name: "bonus approve", summary: "cli.bonus_approve.summary", run: runBonusApprove})
	register(command{name: "bonus export", summary: "cli.bonus_export.summary", run: runBonusExport})
	register(command{name: "import staff", summary: "cli.import_staff.summary", run: runImportStaff})
}

// bonus save: compute as `bonus` does and store it as the year's draft.
func runBonusSave(env *Env, args []string) error {
	req, err := parseBonus(env, "bonus save", "cli.bonus_save.about", args, true)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := svc.Bonus.Compute(env.ctx, env.Actor, req.year, req.pool, req.welfare)
	if err != nil {
		return err
	}
	info, err := svc.Bonus.Save(env.ctx, env.Actor, res, req.note)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.bonus_save.done", "Year", req.year, "Run", info.ID, "Pool", money.FormatPlain(res.Pool), "Count", len(res.Departments)))
	return nil
}

// yearOnly parses a command whose only option is --year (and -o when out).
func yearOnly(env *Env, name, about string, args []string, out bool) (int, string, error) {
	f := newFlags(env, name, "", about)
	y := f.Int("year", 0, "cli.flag.year")
	var o *string
	if out {
		o = f.String("o", "", "cli.flag.output_xlsx")
	}
	if err := f.parseNone(args); err != nil {
		return 0, "", err
	}
	if err := requireYear(*y); err != nil {
		return 0, "", err
	}
	if o == nil {
		return *y, "", nil
	}
	if *o == "" {
		return 0, "", usagef("%s", i18n.T("cli.output_required"))
	}
	return *y, *o, nil
}

func runBonusApprove(env *Env, args []string) error {
	year, _, err := yearOnly(env, "bonus approve", "cli.bonus_approve.about", args, false)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	info, err := svc.Bonus.Approve(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.bonus_approve.done", "Year", year, "Run", info.ID, "By", info.ApprovedBy))
	return nil
}

func runBonusExport(env *Env, args []string) error {
	year, out, err := yearOnly(env, "bonus export", "cli.bonus_export.about", args, true)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	name, _ := svc.Master.HospitalDisplayName(env.ctx, env.Actor, i18n.Current())
	if err := svc.Bonus.ExportPaySheet(env.ctx, env.Actor, year, out, name, i18n.T); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("bonus.export.done", "Path", out))
	return nil
}

func runImportStaff(env *Env, args []string) error {
	f := newFlags(env, "import staff", "FILE", "cli.import_staff.about")
	y := f.Int("year", 0, "cli.flag.year")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.file_required"))
	}
	if err := requireYear(*y); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	sum, err := svc.Bonus.ImportStaff(env.ctx, env.Actor, *y, pos[0])
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("bonus.staff.done", "People", sum.People, "Depts", sum.Departments, "Sum", money.FormatPlain(sum.Total)))
	if len(sum.Missing) > 0 {
		env.printf("%s\n", i18n.T("bonus.staff.missing", "Depts", strings.Join(sum.Missing, "、")))
	}
	// The reconciliation, every department: list against headcount, parts
	// against the department's amount.
	env.printf("%s\n", i18n.T("bonus.reconcile.title"))
	for _, r := range sum.Reconciliation {
		env.printf("  %s\n", bonus.ReconcileLine(r, i18n.T))
	}
	return nil
}
