package scoring

import (
	"math"
	"math/big"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Application is what a grade means for next year's budget (结果应用).
type Application struct {
	Grade Grade
	// ChangePct is the change of the base in percent (−5 cuts 5%); it is
	// applied to the hundredth of a percent.
	ChangePct float64
	// Note is the English text of what else the grade asks for; NoteKey
	// is its translation key.
	Note, NoteKey string
}

// DefaultApplication is the domain's default table. "May rise" for
// excellent is a note, not a number: a rise is decided case by case.
var DefaultApplication = []Application{
	{Grade: Excellent, ChangePct: 0, Note: "Base kept; may rise.", NoteKey: "evaluate.apply.excellent"},
	{Grade: Good, ChangePct: 0, Note: "Base kept.", NoteKey: "evaluate.apply.good"},
	{Grade: Fair, ChangePct: -5, Note: "Base cut by 5%.", NoteKey: "evaluate.apply.fair"},
	{Grade: Poor, ChangePct: -10, Note: "Base cut by 10%, or the project stopped, subject to review.", NoteKey: "evaluate.apply.poor"},
}

// Suggest applies the table's row for grade to base and returns next
// year's suggested amount with the row. A grade without a row keeps the
// base (and returns a row with only the grade). The amount is exact in fen:
// base × (10000 + change in hundredths of a percent) ÷ 10000, rounded half
// away from zero (四舍五入). A cut beyond 100% stops at zero; a NaN change
// counts as none. Like the money package it panics if the result does not
// fit in an Amount rather than wrapping.
func Suggest(table []Application, grade Grade, base money.Amount) (money.Amount, Application) {
	app := Application{Grade: grade}
	for _, a := range table {
		if a.Grade == grade {
			app = a
			break
		}
	}
	return change(base, app.ChangePct), app
}

// change returns base changed by pct percent, exact in fen.
func change(base money.Amount, pct float64) money.Amount {
	if math.IsNaN(pct) || pct == 0 {
		return base
	}
	factor := int64(10000) // 100% in hundredths of a percent
	switch {
	case pct <= -100:
		factor = 0
	case pct >= 1e12: // far beyond any budget rule; keeps the float→int exact
		factor = 1e14
	default:
		factor += int64(math.Round(pct * 100))
	}
	// big.Int: base × factor overflows int64 for bases above ~9 trillion fen.
	num := new(big.Int).Mul(big.NewInt(base.Fen()), big.NewInt(factor))
	q, r := new(big.Int).QuoRem(num, big.NewInt(10000), new(big.Int))
	if r.CmpAbs(big.NewInt(5000)) >= 0 { // half away from zero
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	if !q.IsInt64() {
		panic("evaluate: suggested amount overflows money.Amount")
	}
	return money.FromFen(q.Int64())
}
