package cli

func init() {
	register(command{name: "actuals show", summary: "cli.actuals_show.summary", run: runActualsShow})
}

type actualsJSON struct {
	Year           int        `json:"year"`
	Month          int        `json:"month,omitempty"`
	RevenueFen     int64      `json:"revenue_fen"`
	ExpenditureFen int64      `json:"expenditure_fen"`
	Departments    []deptJSON `json:"departments"`
}

func runActualsShow(env *Env, args []string) error {
	svc, year, month, asJSON, unit, err := amountReport(env, "actuals show", "cli.actuals_show.about", "cli.flag.month_through", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := svc.Execution.Actuals(env.ctx, env.Actor, year, month)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, actualsJSON{Year: v.Year, Month: v.Month, RevenueFen: v.Revenue.Fen(),
			ExpenditureFen: v.Expenditure.Fen(), Departments: departmentsJSON(v.Breakdown, false)})
	}
	return breakdownTable(env.Stdout, v.Breakdown, unit, "col.revenue_actual_in", "col.expenditure_actual_in")
}
