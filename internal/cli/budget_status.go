package cli

import (
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
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
	// ControlTotalFen is the expenditure control figure issued, if any.
	ControlTotalFen *int64 `json:"control_total_fen,omitempty"`
	// Comment is what was written with the step that brought the
	// department to its state (a return's reasons, a control figure's note).
	Comment string `json:"comment,omitempty"`
}

func runBudgetStatus(env *Env, args []string) error {
	f := newFlags(env, "budget status", "", "cli.budget_status.about")
	y := f.Int("year", 0, "cli.flag.year_optional")
	j := f.Bool("json", false, "cli.flag.json")
	unitText := yuanUnitFlag(f)
	if err := f.parseNone(args); err != nil {
		return err
	}
	u, err := parseYuanUnit(*unitText)
	if err != nil {
		return err
	}
	if *y != 0 {
		if err := requireYear(*y); err != nil {
			return err
		}
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	year, asJSON := *y, *j
	if year == 0 {
		return budgetYears(env, svc, asJSON)
	}
	return cycleStatus(env, svc, year, asJSON, u)
}

// cycleStatus prints where each department of year's cycle stands, with
// the comment of its last step and its control figure in unit u.
func cycleStatus(env *Env, svc *services.Services, year int, asJSON bool, u moneyUnit) error {
	st, err := svc.Budgets.Status(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	if !st.Opened && !st.ApprovedBudget {
		return domain.NewProblem("problem.prep.no_cycle", "The {{.Year}} budget preparation has not been opened. Open the {{.Year}} cycle first (budgetperf budget cycle start --year {{.Year}}).", "Year", year)
	}
	comments, err := stepComments(env, svc, year, st.Opened)
	if err != nil {
		return err
	}
	out := statusJSON{Year: st.Year, Locked: st.Locked() || st.ApprovedBudget && !st.Opened, Departments: []deptStatusJSON{}}
	rows := [][]string{}
	for _, d := range st.Departments {
		at := ""
		if !d.UpdatedAt.IsZero() {
			at = d.UpdatedAt.Format(time.RFC3339)
		}
		shown := "" // the table shows local time as the window does; JSON keeps RFC 3339
		if !d.UpdatedAt.IsZero() {
			shown = i18n.Time(d.UpdatedAt)
		}
		dj := deptStatusJSON{Code: d.DeptCode, Name: d.DeptName, State: string(d.State), UpdatedAt: at, Comment: comments[d.DeptCode]}
		control := ""
		if d.ControlTotal != nil {
			fen := d.ControlTotal.Fen()
			dj.ControlTotalFen, control = &fen, u.format(*d.ControlTotal)
		}
		out.Departments = append(out.Departments, dj)
		name := d.DeptName
		if i18n.Current() == i18n.English && d.DeptNameEn != "" {
			name = d.DeptNameEn
		}
		rows = append(rows, []string{d.DeptCode, name, i18n.T("prep.state." + string(d.State)), shown, control, dj.Comment})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.state"), i18n.T("col.updated_at"),
		u.header("col.control_in"), i18n.T("col.comment")}, rows)
}

// stepComments is, per department of year's cycle, the comment of the
// step that brought it to where it stands (empty without a cycle).
func stepComments(env *Env, svc *services.Services, year int, opened bool) (map[string]string, error) {
	out := map[string]string{}
	if !opened {
		return out, nil
	}
	steps, err := svc.Budgets.History(env.ctx, env.Actor, year, "")
	for _, s := range steps {
		out[s.DeptCode] = s.Comment
	}
	return out, err
}

type yearsStatusJSON struct {
	Years []yearStatusJSON `json:"years"`
}

type yearStatusJSON struct {
	Year           int            `json:"year"`
	ApprovedBudget bool           `json:"approved_budget"`
	Preparation    string         `json:"preparation"` // none, in_progress or approved
	Departments    int            `json:"departments"`
	States         map[string]int `json:"states"`
}

// prepText names a value of the preparation column.
func prepText(p string) string {
	switch p {
	case "in_progress":
		return i18n.T("cli.budget_status.prep_in_progress")
	case "approved":
		return i18n.T("cli.budget_status.prep_approved")
	}
	return i18n.T("cli.budget_status.prep_none")
}

// budgetYears prints every year's standing: approved, or its preparation
// cycle in progress with the departments at each state.
func budgetYears(env *Env, svc *services.Services, asJSON bool) error {
	ys, err := svc.Budgets.Overview(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	out := yearsStatusJSON{Years: []yearStatusJSON{}}
	rows := [][]string{}
	for _, o := range ys {
		y := yearStatusJSON{Year: o.Year, ApprovedBudget: o.ApprovedBudget, Preparation: "none", Departments: o.Total, States: map[string]int{}}
		switch {
		case o.Opened && o.Locked:
			y.Preparation = "approved"
		case o.Opened:
			y.Preparation = "in_progress"
		}
		var parts []string
		for _, st := range domain.PrepStates {
			if n := o.States[st]; n > 0 && o.Opened {
				y.States[string(st)] = n
				parts = append(parts, i18n.T("cli.budget_status.count", "State", i18n.T("prep.state."+string(st)), "Count", n))
			}
		}
		out.Years = append(out.Years, y)
		budget := i18n.T("cli.budget_status.no_budget")
		if o.ApprovedBudget {
			budget = i18n.T("cli.budget_status.approved")
		}
		rows = append(rows, []string{strconv.Itoa(o.Year), budget, prepText(y.Preparation), strings.Join(parts, i18n.T("list.sep"))})
	}
	if asJSON {
		return writeJSON(env.Stdout, out)
	}
	if len(rows) == 0 {
		return domain.NewProblem("problem.budget.no_years", "There is no budget yet: import an approved budget or open a preparation cycle in Budget preparation.")
	}
	return table(env.Stdout, []string{i18n.T("col.year"), i18n.T("col.budget"), i18n.T("col.preparation"), i18n.T("col.prep_progress")}, rows)
}
