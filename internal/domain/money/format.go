package money

import (
	"strconv"
	"strings"
)

// String returns the amount in yuan with two decimals and no separators,
// e.g. "1234567.89" or "-0.05": the form for CSV, JSON-adjacent text and
// logs, which Parse reads back exactly.
func (a Amount) String() string {
	neg, m := magnitude(a)
	return signed(neg, fixed(m, 2, 2, false))
}

// Format returns the amount for display with the yuan sign and thousands
// separators: "¥1,234,567.89", "-¥1,234.56".
func Format(a Amount) string {
	neg, m := magnitude(a)
	s := "¥" + fixed(m, 2, 2, true)
	if neg {
		return "-" + s
	}
	return s
}

// FormatPlain returns the amount in yuan with thousands separators and two
// decimals, "1,234,567.89" or "-1,234.56", for grids whose column header
// carries the unit.
func FormatPlain(a Amount) string {
	neg, m := magnitude(a)
	return signed(neg, fixed(m, 2, 2, true))
}

// FormatIn returns the amount expressed in unit u with the given number of
// decimals (negative counts as 0), rounded half away from zero, with
// thousands separators: FormatIn(1234567800 fen, TenThousand, 2) is
// "1,234.57". A value that rounds to zero is shown without a minus sign.
// It panics for an undefined Unit.
func FormatIn(a Amount, u Unit, decimals int) string {
	neg, m := magnitude(a)
	return signed(neg, fixed(m, 2+u.exp10(), max(decimals, 0), true))
}

// FormatUnit is FormatIn followed by the unit label: "1,234.57万元".
func FormatUnit(a Amount, u Unit, decimals int) string {
	return FormatIn(a, u, decimals) + u.String()
}

// FormatWan returns the amount in 万元 with two decimals, the usual form in
// budget reports: "123.46万元".
func FormatWan(a Amount) string {
	return FormatUnit(a, TenThousand, 2)
}

// signed prefixes a minus unless the rounded text is zero, so that a tiny
// negative never shows as "-0.00".
func signed(neg bool, s string) string {
	if neg && strings.ContainsAny(s, "123456789") {
		return "-" + s
	}
	return s
}

// fixed writes m × 10^-scale with the given number of decimals, rounding
// half away from zero (the sign is handled by the caller, so rounding the
// magnitude up is away from zero).
func fixed(m uint64, scale, decimals int, group bool) string {
	if decimals < scale {
		div := pow10[scale-decimals]
		q, r := m/div, m%div
		if r != 0 && r >= div-r {
			q++ // cannot overflow: m <= 2^63 and div >= 10
		}
		m, scale = q, decimals
	}
	digits := strconv.FormatUint(m, 10)
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	intPart, frac := digits[:len(digits)-scale], digits[len(digits)-scale:]
	if group {
		intPart = groupThousands(intPart)
	}
	if decimals == 0 {
		return intPart
	}
	return intPart + "." + frac + strings.Repeat("0", decimals-scale)
}

// groupThousands inserts a comma every three digits from the right.
func groupThousands(d string) string {
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	b.Grow(len(d) + len(d)/3)
	head := len(d) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(d[:head])
	for i := head; i < len(d); i += 3 {
		b.WriteByte(',')
		b.WriteString(d[i : i+3])
	}
	return b.String()
}
