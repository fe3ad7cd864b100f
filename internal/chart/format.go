package chart

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber formats v with dec decimals and comma thousands separators:
// 12345.678 → "12,345.68", -1234 → "-1,234". NaN prints as "—".
func FormatNumber(v float64, dec int) string {
	if math.IsNaN(v) {
		return "—"
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return "∞"
		}
		return "-∞"
	}
	dec = clampInt(dec, 0, 10)
	a := math.Abs(v)
	// Halves round away from zero, as finance users round by hand
	// (FormatFloat alone would round 0.125 to "0.12").
	if p := math.Pow10(dec); a*p < 1<<52 {
		a = math.Round(a*p) / p
	}
	s := strconv.FormatFloat(a, 'f', dec, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	// A value that rounds to zero prints without a sign ("0.00", not "-0.00").
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteString(frac)
	return b.String()
}

// FormatPercent formats a ratio as a percentage: 0.7512 with dec 1 → "75.1%".
func FormatPercent(v float64, dec int) string {
	if math.IsNaN(v) {
		return "—"
	}
	return FormatNumber(v*100, dec) + "%"
}

// valueText formats a tooltip or label value of c: a percentage when
// c.Percent, else the number with c.Unit appended.
func (c *Chart) valueText(v float64, dec int) string {
	if c.Percent {
		return FormatPercent(v, 1)
	}
	s := FormatNumber(v, dec)
	if c.Unit != "" && !math.IsNaN(v) {
		s += " " + c.Unit
	}
	return s
}

// decimals is the number of decimals tooltips use for c's values: none when
// every value is whole (counts, whole 万元), else two, so that all values of
// one chart line up the same way.
func (c *Chart) decimals() int {
	whole := func(vs []float64) bool {
		for _, v := range vs {
			if !math.IsNaN(v) && !math.IsInf(v, 0) && v != math.Trunc(v) {
				return false
			}
		}
		return true
	}
	for _, s := range c.Series {
		if !whole(s.Values) {
			return 2
		}
	}
	for _, r := range c.Cells {
		if !whole(r) {
			return 2
		}
	}
	return 0
}

// tickText formats an axis tick with the decimals its step needs.
func tickText(v, step float64, percent bool) string {
	if percent {
		return FormatPercent(v, stepDecimals(step*100))
	}
	return FormatNumber(v, stepDecimals(step))
}

// abbreviate shortens s to at most n runes, ending in "…" when cut.
func abbreviate(s string, n int) string {
	r := []rune(s)
	if n < 1 {
		n = 1
	}
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return string(r[:1])
	}
	return string(r[:n-1]) + "…"
}
