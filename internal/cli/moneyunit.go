package cli

import (
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The unit of the amounts in the tables of budget show, actuals show and
// monitor: --unit wan (万元, two decimals, the default, as the reports and
// the finance bureau's forms) or --unit yuan (元, to the fen). JSON is
// always integer fen.
type moneyUnit struct{ yuan bool }

// parseMoneyUnit reads --unit as report does: yuan|元 or wan|万元.
func parseMoneyUnit(s string) (moneyUnit, error) {
	switch s {
	case "", "wan", "万元", "万":
		return moneyUnit{}, nil
	case "yuan", "元":
		return moneyUnit{yuan: true}, nil
	}
	return moneyUnit{}, usagef("%s", i18n.T("cli.report.bad_unit", "Unit", s))
}

// format shows a in the unit, without the unit's name (it is in the header).
func (u moneyUnit) format(a money.Amount) string {
	if u.yuan {
		return money.FormatPlain(a)
	}
	return money.FormatIn(a, money.TenThousand, 2)
}

// name is the unit's name for headers and sentences.
func (u moneyUnit) name() string {
	if u.yuan {
		return i18n.T("cli.unit.yuan")
	}
	return i18n.T("cli.unit.wan")
}

// header is the column title key with the unit named in it.
func (u moneyUnit) header(key string) string { return i18n.T(key, "Unit", u.name()) }

// amountReport is yearMonthReport with --unit (monthHelp "" for no --month).
func amountReport(env *Env, name, about, monthHelp string, args []string) (svc *services.Services, year, month int, asJSON bool, unit moneyUnit, err error) {
	f := newFlags(env, name, "", about)
	y := f.Int("year", 0, "cli.flag.year")
	m := new(int)
	if monthHelp != "" {
		m = f.Int("month", 0, monthHelp)
	}
	u := f.String("unit", "", "cli.flag.money_unit")
	j := f.Bool("json", false, "cli.flag.json")
	if err = f.parseNone(args); err != nil {
		return nil, 0, 0, false, unit, err
	}
	if err = requireYear(*y); err != nil {
		return nil, 0, 0, false, unit, err
	}
	if unit, err = parseMoneyUnit(*u); err != nil {
		return nil, 0, 0, false, unit, err
	}
	svc, err = env.open()
	return svc, *y, *m, *j, unit, err
}
