package cli

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "departments list", summary: "cli.departments.summary", run: runDepartmentsList})
}

type departmentJSON struct {
	Code        string  `json:"code"`
	Name        string  `json:"name"`
	NameEn      string  `json:"name_en"`
	Type        string  `json:"type"`
	Headcount   int     `json:"headcount"`
	Coefficient float64 `json:"coefficient"`
}

func runDepartmentsList(env *Env, args []string) error {
	f := newFlags(env, "departments list", "", "cli.departments.summary")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	depts, err := svc.Master.Departments(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Departments []departmentJSON `json:"departments"`
		}{Departments: []departmentJSON{}}
		for _, d := range depts {
			out.Departments = append(out.Departments, departmentJSON{Code: d.Code, Name: d.Name, NameEn: d.NameEn,
				Type: string(d.Type), Headcount: d.Headcount, Coefficient: d.Coefficient()})
		}
		return writeJSON(env.Stdout, out)
	}
	lang := i18n.Current()
	var rows [][]string
	for _, d := range depts {
		rows = append(rows, []string{d.Code, d.DisplayName(lang), i18n.T("dept.type." + string(d.Type)),
			fmt.Sprint(d.Headcount), fmt.Sprintf("%.3f", d.Coefficient())})
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.type"),
		i18n.T("col.headcount"), i18n.T("col.coefficient")}, rows)
}
