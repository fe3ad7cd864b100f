package i18n

import (
	"math"
	"strconv"
	"strings"
)

// The one way figures are shown on screen, in reports and in the CLI.
// Money is shown by package money (fen → yuan text).

// NoData is what a figure that is not a number (NaN, ±Inf, a rate with
// no base) shows everywhere: "—".
const NoData = "—"

// Number shows a number without trailing zeros, up to 4 decimals:
// 10, 2.5, 0.3333. Points, targets and actual values are shown this way.
func Number(x float64) string { return Decimals(x, 4) }

// Decimals shows x rounded half away from zero to at most max decimals,
// without trailing zeros: Decimals(2.345, 2) = "2.35", Decimals(2.5, 2) =
// "2.5". Minus zero shows as "0"; NaN and ±Inf as NoData.
func Decimals(x float64, max int) string {
	if !finite(x) {
		return NoData
	}
	p := math.Pow10(max)
	return zeroless(strconv.FormatFloat(math.Round(x*p)/p, 'f', -1, 64))
}

// Ratio shows a ratio (execution rate ÷ time progress) with two decimals:
// 0.9312 → "0.93". NaN and ±Inf show as NoData, minus zero as "0.00".
func Ratio(r float64) string {
	if !finite(r) {
		return NoData
	}
	return zeroless(strconv.FormatFloat(r, 'f', 2, 64))
}

// Percent shows a rate as a percentage with one decimal: 0.8732 →
// "87.3%". What rounds to minus zero shows as "0.0%"; NaN and ±Inf as
// NoData.
func Percent(r float64) string {
	if !finite(r) {
		return NoData
	}
	return zeroless(strconv.FormatFloat(r*100, 'f', 1, 64)) + "%"
}

// SignedPercent shows a change as a percentage with its sign and one
// decimal: 0.042 → "+4.2%", -0.03 → "-3.0%"; what rounds to zero shows as
// "+0.0%". NaN and ±Inf show as NoData.
func SignedPercent(r float64) string {
	s := Percent(r)
	if s == NoData || strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

// WeightPercent shows a weight as a percentage with up to 2 decimals and
// no trailing zeros: 0.15 → "15%", 1/3 → "33.33%".
func WeightPercent(w float64) string {
	if !finite(w) {
		return NoData
	}
	return zeroless(strconv.FormatFloat(math.Round(w*10000)/100, 'f', -1, 64)) + "%"
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// zeroless drops the sign of a text that shows zero ("-0", "-0.0").
func zeroless(s string) string {
	if strings.HasPrefix(s, "-") && strings.Trim(s[1:], "0.") == "" {
		return s[1:]
	}
	return s
}
