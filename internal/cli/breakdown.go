package cli

import (
	"io"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// lineJSON is one subject of a department in budget and actuals output.
type lineJSON struct {
	SubjectCode string `json:"subject_code"`
	SubjectName string `json:"subject_name"`
	Kind        string `json:"kind"`
	AmountFen   int64  `json:"amount_fen"`
}

// deptJSON is one department in budget and actuals output. balance_fen
// (revenue minus expenditure) is part of the budget contract only.
type deptJSON struct {
	Code           string     `json:"code"`
	Name           string     `json:"name"`
	NameEn         string     `json:"name_en"`
	RevenueFen     int64      `json:"revenue_fen"`
	ExpenditureFen int64      `json:"expenditure_fen"`
	BalanceFen     *int64     `json:"balance_fen,omitempty"`
	Lines          []lineJSON `json:"lines"`
}

func departmentsJSON(b domain.Breakdown, withBalance bool) []deptJSON {
	out := []deptJSON{}
	for _, d := range b.Departments {
		dj := deptJSON{Code: d.Code, Name: d.Name, NameEn: d.NameEn, RevenueFen: d.Revenue.Fen(), ExpenditureFen: d.Expenditure.Fen(), Lines: []lineJSON{}}
		if withBalance {
			bal := d.Balance().Fen()
			dj.BalanceFen = &bal
		}
		for _, l := range d.Lines {
			dj.Lines = append(dj.Lines, lineJSON{SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, Kind: string(l.Kind), AmountFen: l.Amount.Fen()})
		}
		out = append(out, dj)
	}
	return out
}

// breakdownTable prints revenue and expenditure per department with a total row.
// The headers are keys with the unit as {{.Unit}}.
func breakdownTable(w io.Writer, b domain.Breakdown, u moneyUnit, revenueHeader, expenditureHeader string) error {
	var rows [][]string
	for _, d := range b.Departments {
		rows = append(rows, []string{d.Code, pick(d.Name, d.NameEn), u.format(d.Revenue), u.format(d.Expenditure)})
	}
	rows = append(rows, []string{"", i18n.T("col.total"), u.format(b.Revenue), u.format(b.Expenditure)})
	return table(w, []string{i18n.T("col.code"), i18n.T("col.department"), u.header(revenueHeader), u.header(expenditureHeader)}, rows)
}

// pick chooses the name for the current language.
func pick(zh, en string) string {
	if i18n.Current() == i18n.English && en != "" {
		return en
	}
	return zh
}
