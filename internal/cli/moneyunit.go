package cli

import (
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The unit of the amounts in every table: --unit wan (万元, two decimals)
// or --unit yuan (元, to the fen). The summaries (budget show, actuals
// show, monitor) default to 万元 as the reports and the finance bureau's
// forms do; the tables of single lines a department works in (a proposal,
// the preparation status, projects, suggestions, a bonus allocation)
// default to 元, as the window's grids show them and as amounts are typed.
// JSON is always integer fen.
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

// yuanUnitFlag is --unit for a table whose amounts are in 元 by default.
func yuanUnitFlag(f *flags) *string { return f.String("unit", "", "cli.flag.money_unit_yuan") }

// parseYuanUnit reads yuanUnitFlag: 元 unless wan is asked for.
func parseYuanUnit(s string) (moneyUnit, error) {
	if s == "" {
		return moneyUnit{yuan: true}, nil
	}
	return parseMoneyUnit(s)
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
	return unitReport(env, name, about, monthHelp, args, false)
}

// unitReport is amountReport whose --unit defaults to 元 when inYuan.
func unitReport(env *Env, name, about, monthHelp string, args []string, inYuan bool) (svc *services.Services, year, month int, asJSON bool, unit moneyUnit, err error) {
	f := newFlags(env, name, "", about)
	y := f.Int("year", 0, "cli.flag.year")
	m := new(int)
	if monthHelp != "" {
		m = f.Int("month", 0, monthHelp)
	}
	var u *string
	parseUnit := parseMoneyUnit
	if inYuan {
		u, parseUnit = yuanUnitFlag(f), parseYuanUnit
	} else {
		u = f.String("unit", "", "cli.flag.money_unit")
	}
	j := f.Bool("json", false, "cli.flag.json")
	if err = f.parseNone(args); err != nil {
		return nil, 0, 0, false, unit, err
	}
	if err = requireYear(*y); err != nil {
		return nil, 0, 0, false, unit, err
	}
	if unit, err = parseUnit(*u); err != nil {
		return nil, 0, 0, false, unit, err
	}
	svc, err = env.open()
	return svc, *y, *m, *j, unit, err
}
