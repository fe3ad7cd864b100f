package xlsximport

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Indicator names in assessment fill-in sheets are typed by hand, so the
// same indicator shows up as "4. 手术患者并发症发生率▲", "手术患者并发症发生率"
// or with full-width brackets. CleanIndicatorName reduces such spellings to
// one form so that names can be compared with the national lists.

// indicatorMarkers are the symbols the national lists and hospitals put on
// names to flag national-monitoring or key indicators; they are not part of
// the name.
const indicatorMarkers = "▲△★☆▼▽◆◇"

// CleanIndicatorName removes the numbering ("1.", "12.1.", "(3)"), the
// markers (▲ △ ★ …, and a leading or trailing *), turns full-width ASCII
// (（）：％，digits) into ASCII and removes spaces, keeping a single space
// only between two ASCII letters or digits (English names). It is
// idempotent: each step only removes or narrows characters, and it is
// repeated until nothing changes.
func CleanIndicatorName(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	for {
		n := cleanOnce(s)
		if n == s {
			return n
		}
		s = n
	}
}

func cleanOnce(s string) string {
	s = narrow(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(indicatorMarkers, r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimFunc(s, unicode.IsSpace)
	s = strings.Trim(s, "*")
	if _, rest, ok := parseNumbering(s); ok {
		s = rest
	}
	return squeezeSpaces(s)
}

// narrow maps full-width ASCII forms (U+FF01–U+FF5E) and the ideographic
// space to their ASCII counterparts.
func narrow(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			return ' '
		}
		return r
	}, s)
}

// squeezeSpaces drops spaces except one between two ASCII alphanumerics:
// Chinese names have none that matter ("耗材 、检查" is a typing slip), and
// English names need theirs.
func squeezeSpaces(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && asciiAlnum(rs[i-1]) && asciiAlnum(rs[j]) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

func asciiAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// parseNumbering reads a leading outline number: "1.", "4. ", "12.1.1.",
// "1、", "(3)" or "（3）". A number must end in a separator (. ． 、 ) or a
// space) that is not followed by a digit, so that "17种抗癌药品" and
// "1.5倍" are names, not numbering. Groups have at most three digits.
func parseNumbering(s string) (path []int, rest string, ok bool) {
	t := strings.TrimLeftFunc(narrow(s), unicode.IsSpace)
	if strings.HasPrefix(t, "(") {
		d, n := leadingDigits(t[1:])
		if n > 0 && strings.HasPrefix(t[1+n:], ")") {
			return []int{d}, strings.TrimLeftFunc(t[2+n:], unicode.IsSpace), true
		}
		return nil, s, false
	}
	i := 0
	for {
		d, n := leadingDigits(t[i:])
		if n == 0 {
			return nil, s, false
		}
		path = append(path, d)
		i += n
		if i >= len(t) {
			return nil, s, false
		}
		c := t[i]
		if c == '.' {
			i++
			if i < len(t) && t[i] >= '0' && t[i] <= '9' {
				continue
			}
			break
		}
		if strings.HasPrefix(t[i:], "、") {
			i += len("、")
			break
		}
		if c == ')' || c == ' ' || c == '\t' {
			i++
			break
		}
		return nil, s, false
	}
	rest = strings.TrimLeftFunc(t[i:], unicode.IsSpace)
	if rest == "" || (rest[0] >= '0' && rest[0] <= '9') {
		return nil, s, false
	}
	return path, rest, true
}

// leadingDigits reads up to three ASCII digits; n is 0 when there are none
// or more than three (a year or an amount, not an outline number).
func leadingDigits(s string) (d, n int) {
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return 0, 0
	}
	d, _ = strconv.Atoi(s[:n])
	return d, n
}

// numberingText is the outline number as written, such as "12.1".
func numberingText(path []int) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, ".")
}
