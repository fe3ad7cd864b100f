package i18n

import (
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/evaluate"
)

// Number shows a number without trailing zeros, up to 4 decimals; "—"
// for what is not a number.
func Number(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// IndicatorTarget is what earns an indicator full points, as evaluation
// forms print it: "≥ 95%", "≤ 8天", "60–95%", "每次扣2分", "达成". The
// screen and the report show the same text.
func IndicatorTarget(ind evaluate.Indicator) string {
	u := ind.Unit
	if ind.Direction == evaluate.Monitor {
		return T("evalui.target.monitor")
	}
	switch ind.Rule {
	case evaluate.Qualitative:
		return T("evalui.ach.achieved")
	case evaluate.Deduction:
		return T("evalui.target.deduction", "Per", Number(ind.DeductPer))
	case evaluate.LinearBand:
		return Number(ind.Low) + "→" + Number(ind.High) + u
	}
	switch ind.Direction {
	case evaluate.Lower:
		return "≤ " + Number(ind.Target) + u
	case evaluate.InRange:
		return Number(ind.Low) + "–" + Number(ind.High) + u
	}
	return "≥ " + Number(ind.Target) + u
}
