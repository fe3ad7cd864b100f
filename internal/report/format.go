package report

import (
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
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
	return i18n.PickName(d.meta.Lang, zh, en)
}

// score shows a score to 2 decimals, as the self-evaluation form does.
func score(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
