package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/money"
)

func init() {
	register(command{name: "actuals show", summary: "cli.actuals_show.summary", run: runActualsShow})
}

type actualLineJSON struct {
	SubjectCode string `json:"subject_code"`
	SubjectName string `json:"subject_name"`
	Kind        string `json:"kind"`
	AmountFen   int64  `json:"amount_fen"`
}

type actualDeptJSON struct {
	Code           string           `json:"code"`
	Name           string           `json:"name"`
	NameEn         string           `json:"name_en"`
	RevenueFen     int64            `json:"revenue_fen"`
	ExpenditureFen int64            `json:"expenditure_fen"`
	Lines          []actualLineJSON `json:"lines"`
}

type actualsJSON struct {
	Year           int              `json:"year"`
	Month          int              `json:"month,omitempty"`
	RevenueFen     int64            `json:"revenue_fen"`
	ExpenditureFen int64            `json:"expenditure_fen"`
	Departments    []actualDeptJSON `json:"departments"`
}

func runActualsShow(env *Env, args []string) error {
	f := newFlags(env, "actuals show", "", "cli.actuals_show.about")
	year := f.Int("year", 0, "cli.flag.year")
	month := f.Int("month", 0, "cli.flag.month_through")
	asJSON := f.Bool("json", false, "cli.flag.json")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if err := noPositional(pos); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	v, err := svc.Monitor.Actuals(env.ctx, env.Actor, *year, *month)
	if err != nil {
		return err
	}
	if *asJSON {
		out := actualsJSON{Year: v.Year, Month: v.Month, RevenueFen: v.Revenue.Fen(), ExpenditureFen: v.Expenditure.Fen(), Departments: []actualDeptJSON{}}
		for _, d := range v.Departments {
			dj := actualDeptJSON{Code: d.Code, Name: d.Name, NameEn: d.NameEn, RevenueFen: d.Revenue.Fen(), ExpenditureFen: d.Expenditure.Fen(), Lines: []actualLineJSON{}}
			for _, l := range d.Lines {
				dj.Lines = append(dj.Lines, actualLineJSON{SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, Kind: string(l.Kind), AmountFen: l.Amount.Fen()})
			}
			out.Departments = append(out.Departments, dj)
		}
		return writeJSON(env.Stdout, out)
	}
	var rows [][]string
	for _, d := range v.Departments {
		rows = append(rows, []string{d.Code, pick(d.Name, d.NameEn), money.FormatPlain(d.Revenue), money.FormatPlain(d.Expenditure)})
	}
	rows = append(rows, []string{"", i18n.T("col.total"), money.FormatPlain(v.Revenue), money.FormatPlain(v.Expenditure)})
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.revenue_actual_yuan"), i18n.T("col.expenditure_actual_yuan")}, rows)
}
