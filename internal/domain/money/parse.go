package money

import (
	"math"
	"strings"
)

// ParseResult is the outcome of Parse.
type ParseResult struct {
	Amount Amount // the value rounded half away from zero to the fen
	// Rounded is true when the text had non-zero digits beyond the fen, so
	// the UI can warn that e.g. 245.75299999999999 万元 was rounded.
	Rounded bool
	// Exact is the exact value in yuan before rounding as a plain decimal
	// without separators or trailing zeros, e.g. "2457529.9999999999".
	Exact string
	Unit  Unit // the unit applied: the suffix in the text, else the argument
	// Blank is true for an empty cell or a dash placeholder ("-", "—", "--"),
	// which parse as zero; callers that must tell "nil" from "0" check it.
	Blank bool
}

// maxExponent bounds scientific notation. Spreadsheets never write more
// than 308, and the bound keeps Exact from growing without limit.
const maxExponent = 1000

// Parse reads an amount typed by a user or found in a spreadsheet cell,
// expressed in unit u unless the text ends with its own unit (元, 千元, 万元,
// or the bare 万 and 千), which then wins.
//
// It accepts surrounding spaces of any kind, full-width digits and
// punctuation, thousands separators grouped by three ("1,234,567.89"), a
// leading ¥, ￥, RMB, CNY or 人民币, negatives written -1,234, −1234 or
// (1,234.00), and scientific notation as spreadsheets write it ("1.2345E+5").
// An empty text or a dash placeholder is zero with Blank set. The value is
// computed in decimal, never float64, and rounded half away from zero to the
// fen. Errors are *ParseError.
func Parse(s string, u Unit) (ParseResult, error) {
	if !u.Valid() {
		return ParseResult{}, parseErr(s, ReasonInvalidUnit)
	}
	t := strings.TrimSpace(normalize(s))
	if isPlaceholder(t) {
		return ParseResult{Exact: "0", Unit: u, Blank: true}, nil
	}
	if strings.HasPrefix(t, "#") { // #N/A, #DIV/0!, #VALUE! …
		return ParseResult{}, parseErr(s, ReasonSpreadsheetError)
	}
	if strings.ContainsAny(t, "%‰") {
		return ParseResult{}, parseErr(s, ReasonPercent)
	}
	body, neg, unit, reason := peelAffixes(t, u)
	if reason != "" {
		return ParseResult{}, parseErr(s, reason)
	}
	d, reason := scanNumber(body)
	if reason != "" {
		return ParseResult{}, parseErr(s, reason)
	}
	return d.toResult(s, neg, unit)
}

// isPlaceholder reports whether t means "nothing here": empty, or dashes
// only, optionally with a currency sign or unit as in Excel's accounting
// format, which shows zero as "¥ -".
func isPlaceholder(t string) bool {
	if t == "" {
		return true
	}
	if rest, ok := stripCurrency(t); ok {
		t = strings.TrimSpace(rest)
	}
	if rest, _, ok := stripUnitSuffix(t); ok {
		t = strings.TrimSpace(rest)
	}
	return t != "" && strings.Trim(t, "-") == ""
}

// currencyPrefixes are matched case-insensitively.
var currencyPrefixes = []string{"¥", "rmb", "cny", "人民币"}

func stripCurrency(t string) (string, bool) {
	for _, p := range currencyPrefixes {
		if len(t) >= len(p) && asciiLower(t[:len(p)]) == p {
			return t[len(p):], true
		}
	}
	return t, false
}

// unitSuffixes are tried longest first so 万元 is not read as 元.
var unitSuffixes = []struct {
	text string
	unit Unit
}{
	{"万元", TenThousand},
	{"千元", Thousand},
	{"元", Yuan},
	{"万", TenThousand},
	{"千", Thousand},
}

func stripUnitSuffix(t string) (string, Unit, bool) {
	for _, s := range unitSuffixes {
		if strings.HasSuffix(t, s.text) {
			return t[:len(t)-len(s.text)], s.unit, true
		}
	}
	return t, Yuan, false
}

// peelAffixes removes, in any order, a sign or an enclosing pair of
// parentheses, a currency prefix and a unit suffix, leaving the bare number.
// A sign together with parentheses, as in "(-5)", is ambiguous and rejected.
func peelAffixes(t string, u Unit) (body string, neg bool, unit Unit, reason string) {
	unit = u
	var sign, paren, currency, closed, unitSeen bool
front:
	for {
		t = strings.TrimLeft(t, " ")
		switch {
		case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "+"), strings.HasPrefix(t, "("):
			if sign || paren {
				return "", false, u, ReasonMisplacedSign
			}
			if t[0] == '(' {
				paren = true
			} else {
				sign, neg = true, t[0] == '-'
			}
			t = t[1:]
		default:
			rest, ok := stripCurrency(t)
			if !ok || currency {
				break front
			}
			currency, t = true, rest
		}
	}
back:
	for {
		t = strings.TrimRight(t, " ")
		switch {
		case paren && !closed && strings.HasSuffix(t, ")"):
			closed, t = true, t[:len(t)-1]
		case !unitSeen:
			rest, su, ok := stripUnitSuffix(t)
			if !ok {
				break back
			}
			unitSeen, unit, t = true, su, rest
		default:
			break back
		}
	}
	if paren && !closed {
		return "", false, u, ReasonMisplacedSign
	}
	return t, neg || paren, unit, ""
}

// decimal is a parsed number: digits × 10^(exp-fracLen).
type decimal struct {
	digits  string // integer then fraction digits, no separators
	fracLen int    // how many trailing digits are after the decimal point
	exp     int    // exponent of scientific notation; saturates past maxExponent
}

// scanNumber parses the bare number left by peelAffixes. Thousands
// separators must group by three after a first group of one to three digits
// not starting with 0: "12,34" or "0,123" are more likely a mistyped or a
// European decimal comma than a thousands separator, and silently reading
// them as 1234 or 123 would misstate a figure by orders of magnitude.
func scanNumber(t string) (decimal, string) {
	for i := 0; i < len(t); i++ {
		if !strings.ContainsRune("0123456789,.eE+-()", rune(t[i])) {
			return decimal{}, ReasonNotANumber
		}
	}
	digits := make([]byte, 0, len(t))
	i, group, commas := 0, 0, 0
	for ; i < len(t); i++ {
		c := t[i]
		if isDigit(c) {
			digits = append(digits, c)
			group++
			continue
		}
		if c != ',' {
			break
		}
		switch {
		case group == 0:
			return decimal{}, ReasonMisplacedSeparator
		case commas == 0 && (group > 3 || digits[0] == '0'):
			return decimal{}, ReasonMisplacedSeparator
		case commas > 0 && group != 3:
			return decimal{}, ReasonMisplacedSeparator
		}
		commas++
		group = 0
	}
	if commas > 0 && group != 3 {
		return decimal{}, ReasonMisplacedSeparator
	}
	fracLen := 0
	if i < len(t) && t[i] == '.' {
		for i++; i < len(t) && isDigit(t[i]); i++ {
			digits = append(digits, t[i])
			fracLen++
		}
	}
	if len(digits) == 0 {
		return decimal{}, ReasonNotANumber
	}
	exp := 0
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		expNeg := false
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			expNeg = t[i] == '-'
			i++
		}
		start := i
		for ; i < len(t) && isDigit(t[i]); i++ {
			if exp <= maxExponent {
				exp = exp*10 + int(t[i]-'0')
			}
		}
		if i == start {
			return decimal{}, ReasonNotANumber
		}
		if expNeg {
			exp = -exp
		}
	}
	if i < len(t) {
		switch t[i] {
		case ',', '.':
			return decimal{}, ReasonMisplacedSeparator
		case '+', '-', '(', ')':
			return decimal{}, ReasonMisplacedSign
		}
		return decimal{}, ReasonNotANumber
	}
	return decimal{digits: string(digits), fracLen: fracLen, exp: exp}, ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pow10 holds 10^0 … 10^19, all of which fit in uint64.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// toResult converts d in unit u to fen, rounding half away from zero. It
// works on the significant digits as text so that no value, however many
// digits it has, passes through a binary float or overflows on the way.
func (d decimal) toResult(input string, neg bool, u Unit) (ParseResult, error) {
	sig := strings.TrimLeft(d.digits, "0")
	if sig == "" {
		return ParseResult{Exact: "0", Unit: u}, nil
	}
	if d.exp > maxExponent || d.exp < -maxExponent {
		return ParseResult{}, parseErr(input, ReasonExponentRange)
	}
	n := len(sig)
	sig = strings.TrimRight(sig, "0")
	// The value in yuan is sig × 10^e and in fen sig × 10^q.
	e := d.exp - d.fracLen + (n - len(sig)) + u.exp10()
	q := e + 2
	if len(sig)+q > 19 { // At least 10^19 fen, beyond any int64.
		return ParseResult{}, parseErr(input, ReasonTooLarge)
	}
	var m uint64
	rounded := false
	if q >= 0 {
		m = atou(sig) * pow10[q]
	} else {
		// sig has no trailing zeros, so dropping any digit loses value.
		rounded = true
		k := len(sig) + q
		if k > 0 {
			m = atou(sig[:k])
		}
		if k >= 0 && sig[k] >= '5' {
			m++
		}
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++ // -2^63 fen is representable, +2^63 is not.
	}
	if m > limit {
		return ParseResult{}, parseErr(input, ReasonTooLarge)
	}
	return ParseResult{
		Amount:  fromMagnitude(neg, m),
		Rounded: rounded,
		Exact:   exactString(neg, sig, e),
		Unit:    u,
	}, nil
}

// atou converts at most 19 decimal digits.
func atou(s string) uint64 {
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v*10 + uint64(s[i]-'0')
	}
	return v
}

// exactString writes sig × 10^e as a plain decimal.
func exactString(neg bool, sig string, e int) string {
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch point := len(sig) + e; {
	case e >= 0:
		b.WriteString(sig)
		b.WriteString(strings.Repeat("0", e))
	case point > 0:
		b.WriteString(sig[:point])
		b.WriteByte('.')
		b.WriteString(sig[point:])
	default:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(sig)
	}
	return b.String()
}
