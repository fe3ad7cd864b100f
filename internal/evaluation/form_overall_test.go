package evaluation

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Subjects add up into their top-level class across departments, revenue
// apart from expenditure, in code order.
func TestClassLines(t *testing.T) {
	subjects := []domain.Subject{
		{Code: "301", Name: "工资福利支出", Kind: domain.Expenditure}, {Code: "30101", Parent: "301", Kind: domain.Expenditure},
		{Code: "302", Name: "商品和服务支出", Kind: domain.Expenditure}, {Code: "30201", Parent: "302", Kind: domain.Expenditure},
		{Code: "4101", Name: "事业收入", Kind: domain.Revenue}, {Code: "410101", Parent: "4101", Kind: domain.Revenue},
		{Code: "41010101", Parent: "410101", Kind: domain.Revenue},
	}
	m := func(b, a int64) pace.Figures {
		return pace.Figures{Measure: pace.Measure{Budget: money.FromYuan(b), Actual: money.FromYuan(a)}}
	}
	ex := pace.Execution{Departments: []pace.DeptRow{
		{Code: "101", Subjects: []pace.SubjectRow{{Code: "30201", Kind: domain.Expenditure, Figures: m(100, 50)}, {Code: "30101", Kind: domain.Expenditure, Figures: m(300, 200)},
			{Code: "41010101", Kind: domain.Revenue, Figures: m(1000, 700)}}},
		{Code: "102", Subjects: []pace.SubjectRow{{Code: "30101", Kind: domain.Expenditure, Figures: m(200, 100)}, {Code: "9999", Kind: domain.Expenditure, Figures: m(1, 1)}}},
	}}
	rev, exp := classLines(ex, subjects)
	if len(rev) != 1 || rev[0].Code != "4101" || rev[0].Budget != money.FromYuan(1000) {
		t.Errorf("revenue %+v", rev)
	}
	want := []struct {
		code           string
		budget, actual int64
	}{{"301", 500, 300}, {"302", 100, 50}, {"9999", 1, 1}}
	if len(exp) != len(want) {
		t.Fatalf("expenditure %+v", exp)
	}
	for i, w := range want {
		if exp[i].Code != w.code || exp[i].Budget != money.FromYuan(w.budget) || exp[i].Actual != money.FromYuan(w.actual) {
			t.Errorf("class %d: %+v, want %+v", i, exp[i], w)
		}
	}
}

func TestGradeCounts(t *testing.T) {
	var g GradeCounts
	for _, gr := range []scoring.Grade{scoring.Excellent, scoring.Excellent, scoring.Fair, scoring.Unscored, scoring.Poor, scoring.Good} {
		g.add(gr)
	}
	if g != (GradeCounts{2, 1, 1, 1, 1}) || g.Total() != 6 {
		t.Errorf("counts %v total %d", g, g.Total())
	}
	o := Overall{Year: 2026, Month: 9, ExpenditureTotal: pace.Measure{Budget: 100, Actual: 50},
		Projects: []UnitResult{{Code: "XM1", Name: "设备更新", Score: 75.03, Grade: scoring.Fair}}}
	ps := overallProblems(o, 0.75)
	if len(ps) != 2 || ps[0] != "支出预算执行率50.00%，低于时间进度75.00%。" || ps[1] != "评价等级为中或差的项目：设备更新（75.03分）。" {
		t.Errorf("problems %q", ps)
	}
	if f := o.Layout(); f.Columns() != 8 || len(f.Rows) < 10 {
		t.Errorf("layout %d columns, %d rows", f.Columns(), len(f.Rows))
	}
}
