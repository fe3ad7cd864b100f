package report

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/budgetperf/budgetperf/assets"
)

// fixedWidth measures a Chinese character as 1 and anything else as 0.5,
// so the expected lines of a table test can be worked out by hand.
func fixedWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isCJK(r) {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}

func TestBreakLines(t *testing.T) {
	for _, c := range []struct {
		text string
		w    float64
		want []string
	}{
		{"", 5, nil},
		{"偏差超过10%", 4, []string{"偏差超过", "10%"}},
		{"偏差超过10%", 3, []string{"偏差超", "过10%"}},
		{"住院收入中来自医保基金", 5, []string{"住院收入中", "来自医保基", "金"}},
		{"建议预算为", 2, []string{"建议", "预算", "为"}},
		// Only the last rune is on the second line: it is kept.
		{"门诊收入中来自医保基金的金额占比", 15, []string{"门诊收入中来自医保基金的金额占", "比"}},
		// No line starts with a full stop or comma: the character before goes with it.
		{"收入增长，支出下降。", 4, []string{"收入增", "长，支出", "下降。"}},
		// No line ends with an opening bracket.
		{"指标（国家）", 3, []string{"指标", "（国", "家）"}},
		{"科室《办法》", 2, []string{"科室", "《办", "法》"}},
		// Nor with the closing one: the character before it goes along.
		{"国家）。", 3, []string{"国", "家）。"}},
		// Latin breaks at spaces, the spaces at the break go.
		{"the total budget", 5, []string{"the total", "budget"}},
		{"the total budget", 3, []string{"the", "total", "budget"}},
		{"ab  cd", 2, []string{"ab", "cd"}},
		// A word wider than the line is broken where it must be.
		{"abcdefgh", 2, []string{"abcd", "efgh"}},
		// A newline is a break; an empty paragraph an empty line.
		{"甲乙\n\n丙", 5, []string{"甲乙", "", "丙"}},
		// The indent of a paragraph stays.
		{"  三级公立医院", 4, []string{"  三级公", "立医院"}},
		// Chinese next to Latin breaks between them.
		{"CMI值达到1.2", 4, []string{"CMI值达", "到1.2"}},
		// A run of closing marks longer than the line cannot give way: cut.
		{"。。。。。。", 2, []string{"。。", "。。", "。。"}},
	} {
		got := breakLines(c.text, c.w, fixedWidth)
		if !slices.Equal(got, c.want) {
			t.Errorf("breakLines(%q, %v) = %q, want %q", c.text, c.w, got, c.want)
		}
		checkLines(t, c.text, c.w, fixedWidth, got)
	}
}

// checkLines checks the breaker's promises: the lines are the text, in
// order, with only white space left out at the breaks; every line fits
// unless it is one rune; no line starts with a closing mark or ends
// with an opening one where it could have been avoided.
func checkLines(t *testing.T, text string, w float64, width func(string) float64, lines []string) {
	t.Helper()
	rest := text
	for k, l := range lines {
		if k > 0 {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			l = strings.TrimLeftFunc(l, unicode.IsSpace)
		}
		if !strings.HasPrefix(rest, l) {
			t.Fatalf("%q: line %d %q is not the next text of %q (lines %q)", text, k, l, rest, lines)
		}
		rest = rest[len(l):]
		if width(l) > w+1e-6 && utf8.RuneCountInString(strings.TrimSpace(l)) > 1 {
			t.Errorf("%q: line %q is %.3f wide, more than %.3f", text, l, width(l), w)
		}
	}
	if strings.TrimSpace(rest) != "" {
		t.Fatalf("%q: %q left after the lines %q", text, rest, lines)
	}
}

// realWidth measures with the report font at 8.5 points, as the tables do.
func realWidth(t testing.TB) func(string) float64 {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(family, "", assets.FontRegular())
	p.SetFont(family, "", 8.5)
	if p.Err() {
		t.Fatal(p.Error())
	}
	return p.GetStringWidth
}

// The line-start and line-end rules hold whenever a line could give way:
// here from 16 mm, the width of 例（%），, which cannot be broken.
func TestBreakLinesPunctuation(t *testing.T) {
	width := realWidth(t)
	text := strings.Repeat("住院收入中来自医保基金的比例（%），偏差超过10%的，应说明原因；建议预算为“零基”。", 6)
	for w := 2.0; w < 60; w += 0.7 {
		lines := breakLines(text, w, width)
		checkLines(t, text, w, width, lines)
		if w < 16 {
			continue
		}
		for _, l := range lines[1:] {
			if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune(noLineStart, r) {
				t.Errorf("width %.1f: line starts with %q: %q", w, r, l)
			}
		}
		for _, l := range lines[:len(lines)-1] {
			if r, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune(noLineEnd, r) {
				t.Errorf("width %.1f: line ends with %q: %q", w, r, l)
			}
		}
	}
}

func FuzzBreakLines(f *testing.F) {
	for _, s := range []string{"偏差超过10%", "住院收入中来自医保基金", "the total budget", "（国家）。。", "a\n\nb  c", " ，x ", "\xff中"} {
		f.Add(s, 12.0)
	}
	width := realWidth(f)
	f.Fuzz(func(t *testing.T, text string, w float64) {
		if !utf8.ValidString(text) || w != w || w < 0.5 || w > 400 {
			t.Skip()
		}
		checkLines(t, text, w, width, breakLines(text, w, width))
	})
}
