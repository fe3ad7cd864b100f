package cli

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget show", summary: "cli.budget_show.summary", run: runBudgetShow})
}

// budgetJSON is the approved budget. Revenue and expenditure are never
// added together: balance_fen is revenue minus expenditure (收支差额),
// negative for a deficit.
type budgetJSON struct {
	Year           int        `json:"year"`
	RevenueFen     int64      `json:"revenue_fen"`
	ExpenditureFen int64      `json:"expenditure_fen"`
	BalanceFen     int64      `json:"balance_fen"`
	Deficit        bool       `json:"deficit"`
	Departments    []deptJSON `json:"departments"`
}

func runBudgetShow(env *Env, args []string) error {
	svc, year, _, asJSON, unit, err := amountReport(env, "budget show", "cli.budget_show.about", "", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := svc.Budgets.Show(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	warning := v.DeficitWarning()
	if warning != nil {
		fmt.Fprintln(env.Stderr, i18n.T("cli.warning")+i18n.Message(warning))
	}
	if asJSON {
		return writeJSON(env.Stdout, budgetJSON{Year: v.Year, RevenueFen: v.Revenue.Fen(), ExpenditureFen: v.Expenditure.Fen(),
			BalanceFen: v.Balance().Fen(), Deficit: warning != nil, Departments: departmentsJSON(v.Breakdown, true)})
	}
	if err := breakdownTable(env.Stdout, v.Breakdown, unit, "col.revenue_budget_in", "col.expenditure_budget_in"); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.budget_show.totals_in", "Revenue", unit.format(v.Revenue),
		"Expenditure", unit.format(v.Expenditure), "Balance", unit.format(v.Balance()), "Unit", unit.name()))
	return nil
}
