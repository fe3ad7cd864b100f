package report

import (
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/money"
)

func itoa(n int) string { return strconv.Itoa(n) }

// amt shows an amount in the report's unit with thousands separators and
// two decimals, as the column header names the unit.
func (d *doc) amt(a money.Amount) string { return money.FormatIn(a, d.meta.Unit, 2) }

// amtUnit is an amount followed by its unit, "1,234.57万元" or
// "1,234.57 10k yuan", for running text and figure lists.
func (d *doc) amtUnit(a money.Amount) string {
	if d.meta.Lang == i18n.English {
		return d.amt(a) + " " + d.unitLabel()
	}
	return d.amt(a) + d.unitLabel()
}

// unitLabel is 元 or 万元 (yuan, 10k yuan).
func (d *doc) unitLabel() string { return unitLabel(d.meta.Unit) }

func unitLabel(u money.Unit) string {
	if u == money.Yuan {
		return i18n.T("report.unit.yuan")
	}
	return i18n.T("report.unit.wan")
}

// pick chooses the name in the report's language.
func (d *doc) pick(zh, en string) string {
	if d.meta.Lang == i18n.English && en != "" {
		return en
	}
	return zh
}

// pct shows a rate as a percentage with one decimal: 0.8732 → 87.3%.
func pct(r float64) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "—"
	}
	return strconv.FormatFloat(r*100, 'f', 1, 64) + "%"
}

// signedPct shows a change with its sign: +4.2%, −3.0%.
func signedPct(r float64, ok bool) string {
	if !ok || math.IsNaN(r) || math.IsInf(r, 0) {
		return "—"
	}
	s := strconv.FormatFloat(r*100, 'f', 1, 64) + "%"
	if r >= 0 {
		return "+" + s
	}
	return s
}

// score shows a score to 2 decimals, as the self-evaluation form does.
func score(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// num shows a number without trailing zeros, up to 4 decimals.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}
