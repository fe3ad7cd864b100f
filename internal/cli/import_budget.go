package cli

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

func init() {
	register(command{name: "import budget", summary: "cli.import_budget.summary", run: runImportBudget})
}

func runImportBudget(env *Env, args []string) error {
	f := newFlags(env, "import budget", "FILE", "cli.import_budget.about")
	year := f.Int("year", 0, "cli.flag.year")
	create := f.Bool("create-missing", false, "cli.flag.create_missing")
	dept := f.String("department", "", "cli.flag.department")
	amountCol := f.String("amount-column", "", "cli.flag.amount_column")
	encoding := f.String("encoding", "", "cli.flag.encoding")
	replace := f.Bool("replace", false, "cli.flag.replace")
	dry := f.Bool("dry-run", false, "cli.flag.dry_run")
	unitText := yuanUnitFlag(f)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.file_required"))
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	enc, err := checkEncoding(*encoding)
	if err != nil {
		return err
	}
	u, err := parseYuanUnit(*unitText)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	req := budgeting.BudgetRequest{Path: pos[0], Year: *year, CreateMissing: *create, Department: *dept, AmountColumn: *amountCol, Encoding: enc, Replace: *replace}
	var p budgeting.BudgetPreview
	if *dry {
		p, err = svc.Budgets.PreviewBudget(env.ctx, env.Actor, req)
	} else {
		p, err = svc.Budgets.ImportBudget(env.ctx, env.Actor, req)
	}
	if err != nil {
		return err
	}
	printEncoding(env, p.Encoding, enc)
	if err := printImport(env, p.Sheets, p.Warnings, p.Totals, len(p.Lines), p.Revenue, p.Expenditure, u); err != nil {
		return err
	}
	key := "cli.import_budget.done"
	if *dry {
		key = "cli.import_budget.dry"
	}
	env.printf("%s\n", i18n.T(key, "Year", p.Year, "Lines", len(p.Lines), "Depts", len(p.Totals), "New", len(p.NewDepartments)))
	return nil
}

// printImport shows an import's warnings on stderr and its per-department
// totals on stdout.
func printImport(env *Env, sheets []xlsximport.SheetReport, warnings domain.Problems, totals []masterdata.DeptTotal, lines int, revenue, expenditure money.Amount, u moneyUnit) error {
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, i18n.T("cli.warning")+i18n.Message(w))
	}
	// Each sheet's amount cells against what is imported from it: the
	// reconciliation an accountant ticks off against the workbook.
	for _, sh := range sheets {
		if sh.Used {
			env.printf("%s\n", i18n.SheetReconciled(sh.Name, sh.CellTotal, sh.Imported, sh.LeftOut, money.FormatPlain))
		}
	}
	// Revenue and expenditure stand in columns of their own: one sum of
	// both sides would mean nothing.
	var rows [][]string
	for _, t := range totals {
		name := t.Name
		if t.New {
			name += " " + i18n.T("cli.import.new_mark")
		}
		rows = append(rows, []string{t.Code, name, fmt.Sprint(t.Lines), u.format(t.Revenue), u.format(t.Expenditure)})
	}
	rows = append(rows, []string{"", i18n.T("col.total"), fmt.Sprint(lines), u.format(revenue), u.format(expenditure)})
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.lines"), u.header("col.revenue_actual_in"), u.header("col.expenditure_actual_in")}, rows)
}
