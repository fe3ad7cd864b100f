package cli

import (
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget status", summary: "cli.budget_status.summary", run: runBudgetStatus})
}

type statusJSON struct {
	Year        int              `json:"year"`
	Locked      bool             `json:"locked"`
	Departments []deptStatusJSON `json:"departments"`
}

type deptStatusJSON struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	State     string `json:"state"`
	UpdatedAt string `json:"updated_at"`
}

func runBudgetStatus(env *Env, args []string) error {
	svc, year, asJSON, err := yearReport(env, "budget status", "cli.budget_status.about", args)
	if err != nil {
		return err
	}
	defer svc.Close()
	st, err := svc.Budgets.Status(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	if !st.Opened && !st.ApprovedBudget {
		return domain.NewProblem("problem.prep.no_cycle", "The {{.Year}} budget preparation has not been opened. Open the {{.Year}} cycle in Budget preparation first.", "Year", year)
	}
	out := statusJSON{Year: st.Year, Locked: st.Locked() || st.ApprovedBudget && !st.Opened, Departments: []deptStatusJSON{}}
	rows := [][]string{}
	for _, d := range st.Departments {
		at := ""
		if !d.UpdatedAt.IsZero() {
			at = d.UpdatedAt.Format(time.RFC3339)
		}
		out.Departments = append(out.Departments, deptStatusJSON{Code: d.DeptCode, Name: d.DeptName, State: string(d.State), UpdatedAt: at})
		name := d.DeptName
		if i18n.Current() == i18n.English && d.DeptNameEn != "" {
			name = d.DeptNameEn
		}
		rows = append(rows, []string{d.DeptCode, name, i18n.T("prep.state." + string(d.State)), at})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.state"), i18n.T("col.updated_at")}, rows)
}
