package ui

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// wan shows an amount in 万元 with two decimals and separators; the unit is
// in the column header or the card's caption.
func wan(a money.Amount) string { return money.FormatIn(a, money.TenThousand, 2) }

// monthName is "9月" or "September".
func monthName(m int) string { return i18n.T(fmt.Sprintf("month.%d", m)) }

// yuan shows an amount in 元 with separators and no currency sign; the
// unit is in the grid's caption.
func yuan(a money.Amount) string { return money.FormatPlain(a) }
