package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

func init() {
	register(command{name: "budget projects", summary: "cli.budget_projects.summary", run: runBudgetProjects})
}

// projectsJSON is the contract of `budget projects --json`: each project
// with its funding split and its performance target table.
type projectsJSON struct {
	Year     int           `json:"year"`
	Projects []projectJSON `json:"projects"`
}

type projectJSON struct {
	Code           string       `json:"code"`
	Name           string       `json:"name"`
	Department     string       `json:"department"`
	DepartmentName string       `json:"department_name"`
	Type           string       `json:"type"`
	Attribute      string       `json:"attribute"`
	Responsible    string       `json:"responsible"`
	StartYear      int          `json:"start_year"`
	EndYear        int          `json:"end_year"`
	AmountFen      int64        `json:"amount_fen"`
	Funding        fundingJSON  `json:"funding"`
	LongTermGoal   string       `json:"long_term_goal"`
	AnnualGoal     string       `json:"annual_goal"`
	Targets        []targetJSON `json:"targets"`
}

type fundingJSON struct {
	FiscalFen    int64 `json:"fiscal_fen"`
	BusinessFen  int64 `json:"business_fen"`
	CarryoverFen int64 `json:"carryover_fen"`
	OtherFen     int64 `json:"other_fen"`
}

type targetJSON struct {
	Dimension string `json:"dimension"`
	Category  string `json:"category"`
	Name      string `json:"name"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Direction string `json:"direction"`
}

// runBudgetProjects lists year's project budgets with their funding and
// target tables, of one department with --department; a department head
// sees only their own departments'.
func runBudgetProjects(env *Env, args []string) error {
	f := newFlags(env, "budget projects", "", "cli.budget_projects.about")
	year := f.Int("year", 0, "cli.flag.year")
	dept := f.String("department", "", "cli.flag.department_code")
	asJSON := f.Bool("json", false, "cli.flag.json")
	unitText := yuanUnitFlag(f)
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
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
	ps, err := svc.Budgets.Projects(env.ctx, env.Actor, *year, strings.TrimSpace(*dept))
	if err != nil {
		return err
	}
	names, err := deptNames(env, svc)
	if err != nil {
		return err
	}
	out := projectsJSON{Year: *year, Projects: []projectJSON{}}
	for _, p := range ps {
		out.Projects = append(out.Projects, projectOut(p, names[p.DeptCode]))
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return projectsText(env, ps, names, u)
}

func projectOut(p domain.Project, dept domain.Department) projectJSON {
	o := projectJSON{Code: p.Code, Name: p.Name, Department: p.DeptCode, DepartmentName: dept.Name, Type: string(p.Type),
		Attribute: string(p.Attribute), Responsible: p.Responsible, StartYear: p.StartYear, EndYear: p.EndYear,
		AmountFen: p.Amount.Fen(), LongTermGoal: p.LongTermGoal, AnnualGoal: p.AnnualGoal, Targets: []targetJSON{},
		Funding: fundingJSON{FiscalFen: p.Funding.Fiscal.Fen(), BusinessFen: p.Funding.Business.Fen(),
			CarryoverFen: p.Funding.Carryover.Fen(), OtherFen: p.Funding.Other.Fen()}}
	for _, t := range p.Targets {
		o.Targets = append(o.Targets, targetJSON{Dimension: string(t.Category.Dimension()), Category: string(t.Category),
			Name: t.Indicator, Value: t.Value, Unit: t.Unit, Direction: string(t.Direction)})
	}
	return o
}

// projectsText prints one block per project: its line, its funding and
// its targets.
func projectsText(env *Env, ps []domain.Project, names map[string]domain.Department, u moneyUnit) error {
	if len(ps) == 0 {
		env.printf("%s\n", i18n.T("cli.budget_projects.none"))
		return nil
	}
	for _, p := range ps {
		f := p.Funding
		env.printf("%s  %s  %s  %s %s\n", p.Code, p.Name, i18n.PickName(i18n.Current(), names[p.DeptCode].Name, names[p.DeptCode].NameEn),
			u.format(p.Amount), u.name())
		env.printf("  %s\n", i18n.T("cli.budget_projects.funding_in", "Fiscal", u.format(f.Fiscal), "Business", u.format(f.Business),
			"Carryover", u.format(f.Carryover), "Other", u.format(f.Other), "Unit", u.name()))
		rows := [][]string{}
		for _, t := range p.Targets {
			rows = append(rows, []string{i18n.T("target.category." + string(t.Category)), t.Indicator,
				i18n.T("target.direction." + string(t.Direction)), t.Value, t.Unit})
		}
		if err := table(env.Stdout, []string{i18n.T("col.category"), i18n.T("col.indicator"), i18n.T("col.direction"),
			i18n.T("col.target"), i18n.T("col.unit")}, rows); err != nil {
			return err
		}
		env.printf("\n")
	}
	return nil
}

// deptNames maps department codes to the departments.
func deptNames(env *Env, svc *services.Services) (map[string]domain.Department, error) {
	ds, err := svc.Master.Departments(env.ctx, env.Actor)
	if err != nil {
		return nil, err
	}
	out := map[string]domain.Department{}
	for _, d := range ds {
		out[d.Code] = d
	}
	return out, nil
}
