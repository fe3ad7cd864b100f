// Package masterdata serves departments and the subject catalogue, and the
// department mapping the budget and actuals imports share
// (import_departments.go).
package masterdata

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// BuiltInSubjects is the catalogue shipped with the product: the economic
// classification of expenditure and the hospital's revenue and expense
// items, ordered so that every parent comes before its children.
func BuiltInSubjects() ([]domain.Subject, error) {
	econ, err := readCSV(assets.ExpenditureClassificationCSV(), "expenditure-economic-classification.csv",
		[]string{"code", "name_zh", "name_en", "parent"})
	if err != nil {
		return nil, err
	}
	var out []domain.Subject
	for _, r := range econ {
		out = append(out, domain.Subject{Code: r["code"], Name: r["name_zh"], NameEn: r["name_en"], Parent: r["parent"],
			Kind: domain.Expenditure, Origin: "classification"})
	}
	items, err := readCSV(assets.HospitalItemsCSV(), "hospital-revenue-expense-items.csv",
		[]string{"code", "name_zh", "name_en", "parent", "kind", "code_origin"})
	if err != nil {
		return nil, err
	}
	for _, r := range items {
		kind := domain.Expenditure
		if r["kind"] == "revenue" {
			kind = domain.Revenue
		}
		out = append(out, domain.Subject{Code: r["code"], Name: r["name_zh"], NameEn: r["name_en"], Parent: r["parent"],
			Kind: kind, Origin: r["code_origin"]})
	}
	// Parents are shorter codes than their children.
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Code) != len(out[j].Code) {
			return len(out[i].Code) < len(out[j].Code)
		}
		return out[i].Code < out[j].Code
	})
	return out, nil
}

func readCSV(data []byte, name string, want []string) ([]map[string]string, error) {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("catalogue %s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("catalogue %s is empty", name)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("catalogue %s has no column %q", name, w)
		}
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for _, w := range want {
			row[w] = rec[col[w]]
		}
		out = append(out, row)
	}
	return out, nil
}
