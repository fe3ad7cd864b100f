package scoring

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// revenueWords are the words that make an indicator's name read as
// revenue-linked under the rule (assets/README.md, "Revenue-linked"): a
// revenue amount, share, growth, per-head revenue, revenue completion, or
// a surplus. The flag Indicator.RevenueLinked is the guard; the words are
// the safety net for a library indicator someone flagged wrongly, and the
// test that the shipped templates set the flag wherever they apply.
var revenueWords = []string{"收入", "结余", "盈余", "营收", "创收", "revenue", "surplus", "income"}

// ReadsAsRevenueTarget reports whether an indicator's name reads as
// revenue-linked: any revenue amount, revenue growth, revenue per head,
// revenue completion or surplus (科室医疗收入完成率, 门诊收入增长率,
// 收支结余率, 人均医疗收入, 医疗盈余率…).
func ReadsAsRevenueTarget(name string) bool {
	low := strings.ToLower(name)
	for _, w := range revenueWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// RevenueRule is the rule every revenue refusal cites, as a term so that it
// is shown in the reader's language.
var RevenueRule = domain.Term{Key: "term.revenue_rule", Default: "国办发〔2019〕4号 and the public-hospital pay reform; 医疗机构工作人员廉洁从业九项准则: department and staff pay must not be linked to revenue, and departments must not be given revenue targets"}

// RevenueDriverProblem refuses an indicator that would link pay to
// revenue when it drives a bonus dimension (see RevenueRule). label names
// the indicator. nil when the indicator is allowed to drive the bonus or
// drives none.
func RevenueDriverProblem(ind Indicator, label string) *domain.Problem {
	if ind.Bonus == BonusNone || !(ind.RevenueLinked || ReadsAsRevenueTarget(ind.Name)) {
		return nil
	}
	return domain.NewProblem("problem.bonus.revenue_driver", "Indicator {{.Indicator}} is linked to revenue (a revenue amount, share, growth, per-head revenue, revenue completion or surplus) and cannot drive performance pay under {{.Rule}}. Remove its bonus dimension.", "Indicator", label, "Rule", RevenueRule)
}

// RevenueUndecidedProblem refuses an indicator whose revenue-linked
// question was never answered: a new indicator must say yes or no.
func RevenueUndecidedProblem(label string) *domain.Problem {
	return domain.NewProblem("problem.evaluate.revenue_undecided", "Indicator {{.Node}}: say whether it is linked to revenue (yes or no) before saving. Revenue-linked indicators (any revenue amount, share, growth, per-head revenue, revenue completion or surplus) can never drive pay under {{.Rule}}.", "Node", label, "Rule", RevenueRule)
}
