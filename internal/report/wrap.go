package report

import (
	"strings"
	"unicode"
)

// breakLines splits text into lines no wider than w, as width measures
// them. It replaces fpdf's SplitText and MultiCell, which drop the
// Chinese character at every break and the last one of a text that ends
// exactly at the width.
//
// Every rune of text is kept, once and in order: a line break removes
// only the white space it replaces ("\n", or the spaces where Latin text
// is broken). Chinese text breaks between any two characters, Latin text
// at spaces; a word wider than w is broken where it must. The Chinese
// rules for line starts and ends (GB/T 15834 punctuation, 避头尾) are
// kept while a line can give way: no line starts with ，。、；：？！）》
// and the like, none ends with （《「 and the like. A single rune wider
// than w gets a line of its own.
func breakLines(text string, w float64, width func(string) float64) []string {
	if text == "" {
		return nil
	}
	cache := map[rune]float64{}
	measure := func(r rune) float64 {
		v, ok := cache[r]
		if !ok {
			v = width(string(r))
			cache[r] = v
		}
		return v
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, breakPara([]rune(para), w, measure)...)
	}
	return out
}

// breakPara breaks one paragraph (no "\n") greedily: each line takes as
// many runes as fit, then gives back runes to the last allowed break.
func breakPara(rs []rune, w float64, measure func(rune) float64) []string {
	if len(rs) == 0 {
		// An empty paragraph is an empty line, as a blank line in the text.
		return []string{""}
	}
	var out []string
	start := 0
	for start < len(rs) {
		end := fitEnd(rs, start, w, measure)
		b := end
		if end < len(rs) {
			b = lastBreak(rs, start, end)
		}
		// Spaces at a line's end are not printed: they would shift
		// right-aligned text and make the line look wider than it is.
		out = append(out, strings.TrimRightFunc(string(rs[start:b]), unicode.IsSpace))
		// The spaces at the break are the break.
		for b < len(rs) && unicode.IsSpace(rs[b]) {
			b++
		}
		start = b
	}
	return out
}

// fitEnd is the end of the longest run of runes from start that fits in
// w; spaces at its end do not count, as they are not printed. At least
// one rune is taken, so that the breaking always moves on.
func fitEnd(rs []rune, start int, w float64, measure func(rune) float64) int {
	// Sub-micrometre slack: the sum of the runes' widths may differ from
	// the width of the whole line in the last bits.
	const eps = 1e-6
	sum, inked := 0.0, 0.0
	i := start
	for ; i < len(rs); i++ {
		sum += measure(rs[i])
		if !unicode.IsSpace(rs[i]) {
			inked = sum
		}
		if inked > w+eps && i > start {
			return i
		}
	}
	return i
}

// lastBreak is where the line from start is broken, given that runes
// start..end-1 fit and rs[end] does not: the last allowed break after
// start, else (a word or a run of punctuation wider than the line) end.
func lastBreak(rs []rune, start, end int) int {
	for b := end; b > start; b-- {
		if canBreak(rs, b) {
			return b
		}
	}
	return end
}

// canBreak reports whether a line may end before rs[b].
func canBreak(rs []rune, b int) bool {
	prev, next := rs[b-1], rs[b]
	switch {
	case unicode.IsSpace(next):
		// Break at the first space of a run, never inside it.
		return !unicode.IsSpace(prev)
	case unicode.IsSpace(prev):
		return false
	case strings.ContainsRune(noLineStart, next), strings.ContainsRune(noLineEnd, prev):
		return false
	}
	return isCJK(prev) || isCJK(next)
}

// Characters that must not start or end a line in Chinese text. Latin
// closing marks and % are in noLineStart too, as they close the text
// before them whichever script it is in.
const (
	noLineStart = "，。、；：？！）》」』】〕〗〉’”…‥—～·％%,.;:?!)]}>"
	noLineEnd   = "（《「『【〔〖〈‘“([{<"
)

// isCJK reports whether r is a character a Chinese line may break
// before or after: ideographs, kana, hangul and the full-width forms and
// punctuation.
func isCJK(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	case r >= 0x2E80 && r <= 0x2FDF: // radicals
		return true
	case r == '…' || r == '—' || r == '·' || r == '“' || r == '”' || r == '‘' || r == '’':
		return true
	}
	return false
}
