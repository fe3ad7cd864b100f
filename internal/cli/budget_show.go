package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/money"
)

func init() {
	register(command{name: "budget show", summary: "cli.budget_show.summary", run: runBudgetShow})
}

type budgetLineJSON struct {
	SubjectCode string `json:"subject_code"`
	SubjectName string `json:"subject_name"`
	Kind        string `json:"kind"`
	AmountFen   int64  `json:"amount_fen"`
}

type budgetDeptJSON struct {
	Code           string           `json:"code"`
	Name           string           `json:"name"`
	NameEn         string           `json:"name_en"`
	TotalFen       int64            `json:"total_fen"`
	RevenueFen     int64            `json:"revenue_fen"`
	ExpenditureFen int64            `json:"expenditure_fen"`
	Lines          []budgetLineJSON `json:"lines"`
}

type budgetJSON struct {
	Year           int              `json:"year"`
	TotalFen       int64            `json:"total_fen"`
	RevenueFen     int64            `json:"revenue_fen"`
	ExpenditureFen int64            `json:"expenditure_fen"`
	Departments    []budgetDeptJSON `json:"departments"`
}

func runBudgetShow(env *Env, args []string) error {
	f := newFlags(env, "budget show", "", "cli.budget_show.about")
	year := f.Int("year", 0, "cli.flag.year")
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
	v, err := svc.Budgets.Show(env.ctx, env.Actor, *year)
	if err != nil {
		return err
	}
	if *asJSON {
		out := budgetJSON{Year: v.Year, TotalFen: v.Total.Fen(), RevenueFen: v.Revenue.Fen(), ExpenditureFen: v.Expenditure.Fen(), Departments: []budgetDeptJSON{}}
		for _, d := range v.Departments {
			dj := budgetDeptJSON{Code: d.Code, Name: d.Name, NameEn: d.NameEn, TotalFen: d.Total.Fen(),
				RevenueFen: d.Revenue.Fen(), ExpenditureFen: d.Expenditure.Fen(), Lines: []budgetLineJSON{}}
			for _, l := range d.Lines {
				dj.Lines = append(dj.Lines, budgetLineJSON{SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, Kind: string(l.Kind), AmountFen: l.Amount.Fen()})
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
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.revenue_budget_yuan"), i18n.T("col.expenditure_budget_yuan")}, rows)
}

// pick chooses the name for the current language.
func pick(zh, en string) string {
	if i18n.Current() == i18n.English && en != "" {
		return en
	}
	return zh
}
