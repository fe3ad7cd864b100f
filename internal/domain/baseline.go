package domain

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Growth is a growth rate in basis points: 550 is 5.5%.
type Growth int64

// ParseGrowth reads a growth rate as typed: "5", "5.5", "5.5%", "-3%".
// Rates beyond ±1000% are refused as typos.
func ParseGrowth(s string) (Growth, error) {
	t := strings.TrimSpace(width.Narrow.String(s)) // full-width digits as a Chinese input method types them
	t = strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％")
	t = strings.ReplaceAll(strings.TrimSpace(t), "＋", "+")
	t = strings.ReplaceAll(t, "－", "-")
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < -100 || f > 1000 {
		return 0, NewProblem("problem.growth", "\"{{.Value}}\" is not a growth rate: type a percentage between -100 and 1000, e.g. 5 or 5.5%.", "Value", s)
	}
	// Two decimals of a percent are as fine as anyone sets a growth rate.
	return Growth(math.Round(f * 100)), nil
}

// String shows the rate as a percentage, e.g. "5.5%".
func (g Growth) String() string {
	return strconv.FormatFloat(float64(g)/100, 'f', -1, 64) + "%"
}

// Baseline is prior × (1 + growth), rounded half away from zero to the fen:
// the starting figure of a proposal line.
func Baseline(prior money.Amount, g Growth) money.Amount {
	num := new(big.Int).Mul(big.NewInt(prior.Fen()), big.NewInt(10000+int64(g)))
	den := big.NewInt(10000)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	// Half away from zero: compare twice the remainder with the divisor.
	if new(big.Int).Abs(new(big.Int).Mul(r, big.NewInt(2))).Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() {
		return prior
	}
	return money.Amount(q.Int64())
}

// GrowthRate is (now − before) ÷ before; ok is false when before is 0,
// where a rate means nothing.
func GrowthRate(now, before money.Amount) (rate float64, ok bool) {
	if before == 0 {
		return 0, false
	}
	return float64(now.Fen()-before.Fen()) / float64(before.Fen()), true
}

// Section groups proposal lines the way a budget form does: revenue as
// outpatient and emergency, inpatient, fiscal appropriations and other;
// expenditure by the top level of its classification (301, 302 …).
type Section struct {
	Key   string // e.g. "rev.outpatient", "exp.301"
	Order int
	// Code is the subject that heads an expenditure section; empty for
	// the fixed revenue sections. Name and NameEn are its names.
	Code, Name, NameEn string
}

// Revenue sections in form order.
const (
	SectionOutpatient = "rev.outpatient"
	SectionInpatient  = "rev.inpatient"
	SectionFiscal     = "rev.fiscal"
	SectionOtherRev   = "rev.other"
)

// SectionOf places a subject in its section; subjects maps codes to the catalogue.
func SectionOf(code string, subjects map[string]Subject) Section {
	s, known := subjects[code]
	if known && s.Kind == Revenue || !known && strings.HasPrefix(code, "4") {
		switch {
		case strings.HasPrefix(code, "41010101"):
			return Section{Key: SectionOutpatient, Order: 1}
		case strings.HasPrefix(code, "41010102"):
			return Section{Key: SectionInpatient, Order: 2}
		case strings.HasPrefix(code, "4001"):
			return Section{Key: SectionFiscal, Order: 3}
		}
		return Section{Key: SectionOtherRev, Order: 4}
	}
	top := code
	for known && s.Parent != "" {
		top = s.Parent
		s, known = subjects[top]
	}
	return Section{Key: "exp." + top, Order: 10, Code: top, Name: s.Name, NameEn: s.NameEn}
}
