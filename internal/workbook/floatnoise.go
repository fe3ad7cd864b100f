package workbook

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// FloatNoise reports a raw cell value whose shortest decimal form has no
// digits beyond the fen in unit u (4558853.5599999996 is 4558853.56 stored
// as a binary float): rounding it is no news.
func FloatNoise(raw string, u money.Unit) bool {
	f, err := strconv.ParseFloat(Clean(raw), 64)
	if err != nil {
		return false
	}
	short := strconv.FormatFloat(f, 'f', -1, 64)
	dec := 0
	if i := strings.IndexByte(short, '.'); i >= 0 {
		dec = len(short) - i - 1
	}
	digits := 2
	for sc := u.Scale(); sc > 1; sc /= 10 {
		digits++
	}
	return dec <= digits
}
