package evaluation

import (
	"math"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

func formProject() domain.Project {
	return domain.Project{ID: 7, Code: "XM2026001", Year: 2026, Name: "两癌筛查", Amount: money.FromYuan(859200),
		Funding:   domain.Funding{Fiscal: money.FromYuan(601440), Business: money.FromYuan(257760)},
		StartYear: 2026, EndYear: 2026, AnnualGoal: "完成筛查。",
		Targets: []domain.Target{
			{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "20000", Unit: "人", Direction: domain.DirHigher},
			{Category: domain.TargetQuality, Indicator: "随访率", Value: "95", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetSocial, Indicator: "早诊率", Value: "70", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetSatisfaction, Indicator: "满意度", Value: "90", Unit: "%", Direction: domain.DirHigher},
		}}
}

// formRun scores p's own scheme on actual texts by target position (and
// the execution rate in percent).
func formRun(t *testing.T, p domain.Project, rate string, actuals []string, reasons map[int]string) Run {
	t.Helper()
	sc, ok := scoring.SchemeForProject(p, scoring.DefaultProjectRules)
	if !ok {
		t.Fatal("no scheme")
	}
	texts := map[string]string{scoring.ExecutionRateCode: rate}
	rs := map[string]string{}
	for i, a := range actuals {
		code := scoring.TargetCode(p.Targets[i].Category, i+1)
		texts[code] = a
		if r, ok := reasons[i+1]; ok {
			rs[code] = r
		}
	}
	values := map[string]scoring.Value{}
	for code, a := range texts {
		v, _ := domain.TargetNumber(a)
		values[code] = scoring.Value{Actual: v, Has: true}
	}
	r := Run{Year: p.Year, Scheme: sc, Values: values, Texts: texts, Reasons: rs,
		Unit: Unit{Kind: scoring.ProjectScheme, Code: "7", Name: p.Name}}
	r.Result = scoring.Evaluate(sc, values)
	return r
}

func TestBuildSelfEvaluation(t *testing.T) {
	p := formProject()
	for _, c := range []struct {
		name      string
		rate      string
		actuals   []string
		reasons   map[int]string
		overshoot int // line index flagged, -1 none
		met       int
	}{
		{"all met", "100", []string{"20000", "95", "70", "90"}, nil, -1, 4},
		{"short and too low", "68.11", []string{"40000", "90", "70", "95"}, map[int]string{2: "失访较多，加强随访。"}, 0, 2},
	} {
		r := formRun(t, p, c.rate, c.actuals, c.reasons)
		se := BuildSelfEvaluation(r, p)
		if se.Total != scoring.Round2(r.Result.Total) {
			t.Errorf("%s: total %v, evaluation %v", c.name, se.Total, r.Result.Total)
		}
		if se.Initial != p.Amount || se.Full != p.Amount {
			t.Errorf("%s: budget %v/%v, want the project amount", c.name, se.Initial, se.Full)
		}
		rate, _ := domain.TargetNumber(c.rate)
		if se.RatePoints != 10 || math.Abs(se.Rate-rate/100) > 1e-9 || !se.RateHas {
			t.Errorf("%s: rate block %v %v", c.name, se.RatePoints, se.Rate)
		}
		if len(se.Lines) != len(p.Targets) || se.Met() != c.met {
			t.Errorf("%s: %d lines, %d met; want %d, %d", c.name, len(se.Lines), se.Met(), len(p.Targets), c.met)
		}
		sum := se.RateScore
		for i, l := range se.Lines {
			sum += l.Score
			if flagged := strings.HasPrefix(l.Reason, OvershootFlag); flagged != (i == c.overshoot) {
				t.Errorf("%s: line %d reason %q", c.name, i, l.Reason)
			}
		}
		if math.Abs(sum-r.Result.Total) > 1e-6 {
			t.Errorf("%s: lines add up to %v, total %v", c.name, sum, r.Result.Total)
		}
		if c.reasons != nil && se.Lines[1].Reason != "失访较多，加强随访。" {
			t.Errorf("%s: reason %q", c.name, se.Lines[1].Reason)
		}
		if se.Lines[0].Labels != [2]string{"产出指标", "数量指标"} || se.Lines[0].Target != "≥ 20000 人" {
			t.Errorf("%s: first line %+v", c.name, se.Lines[0])
		}
		checkSelfEvalLayout(t, c.name, se)
	}
}

// checkSelfEvalLayout finds the funds block and the total in the grid.
func checkSelfEvalLayout(t *testing.T, name string, se SelfEvaluation) {
	t.Helper()
	f := se.Layout()
	cells := map[string]workbook.FormCell{}
	for _, row := range f.Rows {
		first := ""
		for _, c := range row.Cells {
			if c.Col == 0 || (c.Col == 1 && first == "") {
				first = c.Text
			}
		}
		for _, c := range row.Cells {
			cells[first+"|"+string(rune('A'+c.Col))] = c
		}
	}
	if c := cells["年度资金总额|C"]; c.Text != "85.92" {
		t.Errorf("%s: 年初预算数 %q", name, c.Text)
	}
	if c := cells["其中：财政拨款|D"]; c.Text != "60.14" {
		t.Errorf("%s: 财政拨款 %q", name, c.Text)
	}
	if c := cells["总分|G"]; c.Text != workbook.Score(0, 1, se.Total).Text {
		t.Errorf("%s: 总分 %q, total %v", name, c.Text, se.Total)
	}
}
