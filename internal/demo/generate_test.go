package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

const testYear = 2026

// catalogue maps every subject code of the shipped catalogues to its kind
// ("expenditure" for the economic classification, the CSV's kind column for
// the hospital items).
func catalogue(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	read := func(data []byte, kindCol string) {
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		for _, rec := range recs[1:] {
			kind := "expenditure"
			if kindCol != "" {
				kind = rec[col[kindCol]]
			}
			out[rec[col["code"]]] = kind
		}
	}
	read(assets.ExpenditureClassificationCSV(), "")
	read(assets.HospitalItemsCSV(), "kind")
	if len(out) < 100 {
		t.Fatalf("catalogue has only %d codes", len(out))
	}
	return out
}

func isLeaf(cat map[string]string, code string) bool {
	for c := range cat {
		if c != code && strings.HasPrefix(c, code) {
			return false
		}
	}
	return true
}

// figures are budget and actual of one kind.
type figures struct{ budget, actual money.Amount }

func (f figures) rate() float64 {
	if f.budget == 0 {
		return 0
	}
	return float64(f.actual) / float64(f.budget)
}

// deptTotals sums year's budget and its actuals through month per department
// and kind ("expenditure" or "revenue").
func deptTotals(t *testing.T, ds Dataset, year, month int) map[string]map[string]*figures {
	t.Helper()
	cat := catalogue(t)
	out := map[string]map[string]*figures{}
	get := func(dept, subject string) *figures {
		if out[dept] == nil {
			out[dept] = map[string]*figures{"expenditure": {}, "revenue": {}}
		}
		f := out[dept][cat[subject]]
		if f == nil {
			t.Fatalf("subject %s has kind %q", subject, cat[subject])
		}
		return f
	}
	for _, b := range ds.Budgets {
		if b.Year != year {
			continue
		}
		for _, l := range b.Lines {
			f := get(l.DeptCode, l.SubjectCode)
			f.budget += l.Amount
		}
	}
	for _, a := range ds.Actuals {
		if a.Year == year && a.Month <= month {
			f := get(a.DeptCode, a.SubjectCode)
			f.actual += a.Amount
		}
	}
	return out
}

// lineRate is the execution of one budget line of year through month.
func lineRate(ds Dataset, year, month int, dept, subject string) float64 {
	var f figures
	for _, b := range ds.Budgets {
		for _, l := range b.Lines {
			if b.Year == year && l.DeptCode == dept && l.SubjectCode == subject {
				f.budget += l.Amount
			}
		}
	}
	for _, a := range ds.Actuals {
		if a.Year == year && a.Month <= month && a.DeptCode == dept && a.SubjectCode == subject {
			f.actual += a.Amount
		}
	}
	return f.rate()
}

func hospitalTotal(m map[string]map[string]*figures, kind string) figures {
	var f figures
	for _, d := range m {
		f.budget += d[kind].budget
		f.actual += d[kind].actual
	}
	return f
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(testYear), Generate(testYear)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Generate(2026) differs between two calls")
	}
	if fmt.Sprintf("%#v", a) != fmt.Sprintf("%#v", b) {
		t.Fatal("Generate(2026) prints differently between two calls")
	}
	c := Generate(testYear - 1)
	if len(a.Budgets) != len(c.Budgets) || len(a.Actuals) != len(c.Actuals) {
		t.Fatalf("2025 and 2026 differ in size: %d/%d budgets, %d/%d actuals", len(c.Budgets), len(a.Budgets), len(c.Actuals), len(a.Actuals))
	}
	for i := range a.Budgets {
		if a.Budgets[i].Year != c.Budgets[i].Year+1 {
			t.Errorf("budget %d: years %d and %d", i, c.Budgets[i].Year, a.Budgets[i].Year)
		}
		if !reflect.DeepEqual(a.Budgets[i].Lines, c.Budgets[i].Lines) {
			t.Errorf("budget %d: lines differ between 2025 and 2026", i)
		}
	}
	for i := range a.Actuals {
		x, y := a.Actuals[i], c.Actuals[i]
		if x.Year != y.Year+1 || x.Month != y.Month || x.DeptCode != y.DeptCode || x.SubjectCode != y.SubjectCode || x.Amount != y.Amount {
			t.Fatalf("actual %d differs beyond the year: %+v vs %+v", i, y, x)
		}
	}
	if !reflect.DeepEqual(a.Departments, c.Departments) {
		t.Error("departments differ between 2025 and 2026")
	}
}

func TestDepartments(t *testing.T) {
	ds := Generate(testYear)
	if n := len(ds.Departments); n < 23 || n > 28 {
		t.Errorf("%d departments, want 23–28", n)
	}
	if ds.HospitalName == "" || ds.HospitalNameEn == "" {
		t.Error("hospital name missing")
	}
	seen := map[string]bool{}
	types := map[domain.DeptType]int{}
	names := map[string]bool{}
	staff := 0
	for _, d := range ds.Departments {
		if ps := d.Validate(); len(ps) > 0 {
			t.Errorf("department %s: %v", d.Code, ps)
		}
		if d.Code == domain.HospitalWideCode {
			t.Error("demo departments include the built-in 000")
		}
		if seen[d.Code] {
			t.Errorf("department code %s twice", d.Code)
		}
		seen[d.Code] = true
		if d.NameEn == "" || d.BuiltIn {
			t.Errorf("department %s: English name %q, built-in %v", d.Code, d.NameEn, d.BuiltIn)
		}
		types[d.Type]++
		names[d.Name] = true
		staff += d.Headcount
	}
	for _, k := range domain.DeptTypes {
		if types[k] == 0 {
			t.Errorf("no %s department", k)
		}
	}
	if types[domain.PublicHealth] < 3 {
		t.Errorf("%d public-health departments, want at least 3", types[domain.PublicHealth])
	}
	for _, n := range []string{"妇女保健科", "儿童保健科", "辖区管理科"} {
		if !names[n] {
			t.Errorf("no department %s", n)
		}
	}
	if staff < 600 || staff > 800 {
		t.Errorf("total headcount %d, want 600–800", staff)
	}
}

func TestLinesUseCatalogueLeavesAndKnownDepartments(t *testing.T) {
	ds := Generate(testYear)
	cat := catalogue(t)
	depts := map[string]bool{domain.HospitalWideCode: true}
	for _, d := range ds.Departments {
		depts[d.Code] = true
	}
	check := func(what, dept, subject string) {
		t.Helper()
		kind, ok := cat[subject]
		switch {
		case !ok:
			t.Errorf("%s: subject %s is not in the catalogue", what, subject)
		case !isLeaf(cat, subject):
			t.Errorf("%s: subject %s is not a leaf", what, subject)
		case kind != "expenditure" && kind != "revenue":
			t.Errorf("%s: subject %s has kind %s", what, subject, kind)
		}
		if !depts[dept] {
			t.Errorf("%s: unknown department %q", what, dept)
		}
	}
	if len(ds.Budgets) != 2 || ds.Budgets[0].Year != testYear-1 || ds.Budgets[1].Year != testYear {
		t.Fatalf("budgets are not of %d and %d", testYear-1, testYear)
	}
	for _, b := range ds.Budgets {
		if b.Source != "demo" {
			t.Errorf("budget %d has source %q", b.Year, b.Source)
		}
		if b.ApprovedAt.Year() != b.Year-1 || b.ApprovedAt.Month() != 12 {
			t.Errorf("budget %d approved %v, want December %d", b.Year, b.ApprovedAt, b.Year-1)
		}
		keys := map[string]bool{}
		for _, l := range b.Lines {
			what := fmt.Sprintf("budget %d %s/%s", b.Year, l.DeptCode, l.SubjectCode)
			check(what, l.DeptCode, l.SubjectCode)
			if l.Amount <= 0 {
				t.Errorf("%s: amount %d fen", what, l.Amount)
			}
			if l.Amount%(100*100) != 0 {
				t.Errorf("%s: %d fen is not whole hundreds of yuan", what, l.Amount)
			}
			if keys[l.DeptCode+"/"+l.SubjectCode] {
				t.Errorf("%s twice", what)
			}
			keys[l.DeptCode+"/"+l.SubjectCode] = true
		}
	}
	odd := 0
	for _, a := range ds.Actuals {
		what := fmt.Sprintf("actual %d-%02d %s/%s", a.Year, a.Month, a.DeptCode, a.SubjectCode)
		check(what, a.DeptCode, a.SubjectCode)
		if a.Amount <= 0 {
			t.Errorf("%s: amount %d fen", what, a.Amount)
		}
		if a.Amount%2 != 0 {
			odd++
		}
		if !a.Date.IsZero() || a.Voucher != "" || a.Summary == "" || a.Source != "demo" {
			t.Errorf("%s is not a demo monthly summary: %+v", what, a)
		}
	}
	if odd == 0 {
		t.Error("no actual has an odd number of fen")
	}
}

func TestActualMonths(t *testing.T) {
	ds := Generate(testYear)
	months := map[int]map[int]bool{testYear - 1: {}, testYear: {}}
	for _, a := range ds.Actuals {
		if months[a.Year] == nil {
			t.Fatalf("actual of year %d", a.Year)
		}
		months[a.Year][a.Month] = true
	}
	for y, want := range map[int]int{testYear - 1: 12, testYear: 9} {
		if len(months[y]) != want {
			t.Errorf("%d has actuals in %d months, want %d", y, len(months[y]), want)
		}
		for m := 1; m <= want; m++ {
			if !months[y][m] {
				t.Errorf("%d has no actuals in month %d", y, m)
			}
		}
	}
}

func TestFiguresArePlausible(t *testing.T) {
	ds := Generate(testYear)
	cur := deptTotals(t, ds, testYear, 9)
	exp := hospitalTotal(cur, "expenditure")
	rev := hospitalTotal(cur, "revenue")
	if exp.budget < money.FromYuan(300_000_000) || exp.budget > money.FromYuan(450_000_000) {
		t.Errorf("current expenditure budget %d fen, want 300–450 million yuan", exp.budget)
	}
	if rev.budget < money.FromYuan(300_000_000) || rev.budget > money.FromYuan(450_000_000) {
		t.Errorf("current revenue budget %d fen, want 300–450 million yuan", rev.budget)
	}
	if r := exp.rate(); r < 0.65 || r > 0.74 {
		t.Errorf("expenditure execution at month 9 is %.1f%%, want 65–74%%", r*100)
	}
	if r := rev.rate(); r < 0.65 || r > 0.77 {
		t.Errorf("revenue execution at month 9 is %.1f%%, want 65–77%%", r*100)
	}
	prior := deptTotals(t, ds, testYear-1, 12)
	for _, kind := range []string{"expenditure", "revenue"} {
		if r := hospitalTotal(prior, kind).rate(); r < 0.90 || r > 1.02 {
			t.Errorf("prior-year %s execution is %.1f%%, want 90–102%%", kind, r*100)
		}
	}
	// The IT capital project is paid on acceptance at year end, so it is
	// far behind at month 9; wages are paid evenly.
	for _, c := range []struct {
		dept, subject string
		lo, hi        float64
	}{{"503", "31007", 0.25, 0.35}, {"502", "31003", 0.25, 0.35}, {"101", "30101", 0.70, 0.80}} {
		if r := lineRate(ds, testYear, 9, c.dept, c.subject); r < c.lo || r > c.hi {
			t.Errorf("%s/%s execution at month 9 is %.1f%%, want %.0f–%.0f%%", c.dept, c.subject, r*100, c.lo*100, c.hi*100)
		}
	}
	var behind, ahead []string
	for _, d := range ds.Departments {
		ratio := cur[d.Code]["expenditure"].rate() / 0.75
		switch {
		case ratio < 0.9:
			behind = append(behind, d.Name)
		case ratio > 1.1:
			ahead = append(ahead, d.Name)
		}
	}
	if len(behind) < 2 || len(ahead) < 2 {
		t.Errorf("behind %v, ahead %v: want at least two of each", behind, ahead)
	}
	if len(behind)+len(ahead) > len(ds.Departments)/2 {
		t.Errorf("behind %v, ahead %v: most departments should be on track", behind, ahead)
	}
}

// TestSummary prints the figures per department (go test -v -run Summary).
func TestSummary(t *testing.T) {
	ds := Generate(testYear)
	prior := deptTotals(t, ds, testYear-1, 12)
	cur := deptTotals(t, ds, testYear, 9)
	wan := func(a money.Amount) string { return fmt.Sprintf("%9.1f", float64(a)/1e6) }
	t.Logf("%s (%s): %d departments; amounts in 万元", ds.HospitalName, ds.HospitalNameEn, len(ds.Departments))
	t.Logf("%-4s %-14s %4s | %-29s | %-29s | %-32s | %s", "code", "type", "staff",
		fmt.Sprintf("%d expenditure bud/act/%%", testYear-1), fmt.Sprintf("%d revenue bud/act/%%", testYear-1),
		fmt.Sprintf("%d expenditure bud/act-M9/%%", testYear), fmt.Sprintf("%d revenue bud/act-M9/%% ratio name", testYear))
	type row struct {
		code, typ, name string
		staff           int
	}
	rows := []row{{domain.HospitalWideCode, "hospital-wide", "全院", 0}}
	for _, d := range ds.Departments {
		rows = append(rows, row{d.Code, string(d.Type), d.Name, d.Headcount})
	}
	for _, r := range rows {
		pe, pr := prior[r.code]["expenditure"], prior[r.code]["revenue"]
		ce, cr := cur[r.code]["expenditure"], cur[r.code]["revenue"]
		t.Logf("%-4s %-17s %4d | %s %s %5.1f | %s %s %5.1f | %s %s %5.1f | %s %s %5.1f %5.2f %s",
			r.code, r.typ, r.staff, wan(pe.budget), wan(pe.actual), pe.rate()*100, wan(pr.budget), wan(pr.actual), pr.rate()*100,
			wan(ce.budget), wan(ce.actual), ce.rate()*100, wan(cr.budget), wan(cr.actual), cr.rate()*100, ce.rate()/0.75, r.name)
	}
	for _, k := range []string{"expenditure", "revenue"} {
		p, c := hospitalTotal(prior, k), hospitalTotal(cur, k)
		t.Logf("total %-11s %d budget %s actual %s (%.1f%%) | %d budget %s actual to M9 %s (%.1f%%, time progress 75%%)",
			k, testYear-1, wan(p.budget), wan(p.actual), p.rate()*100, testYear, wan(c.budget), wan(c.actual), c.rate()*100)
	}
	lines := 0
	for _, b := range ds.Budgets {
		lines += len(b.Lines)
	}
	t.Logf("%d budget lines, %d actual lines", lines, len(ds.Actuals))
}
