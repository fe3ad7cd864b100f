package cli

func init() {
	register(command{name: "budget show", summary: "cli.budget_show.summary", run: runBudgetShow})
}

type budgetJSON struct {
	Year           int        `json:"year"`
	TotalFen       int64      `json:"total_fen"`
	RevenueFen     int64      `json:"revenue_fen"`
	ExpenditureFen int64      `json:"expenditure_fen"`
	Departments    []deptJSON `json:"departments"`
}

func runBudgetShow(env *Env, args []string) error {
	svc, year, asJSON, err := yearReport(env, "budget show", "cli.budget_show.about", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := svc.Budgets.Show(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, budgetJSON{Year: v.Year, TotalFen: v.Total().Fen(), RevenueFen: v.Revenue.Fen(),
			ExpenditureFen: v.Expenditure.Fen(), Departments: departmentsJSON(v.Breakdown, true)})
	}
	return breakdownTable(env.Stdout, v.Breakdown, "col.revenue_budget_yuan", "col.expenditure_budget_yuan")
}
