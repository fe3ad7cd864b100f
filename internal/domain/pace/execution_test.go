package pace

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func months(v ...int64) domain.Months {
	var m domain.Months
	for i, x := range v {
		m[i] = yuan(x)
	}
	return m
}

func even(annual int64) domain.Months { return domain.SplitEven(yuan(annual)) }

func TestComputeAtMonthNine(t *testing.T) {
	depts := []domain.Department{{Code: "101", Name: "产科"}, {Code: "102", Name: "儿科"}, {Code: "103", Name: "无数据"}, {Code: "201", Name: "检验科"}}
	subjects := []domain.Subject{{Code: "30201", Name: "办公费", Kind: domain.Expenditure}, {Code: "30218", Name: "专用材料费", Kind: domain.Expenditure},
		{Code: "4101010101", Name: "挂号收入", Kind: domain.Revenue}}
	cells := []Cell{
		// 产科: spent 50% of the budget at 75% time progress: behind, red.
		{DeptCode: "101", SubjectCode: "30201", Budget: yuan(1200), Plan: even(1200), Actual: months(50, 50, 50, 50, 50, 50, 50, 50, 200)},
		{DeptCode: "101", SubjectCode: "4101010101", Budget: yuan(2400), Plan: even(2400), Actual: months(200, 200, 200, 200, 200, 200, 200, 200, 200)},
		// 儿科: over its annual budget by month 9, with a refund in March.
		{DeptCode: "102", SubjectCode: "30218", Budget: yuan(1200), Plan: even(1200), Actual: months(300, 300, -100, 300, 200, 100, 100, 100, 100)},
		// 儿科 spends on a line that has no budget.
		{DeptCode: "102", SubjectCode: "30201", Actual: months(0, 0, 0, 0, 0, 0, 0, 0, 30)},
		// 检验科: budget adjusted mid-year from 1200 to 1800; the plan was
		// re-split, actual on plan. October to December not closed.
		{DeptCode: "201", SubjectCode: "30218", Budget: yuan(1800), Plan: even(1800), Actual: months(150, 150, 150, 150, 150, 150, 150, 150, 150, 999, 999, 999)},
	}
	ex := Compute(2026, 9, DefaultThresholds, depts, subjects, cells)
	if ex.TimeProgress != 0.75 || len(ex.Departments) != 3 {
		t.Fatalf("time progress %v, %d departments", ex.TimeProgress, len(ex.Departments))
	}
	tot := ex.Total.Expenditure
	if tot.Budget != yuan(4200) || tot.PlanToDate != yuan(3150) || tot.Actual != yuan(600+1400+30+1350) {
		t.Errorf("hospital expenditure %+v", tot.Measure)
	}
	if ex.Total.Revenue.Actual != yuan(1800) || ex.Total.Revenue.Status != StatusNormal {
		t.Errorf("hospital revenue %+v", ex.Total.Revenue)
	}
	d101, _ := ex.Department("101")
	if d101.Expenditure.Pace != Behind || d101.Expenditure.Status != StatusLagging || math.Abs(d101.Expenditure.Ratio-0.5/0.75) > 1e-9 {
		t.Errorf("产科 %+v", d101.Expenditure)
	}
	if len(d101.Subjects) != 2 || d101.Subjects[0].Kind != domain.Expenditure {
		t.Errorf("产科 subjects %+v", d101.Subjects)
	}
	d201, _ := ex.Department("201")
	if d201.Expenditure.Status != StatusNormal || d201.Expenditure.Pace != OnTrack || d201.Expenditure.Actual != yuan(1350) {
		t.Errorf("检验科 after the adjustment %+v", d201.Expenditure)
	}
	kinds := map[AlertKind]int{}
	for _, a := range ex.Alerts {
		kinds[a.Kind]++
	}
	// 产科 is behind time progress and under plan beyond the band: one
	// alert, the red 滞后预警, not a second amber one for its pace.
	if kinds[AlertDeptLagging] != 1 || kinds[AlertDeptBehind] != 0 || kinds[AlertOverBudget] != 1 || kinds[AlertUnbudgeted] != 1 {
		t.Errorf("alerts %v", kinds)
	}
	if ex.Alerts[0].Severity != Red || ex.Alerts[len(ex.Alerts)-1].Kind != AlertUnbudgeted {
		t.Errorf("alerts are not red first: %+v", ex.Alerts)
	}
	rates, ok := d101.Deviation(domain.Expenditure, ex.Month)
	if !ok[0] || math.Abs(rates[0]-(-0.5)) > 1e-9 || ok[9] {
		t.Errorf("产科 deviation by month %v %v", rates, ok)
	}
	if got := ex.FurthestBehind(5); len(got) != 1 || got[0].Code != "101" {
		t.Errorf("furthest behind %v", got)
	}
}

func TestComputeBeforeAnyActuals(t *testing.T) {
	ex := Compute(2027, 0, DefaultThresholds, []domain.Department{{Code: "101"}}, nil,
		[]Cell{{DeptCode: "101", SubjectCode: "30201", Budget: yuan(1200), Plan: even(1200)}})
	d := ex.Departments[0].Expenditure
	if d.PlanToDate != 0 || d.Actual != 0 || d.Status != StatusNormal || d.Pace != NoPlan || len(ex.Alerts) != 0 {
		t.Errorf("month 0: %+v, alerts %v", d, ex.Alerts)
	}
}

func TestCumulative(t *testing.T) {
	c := Monthly{Plan: even(1200), Actual: months(10, 20, 30)}.Cumulative()
	if c.Plan[11] != yuan(1200) || c.Actual[2] != yuan(60) || c.Actual[11] != yuan(60) || c.Plan[0] != money.FromYuan(100) {
		t.Errorf("cumulative %+v", c)
	}
}
