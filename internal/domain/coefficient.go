package domain

import (
	"strconv"
	"strings"
)

// ParseCoefficient reads a bonus coefficient typed as a decimal ("1.15",
// "0.8", "1") into thousandths without going through floating point, so
// 1.15 is exactly 1150.
func ParseCoefficient(s string) (int64, error) {
	bad := NewProblem("problem.dept.coefficient_text", "\"{{.Text}}\" is not a coefficient: enter a decimal such as 1.15 (at most three decimals).", "Text", s)
	s = strings.TrimSpace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 3 || strings.ContainsAny(whole+frac, "+-") {
		return 0, bad
	}
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseInt(whole, 10, 32)
	if err != nil {
		return 0, bad
	}
	frac += strings.Repeat("0", 3-len(frac))
	f, err := strconv.ParseInt(frac, 10, 32)
	if err != nil {
		return 0, bad
	}
	return w*1000 + f, nil
}

// FormatCoefficient shows thousandths as a decimal with three places.
func FormatCoefficient(milli int64) string {
	return strconv.FormatInt(milli/1000, 10) + "." + strconv.FormatInt(1000+milli%1000, 10)[1:]
}
