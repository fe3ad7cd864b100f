package report

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

// evaluationOf100 builds, in memory, the evaluation of 100 departments
// under the largest built-in department scheme: every indicator reported,
// one in three short of its target with a reason.
func evaluationOf100(b testing.TB) evaluationData {
	schemes, err := scoring.Templates()
	if err != nil {
		b.Fatal(err)
	}
	var sc scoring.Scheme
	size := func(s scoring.Scheme) int { return len(scoring.Evaluate(s, nil).Indicators) }
	for _, s := range schemes {
		if s.Kind == scoring.DepartmentScheme && size(s) > size(sc) {
			sc = s
		}
	}
	data := evaluationData{Year: 2025, Table: scoring.DefaultApplication, Bases: map[unitKey]money.Amount{}}
	for i := range 100 {
		code := fmt.Sprintf("%03d", 100+i)
		values := map[string]scoring.Value{}
		reasons := map[string]string{}
		for k, is := range scoring.Evaluate(sc, nil).Indicators {
			v := scoring.Value{Has: true, Actual: float64(50 + (i*7+k*13)%60), Achievement: scoring.Achieved, Occurrences: (i + k) % 3}
			values[is.Code] = v
			if (i+k)%3 == 0 {
				reasons[is.Code] = "偏差原因：实际完成低于年度目标。改进措施：下年度按月监测，偏差超10%时由科室提交说明并整改。"
			}
		}
		r := evaluation.Run{ID: int64(i + 1), Year: 2025, Scheme: sc, Finalised: true, FinalisedAt: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
			Unit:   evaluation.Unit{Kind: scoring.DepartmentScheme, Code: code, Name: fmt.Sprintf("第%d临床科室", i+1), NameEn: fmt.Sprintf("Clinical department %d", i+1)},
			Values: values, Reasons: reasons, Texts: map[string]string{}}
		r.Result = scoring.Evaluate(sc, values)
		data.Runs = append(data.Runs, r)
		data.Bases[unitKey{scoring.DepartmentScheme, code}] = money.FromYuan(int64(1_000_000 + i*37_000))
	}
	evaluation.Rank(data.Runs)
	return data
}

// countingWriter counts the bytes of the PDF.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkEvaluationReport100Depts lays out the evaluation report of 100
// departments (issue 8: under 3 s and 5 MB). It reports the file size.
func BenchmarkEvaluationReport100Depts(b *testing.B) {
	data := evaluationOf100(b)
	meta := Meta{Hospital: "基准测试医院", Lang: "zh", Generated: time.Now(), Unit: money.TenThousand}
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		w := &countingWriter{}
		if err := writeEvaluation(context.Background(), meta, data, w, nil); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size)/(1<<20), "MB/file")
}

// The 100-department report stays within the budget even on a
// slow machine; the benchmark gives the real figure.
func TestEvaluationReport100DeptsSize(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 200 pages")
	}
	data := evaluationOf100(t)
	start := time.Now()
	w := &countingWriter{}
	if err := writeEvaluation(context.Background(), Meta{Hospital: "基准测试医院", Lang: "zh", Generated: time.Now()}, data, w, nil); err != nil {
		t.Fatal(err)
	}
	if w.n > 5<<20 {
		t.Errorf("%d bytes for 100 departments, over 5 MB", w.n)
	}
	t.Logf("100 departments: %.2f MB in %v", float64(w.n)/(1<<20), time.Since(start))
}

// A reason longer than a page is cut to fit instead of running over the
// footer; the report still comes out.
func TestLongReasonIsCutToAPage(t *testing.T) {
	data := evaluationOf100(t)
	data.Runs = data.Runs[:1]
	r := data.Runs[0]
	for _, is := range r.Result.Indicators {
		if is.Short {
			r.Reasons[is.Code] = strings.Repeat("偏差原因说明，", 900)
			break
		}
	}
	w := &countingWriter{}
	if err := writeEvaluation(context.Background(), Meta{Hospital: "医院", Lang: "zh", Generated: time.Now()}, data, w, nil); err != nil {
		t.Fatal(err)
	}
}
