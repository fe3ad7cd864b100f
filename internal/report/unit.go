package report

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/services"
)

// settingUnit holds the amount unit of reports: "yuan" or "wan".
const settingUnit = "report.amount_unit"

// DefaultUnit is 万元: budget reports to committees are usually in it.
const DefaultUnit = money.TenThousand

// AmountUnit is the unit reports show amounts in: money.Yuan or
// money.TenThousand, DefaultUnit until one is chosen.
func AmountUnit(ctx context.Context, svc *services.Services, by domain.Actor) (money.Unit, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return 0, err
	}
	v, err := svc.Store.Setting(ctx, settingUnit)
	if err != nil {
		return 0, err
	}
	switch v {
	case "yuan":
		return money.Yuan, nil
	case "wan":
		return money.TenThousand, nil
	}
	return DefaultUnit, nil
}

// SetAmountUnit stores the unit reports show amounts in. It is a display
// preference that changes no figure, so whoever may read may choose it.
func SetAmountUnit(ctx context.Context, svc *services.Services, by domain.Actor, u money.Unit) error {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return err
	}
	v := ""
	switch u {
	case money.Yuan:
		v = "yuan"
	case money.TenThousand:
		v = "wan"
	default:
		return domain.NewProblem("problem.report.unit", "Reports show amounts in yuan (元) or 10,000 yuan (万元).")
	}
	return svc.Store.SetSetting(ctx, settingUnit, v)
}
