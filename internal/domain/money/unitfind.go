package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chineseLabels are tried in order at one position. Each label starts with
// a different character (or carries the 人民币 prefix), so matching at a
// position never mistakes 万元 or 千元 for 元.
var chineseLabels = []struct {
	text string
	unit Unit
}{
	{"人民币万元", TenThousand},
	{"人民币千元", Thousand},
	{"人民币元", Yuan},
	{"万元", TenThousand},
	{"千元", Thousand},
	{"元", Yuan},
}

type englishLabel struct {
	words []string
	unit  Unit
}

// englishLabels are the unit labels of English report translations, as
// lower-case words; any run of spaces may separate the words.
var englishLabels = []englishLabel{
	{[]string{"ten", "thousand", "yuan"}, TenThousand},
	{[]string{"ten-thousand", "yuan"}, TenThousand},
	{[]string{"10", "thousand", "yuan"}, TenThousand},
	{[]string{"10,000", "yuan"}, TenThousand},
	{[]string{"10000", "yuan"}, TenThousand},
	{[]string{"thousands", "of", "yuan"}, Thousand},
	{[]string{"thousand", "yuan"}, Thousand},
	{[]string{"1,000", "yuan"}, Thousand},
	{[]string{"1000", "yuan"}, Thousand},
	{[]string{"yuan"}, Yuan},
}

// currencyOnlyLabels name the unit through the currency code alone, e.g.
// "RMB'000" in Hong Kong style statements or plain "RMB".
var currencyOnlyLabels = []englishLabel{
	{[]string{"'0000"}, TenThousand},
	{[]string{"10,000"}, TenThousand},
	{[]string{"10000"}, TenThousand},
	{[]string{"'000"}, Thousand},
	{[]string{"1,000"}, Thousand},
	{[]string{"1000"}, Thousand},
	{nil, Yuan},
}

// ParseUnit recognises a text that is a unit label and nothing else: 元,
// 千元, 万元 (optionally 人民币元 …), the English "yuan", "thousand yuan",
// "10,000 yuan", "ten thousand yuan", "RMB'000", optionally preceded by a
// marker such as "单位：", "金额单位:" or "Unit:" and optionally wrapped in
// brackets, e.g. "（单位：千元）". Use FindUnit to search a longer title.
func ParseUnit(s string) (Unit, bool) {
	t := strings.TrimSpace(normalize(s))
	if inner, ok := stripBrackets(t); ok {
		t = strings.TrimSpace(inner)
	}
	t = stripUnitMarker(t)
	u, n, ok := matchLabel(t)
	if !ok || strings.TrimSpace(t[n:]) != "" {
		return Yuan, false
	}
	return u, true
}

// FindUnit searches a table title, header cell or caption for the unit its
// figures are in: a whole-text label ("万元"), a label after a 单位/Unit
// marker ("2024年预算表 单位：万元", "Unit: 10,000 yuan") or a label in
// brackets ("预算数（万元）"). A unit word in running prose such as
// "100万元以上设备" is deliberately not taken as the table's unit. When the
// text names two different units, FindUnit reports false rather than guess.
func FindUnit(text string) (Unit, bool) {
	if u, ok := ParseUnit(text); ok {
		return u, true
	}
	t := normalize(text)
	var found []Unit
	found = append(found, unitsAfterMarkers(t)...)
	found = append(found, unitsInBrackets(t)...)
	if len(found) == 0 {
		return Yuan, false
	}
	for _, u := range found[1:] {
		if u != found[0] {
			return Yuan, false
		}
	}
	return found[0], true
}

// unitsAfterMarkers returns the units named right after each 单位 or
// "unit(s)" marker in t. Markers not followed by a label are skipped: 单位
// also means "organisation", as in "编制单位：某某医院".
func unitsAfterMarkers(t string) []Unit {
	var units []Unit
	for i := 0; ; {
		j := strings.Index(t[i:], "单位")
		if j < 0 {
			break
		}
		i += j + len("单位")
		if u, _, ok := matchLabel(skipColon(t[i:])); ok {
			units = append(units, u)
		}
	}
	lower := asciiLower(t)
	for i := 0; ; {
		j := strings.Index(lower[i:], "unit")
		if j < 0 {
			break
		}
		start := i + j
		i = start + len("unit")
		if start > 0 && isASCIIAlnum(lower[start-1]) {
			continue
		}
		k := i
		if k < len(lower) && lower[k] == 's' {
			k++
		}
		if k < len(lower) && isASCIIAlnum(lower[k]) {
			continue
		}
		if u, _, ok := matchLabel(skipColon(t[k:])); ok {
			units = append(units, u)
		}
	}
	return units
}

// unitsInBrackets returns the units of bracketed parts of t that are unit
// labels, such as the "（万元）" of a column header. Only innermost pairs are
// examined, which keeps the scan linear however the brackets nest.
func unitsInBrackets(t string) []Unit {
	var units []Unit
	open := -1 // byte offset just after the last unmatched opening bracket
	for i, r := range t {
		switch {
		case isOpenBracket(r):
			open = i + utf8.RuneLen(r)
		case isCloseBracket(r) && open >= 0:
			if u, ok := ParseUnit(t[open:i]); ok {
				units = append(units, u)
			}
			open = -1
		}
	}
	return units
}

func isOpenBracket(r rune) bool {
	return r == '(' || r == '[' || r == '【' || r == '〔'
}

func isCloseBracket(r rune) bool {
	return r == ')' || r == ']' || r == '】' || r == '〕'
}

// stripBrackets removes one pair of brackets enclosing all of t.
func stripBrackets(t string) (string, bool) {
	first, n := utf8.DecodeRuneInString(t)
	last, m := utf8.DecodeLastRuneInString(t)
	if len(t) < n+m || !isOpenBracket(first) || !isCloseBracket(last) {
		return t, false
	}
	return t[n : len(t)-m], true
}

// unitMarkers are the label prefixes that ParseUnit accepts before a unit,
// longest first. English ones are matched case-insensitively.
var unitMarkers = []string{
	"金额单位", "货币单位", "计量单位", "单位",
	"amount units", "amount unit", "currency units", "currency unit",
	"units", "unit", "in",
}

// stripUnitMarker removes a leading marker and the colon after it.
func stripUnitMarker(t string) string {
	lower := asciiLower(t)
	for _, m := range unitMarkers {
		if !strings.HasPrefix(lower, m) {
			continue
		}
		if len(t) > len(m) && isASCIIAlnum(m[0]) && isASCIIAlnum(t[len(m)]) {
			continue // "units" must not match "unitsxyz", nor "in" match "inr".
		}
		return skipColon(t[len(m):])
	}
	return t
}

// skipColon drops spaces and at most one colon (full-width colons are
// already folded to ':').
func skipColon(t string) string {
	t = strings.TrimLeft(t, " ")
	if strings.HasPrefix(t, ":") {
		t = strings.TrimLeft(t[1:], " ")
	}
	return t
}

// maxLabelLen bounds the bytes an English label may span, spaces included.
const maxLabelLen = 64

// matchLabel matches a unit label at the start of t and returns the unit
// and the label's length in bytes. The label must end at a word boundary so
// that "元亨医院" or "yuanbao" are not read as units.
func matchLabel(t string) (Unit, int, bool) {
	for _, l := range chineseLabels {
		if strings.HasPrefix(t, l.text) && !startsWithHan(t[len(l.text):]) {
			return l.unit, len(l.text), true
		}
	}
	// Labels are short; lower-casing only a prefix keeps a search over a
	// long text with many markers linear.
	lower := asciiLower(t[:min(len(t), maxLabelLen)])
	for _, cur := range []string{"rmb", "cny"} {
		n, ok := matchWords(lower, []string{cur})
		if !ok {
			continue
		}
		for _, l := range englishLabels {
			if k, ok := matchWords(lower[n:], l.words); ok {
				return l.unit, n + k, true
			}
		}
		for _, l := range currencyOnlyLabels {
			if k, ok := matchWords(lower[n:], l.words); ok {
				return l.unit, n + k, true
			}
		}
	}
	for _, l := range englishLabels {
		if n, ok := matchWords(lower, l.words); ok {
			return l.unit, n, true
		}
	}
	return Yuan, 0, false
}

// matchWords matches words at the start of s, allowing spaces before and
// between them, and requires a word boundary after the last one.
func matchWords(s string, words []string) (int, bool) {
	i := 0
	for _, w := range words {
		i = skipSpaces(s, i)
		if !strings.HasPrefix(s[i:], w) {
			return 0, false
		}
		i += len(w)
	}
	if i < len(s) && isASCIIAlnum(s[i]) {
		return 0, false
	}
	return i, true
}

// skipSpaces returns the index after the spaces at s[i:].
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func startsWithHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}
