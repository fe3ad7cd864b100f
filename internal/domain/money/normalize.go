package money

import (
	"strings"
	"unicode"
)

// normalize folds the look-alike characters found in Chinese office files
// onto ASCII: IME full-width forms (１２３４．５６, （, ，, ：), typographic
// minus signs and dashes, the full-width yen sign and every kind of space.
// Folding first keeps the parsers to a single alphabet.
func normalize(s string) string {
	return strings.Map(normalizeRune, s)
}

func normalizeRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E { // Full-width ASCII block.
		return r - 0xFEE0
	}
	switch r {
	case '\u2212', // minus sign
		'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', // hyphens and dashes
		'\uFE58', '\uFE63': // small em dash, small hyphen-minus
		return '-'
	case '\uFFE5': // full-width yen sign
		return '¥'
	}
	if isSpace(r) {
		return ' '
	}
	return r
}

// isSpace adds the invisible characters that copy-paste from web pages and
// Word leaves around numbers to the Unicode spaces (which include NBSP and the
// ideographic space U+3000).
func isSpace(r rune) bool {
	switch r {
	case '\u200B', '\u2060', '\uFEFF', '\u180E':
		return true
	}
	return unicode.IsSpace(r)
}

// asciiLower lower-cases ASCII letters byte by byte, so byte offsets stay
// valid for the original string even when it is cut inside a rune.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
