package report

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/pace"
)

// hasLine reports whether text has a line that is want, spaces aside.
func hasLine(text, want string) bool {
	for _, l := range strings.Split(text, "\n") {
		if squeeze(l) == squeeze(want) {
			return true
		}
	}
	return false
}

// Narrow columns are as wide as their headers and status words: no short
// word is broken inside a cell ("超支预/警", "Overspe/nding", "效率与成/本控制").
func TestColumnsFitTheirWords(t *testing.T) {
	cases := []struct {
		lang, header string
		words        []string
	}{
		{"zh", "编码 科室 预算数 序时计划 累计执行 执行率 偏差率 进度 偏差状态", nil},
		{"en", "Code Department Budget Plan to date Actual Execution Deviation Pace Status", nil},
	}
	for _, c := range cases {
		useLang(t, c.lang)
		text := rawText(t, generate(t, Request{Kind: Execution, Year: 2026, Month: 9}))
		if !hasLine(text, c.header) {
			t.Errorf("%s: the departments table's header is not %q on one line", c.lang, c.header)
		}
		// Every department row ends with its pace and status, whole.
		found := 0
		for _, l := range strings.Split(text, "\n") {
			for _, s := range pace.Statuses {
				for _, p := range pace.Paces {
					if strings.HasSuffix(l, " "+paceWordOf(p)+" "+statusWordOf(s)) {
						found++
					}
				}
			}
		}
		if found < 20 {
			t.Errorf("%s: only %d rows end with a whole pace and status word", c.lang, found)
		}
	}
	useLang(t, "zh")
	text := rawText(t, generate(t, Request{Kind: Bonus, Year: 2026}))
	if !hasLine(text, "编码 科室 人数 系数 工作量 医疗质量 效率与成本控制 公益性 满意度 综合得分 奖金") {
		t.Error("bonus: the allocation header is broken")
	}
}

func paceWordOf(p pace.Pace) string     { return paceWord(pace.Figures{Pace: p}) }
func statusWordOf(s pace.Status) string { return statusWord(pace.Figures{Status: s}) }

// The execution report writes a project target as the Targets screen
// does (i18n.TargetText): 12 and 1/10万 never run together.
func TestExecutionTargetWithDigitUnit(t *testing.T) {
	useLang(t, "zh")
	text := rawText(t, generate(t, Request{Kind: Execution, Year: 2026, Month: 9}))
	if !strings.Contains(text, "孕产妇死亡率 ≤ 12（1/10万）") {
		t.Error("the 孕产妇死亡率 target is not ≤ 12（1/10万） on one line")
	}
	if strings.Contains(squeeze(text), "121/10万") {
		t.Error("the target still reads 121/10万")
	}
}
