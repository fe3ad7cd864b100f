package domain

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// ParseRatio reads a share as people write it: "15%" (also "15 %", "15％")
// or the fraction "0.15". A bare number above 1 is refused rather than
// guessed: "15" could mean 15% or fifteen times.
func ParseRatio(s string) (float64, error) {
	t := strings.TrimSpace(width.Narrow.String(s)) // ０.１５ and １５％ as typed with a Chinese input method
	percent := strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％")
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％"))
	v, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil || v != v || v < 0:
		return 0, NewProblem("problem.ratio.unreadable", "\"{{.Text}}\" is not a share: write it as a percentage (15%) or a fraction (0.15).", "Text", s)
	case percent:
		return v / 100, nil
	case v > 1:
		return 0, NewProblem("problem.ratio.ambiguous", "\"{{.Text}}\" is more than 1: write {{.Text}}% for a percentage, or a fraction such as 0.15.", "Text", s)
	}
	return v, nil
}
