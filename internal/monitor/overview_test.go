package monitor

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

func TestPaceOf(t *testing.T) {
	cases := []struct {
		ratio float64
		want  Pace
	}{
		{0, Behind}, {0.899, Behind}, {0.9, OnTrack}, {1.0, OnTrack}, {1.1, OnTrack}, {1.1001, Ahead}, {3, Ahead},
	}
	for _, c := range cases {
		if got := PaceOf(c.ratio); got != c.want {
			t.Errorf("PaceOf(%v) = %s, want %s", c.ratio, got, c.want)
		}
	}
}

func TestTimeProgress(t *testing.T) {
	for m, want := range map[int]float64{0: 0, 3: 0.25, 9: 0.75, 12: 1} {
		if got := TimeProgress(m); got != want {
			t.Errorf("TimeProgress(%d) = %v, want %v", m, got, want)
		}
	}
}

func TestBuildAtMonthNine(t *testing.T) {
	depts := []domain.Department{{Code: "000"}, {Code: "101", Name: "产科"}, {Code: "102", Name: "儿科"}, {Code: "103", Name: "无预算"}, {Code: "201", Name: "检验科"}}
	exp, rev := domain.Expenditure, domain.Revenue
	budget := Amounts{
		"101": {exp: money.FromYuan(1000), rev: money.FromYuan(5000)},
		"102": {exp: money.FromYuan(1000)},
		"201": {exp: money.FromYuan(2000)},
	}
	actual := Amounts{
		"101": {exp: money.FromYuan(500), rev: money.FromYuan(3000)}, // 50% at 75%: ratio 0.667
		"102": {exp: money.FromYuan(900)},                            // 90%: ratio 1.2
		"201": {exp: money.FromYuan(1500)},                           // 75%: ratio 1.0
	}
	o := Build(2026, 9, depts, budget, actual)
	if len(o.Departments) != 3 {
		t.Fatalf("%d departments, want the 3 with figures", len(o.Departments))
	}
	if o.Expenditure.Budget != money.FromYuan(4000) || o.Expenditure.Actual != money.FromYuan(2900) {
		t.Errorf("expenditure %+v", o.Expenditure)
	}
	if o.Revenue.Rate() != 0.6 {
		t.Errorf("revenue rate %v", o.Revenue.Rate())
	}
	if math.Abs(o.Ratio()-0.725/0.75) > 1e-12 {
		t.Errorf("hospital ratio %v", o.Ratio())
	}
	behind, ahead := o.FurthestBehind(5), o.FurthestAhead(5)
	if len(behind) != 1 || behind[0].Code != "101" {
		t.Errorf("behind %+v", behind)
	}
	if len(ahead) != 1 || ahead[0].Code != "102" {
		t.Errorf("ahead %+v", ahead)
	}
	if p := o.Departments[2].Pace; p != OnTrack {
		t.Errorf("检验科 pace %s", p)
	}
}

func TestBuildWithoutActuals(t *testing.T) {
	o := Build(2026, 0, []domain.Department{{Code: "101"}}, Amounts{"101": {domain.Expenditure: 100}}, Amounts{})
	if o.TimeProgress != 0 || o.Ratio() != 0 || o.Departments[0].Pace != NoPlan {
		t.Errorf("no actuals: %+v", o)
	}
	if len(o.FurthestBehind(3)) != 0 {
		t.Error("a department is behind before the year has begun")
	}
}

func TestMergeSubjects(t *testing.T) {
	budget := domain.DeptBreakdown{Lines: []domain.SubjectLine{
		{SubjectCode: "4101010101", Kind: domain.Revenue, Amount: 500},
		{SubjectCode: "30201", Kind: domain.Expenditure, Amount: 100},
		{SubjectCode: "30211", Kind: domain.Expenditure, Amount: 50},
	}}
	actual := domain.DeptBreakdown{Lines: []domain.SubjectLine{
		{SubjectCode: "30201", Kind: domain.Expenditure, Amount: 80},
		{SubjectCode: "30299", Kind: domain.Expenditure, Amount: 7}, // spent without a budget
	}}
	got := MergeSubjects(budget, actual)
	want := []struct {
		code           string
		budget, actual money.Amount
	}{{"30201", 100, 80}, {"30211", 50, 0}, {"30299", 0, 7}, {"4101010101", 500, 0}}
	if len(got) != len(want) {
		t.Fatalf("got %d subjects: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].SubjectCode != w.code || got[i].Budget != w.budget || got[i].Actual != w.actual {
			t.Errorf("row %d = %s %d/%d, want %s %d/%d", i, got[i].SubjectCode, got[i].Budget, got[i].Actual, w.code, w.budget, w.actual)
		}
	}
}
