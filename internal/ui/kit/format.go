package kit

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// Wan shows an amount in 万元 with two decimals and separators; the unit is
// in the column header or the card's caption.
func Wan(a money.Amount) string { return money.FormatIn(a, money.TenThousand, 2) }

// MonthName is "9月" or "September".
func MonthName(m int) string { return i18n.T(fmt.Sprintf("month.%d", m)) }

// Yuan shows an amount in 元 with separators and no currency sign; the
// unit is in the grid's caption.
func Yuan(a money.Amount) string { return money.FormatPlain(a) }

// PickName chooses the department name for the interface language.
func PickName(zh, en string) string {
	if i18n.Current() == i18n.English && en != "" {
		return en
	}
	return zh
}

// GradeName is 优/良/中/差 (Excellent…Poor).
func GradeName(g scoring.Grade) string {
	switch g {
	case scoring.Excellent:
		return i18n.T("grade.excellent")
	case scoring.Good:
		return i18n.T("grade.good")
	case scoring.Fair:
		return i18n.T("grade.fair")
	}
	return i18n.T("grade.poor")
}

// DisplayName is how a user is named on screen: "Name (login)" or the login.
// The built-in user is named in words (系统管理员), without its login.
func DisplayName(a domain.Actor) string {
	if a.Login == domain.LocalUser.Login {
		return i18n.UserName(a.Login)
	}
	if a.Name != "" {
		return a.Name + " (" + a.Login + ")"
	}
	return i18n.UserName(a.Login)
}
