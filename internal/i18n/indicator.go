package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// IndicatorTarget is what earns an indicator full points, as evaluation
// forms print it: "≥ 95%", "≤ 8天", "60–95%", "每次扣2分", "达成". The
// screen and the report show the same text.
func IndicatorTarget(ind scoring.Indicator) string {
	u := unitSuffix(ind.Unit, "")
	if ind.Direction == scoring.Monitor {
		return T("evalui.target.monitor")
	}
	switch ind.Rule {
	case scoring.Qualitative:
		return T("evalui.ach.achieved")
	case scoring.Deduction:
		return T("evalui.target.deduction", "Per", Number(ind.DeductPer))
	case scoring.LinearBand:
		return Number(ind.Low) + "→" + Number(ind.High) + u
	}
	switch ind.Direction {
	case scoring.Lower:
		return "≤ " + Number(ind.Target) + u
	case scoring.InRange:
		return Number(ind.Low) + "–" + Number(ind.High) + u
	}
	return "≥ " + Number(ind.Target) + u
}

// unitSuffix is what follows a figure to give its unit: the unit itself
// after sep ("95%", "8天", "45 元/人"), or, for a unit that starts with a
// digit, the unit in brackets, so that 12 and 1/10万 do not run together
// into "121/10万": "12（1/10万）", "12 (1/100,000)".
func unitSuffix(unit, sep string) string {
	r, _ := utf8.DecodeRuneInString(unit)
	switch {
	case unit == "":
		return ""
	case !unicode.IsDigit(r):
		return sep + unit
	case Current() == English:
		return " (" + unit + ")"
	}
	return "（" + unit + "）"
}

// WithUnit is a figure followed by its unit, unless the figure carries it
// already: "95%", "45 元/人", "12（1/10万）".
func WithUnit(v, unit string) string {
	switch {
	case unit == "" || strings.HasSuffix(v, unit):
		return v
	case unit == "%" || unit == "％":
		if strings.HasSuffix(v, "%") || strings.HasSuffix(v, "％") {
			return v
		}
		return v + "%"
	}
	return v + unitSuffix(unit, " ")
}

// TargetText is a project's performance target as the Targets screen and
// the reports write it: "≥ 95%", "≤ 45 元/人", "≤ 12（1/10万）", "= 100%",
// or the words of a qualitative target.
func TargetText(t domain.Target) string {
	v := WithUnit(t.Value, t.Unit)
	switch t.Direction {
	case domain.DirHigher:
		return "≥ " + v
	case domain.DirLower:
		return "≤ " + v
	case domain.DirEqual:
		return "= " + v
	}
	return t.Value
}
