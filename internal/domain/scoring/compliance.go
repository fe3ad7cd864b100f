package scoring

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// revenueSources are the revenues staff pay must not be linked to, as they
// appear in indicator names.
var revenueSources = []string{"药品", "耗材", "卫生材料", "检查", "化验", "检验"}

// ReadsAsRevenueTarget reports whether an indicator name sets a revenue
// target on drugs, consumables, examinations or laboratory tests, so an
// indicator that was never flagged revenue-linked is still caught.
func ReadsAsRevenueTarget(name string) bool {
	if !strings.Contains(name, "收入") {
		return false
	}
	for _, s := range revenueSources {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// RevenueDriverProblem refuses an indicator that would link pay to
// revenue when it drives a bonus dimension: staff pay must not be linked
// to drug, medical-consumable, examination or laboratory revenue, and
// departments must not be given revenue targets (the National Health
// Commission's nine rules of integrity for medical staff and the
// public-hospital pay reform). label names the indicator. nil when the
// indicator is allowed to drive the bonus or drives none.
func RevenueDriverProblem(ind Indicator, label string) *domain.Problem {
	if ind.Bonus == BonusNone || !(ind.RevenueLinked || ReadsAsRevenueTarget(ind.Name)) {
		return nil
	}
	return domain.NewProblem("problem.bonus.revenue_driver", "Indicator {{.Indicator}} is linked to drug, consumable, examination or laboratory revenue and cannot drive performance pay: national rules (the National Health Commission's nine rules of integrity for medical staff, and the public-hospital pay reform) forbid linking staff pay to such revenue or giving departments revenue targets. Remove it from the scheme.", "Indicator", label)
}
