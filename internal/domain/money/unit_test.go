package money_test

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestUnitScaleAndString(t *testing.T) {
	for _, c := range []struct {
		u     money.Unit
		scale int64
		label string
	}{
		{money.Yuan, 1, "元"},
		{money.Thousand, 1000, "千元"},
		{money.TenThousand, 10000, "万元"},
	} {
		if c.u.Scale() != c.scale || c.u.String() != c.label || !c.u.Valid() {
			t.Errorf("%d: Scale %d String %q", int(c.u), c.u.Scale(), c.u.String())
		}
	}
	if got := money.Unit(9).String(); got != "Unit(9)" {
		t.Errorf("invalid unit String = %q", got)
	}
	if money.Unit(-1).Valid() {
		t.Error("Unit(-1) is valid")
	}
	defer func() {
		if recover() == nil {
			t.Error("Scale of an invalid unit did not panic")
		}
	}()
	money.Unit(9).Scale()
}

func TestParseUnit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want money.Unit
		ok   bool
	}{
		{"元", money.Yuan, true},
		{"千元", money.Thousand, true},
		{"万元", money.TenThousand, true},
		{" 万元 ", money.TenThousand, true},
		{"人民币万元", money.TenThousand, true},
		{"单位：万元", money.TenThousand, true},
		{"单位:元", money.Yuan, true},
		{"金额单位:万元", money.TenThousand, true},
		{"金额单位：千元", money.Thousand, true},
		{"（单位：千元）", money.Thousand, true},
		{"(万元)", money.TenThousand, true},
		{"【单位：元】", money.Yuan, true},
		{"yuan", money.Yuan, true},
		{"Yuan", money.Yuan, true},
		{"thousand yuan", money.Thousand, true},
		{"Thousands of yuan", money.Thousand, true},
		{"10,000 yuan", money.TenThousand, true},
		{"ten thousand yuan", money.TenThousand, true},
		{"Ten  Thousand Yuan", money.TenThousand, true},
		{"Unit: 10,000 yuan", money.TenThousand, true},
		{"Unit：Yuan", money.Yuan, true},
		{"(in thousand yuan)", money.Thousand, true},
		{"RMB", money.Yuan, true},
		{"RMB'000", money.Thousand, true},
		{"RMB 10,000 yuan", money.TenThousand, true},
		{"RMB 10,000", money.TenThousand, true},
		{"", money.Yuan, false},
		{"万", money.Yuan, false},
		{"美元", money.Yuan, false},
		{"元/平方米", money.Yuan, false},
		{"yuanbao", money.Yuan, false},
		{"单位：万元 以上", money.Yuan, false},
		{"2024年预算表（单位：万元）", money.Yuan, false}, // a title: use FindUnit
	} {
		got, ok := money.ParseUnit(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseUnit(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestFindUnit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want money.Unit
		ok   bool
	}{
		{"万元", money.TenThousand, true},
		{"2024年部门预算表 单位：万元", money.TenThousand, true},
		{"2024年部门预算表（单位：千元）", money.Thousand, true},
		{"编制单位：某某医院    金额单位:万元", money.TenThousand, true},
		{"编制单位：元亨医院    单位：万元", money.TenThousand, true},
		{"预算数（万元）", money.TenThousand, true},
		{"预算数(千元)", money.Thousand, true},
		{"决算数【元】", money.Yuan, true},
		{"单位：人民币元", money.Yuan, true},
		{"Budget 2024 (Unit: 10,000 yuan)", money.TenThousand, true},
		{"Budget 2024, units: thousand yuan", money.Thousand, true},
		{"Amount (ten thousand yuan)", money.TenThousand, true},
		{"Expenses (RMB'000)", money.Thousand, true},
		{"单位：元 Unit: yuan", money.Yuan, true},
		// Not a table unit.
		{"关于下达100万元以上设备购置预算的通知", money.Yuan, false},
		{"编制单位：某某医院", money.Yuan, false},
		{"community unit 3", money.Yuan, false},
		{"数量（台）", money.Yuan, false},
		{"", money.Yuan, false},
		// Contradictory units are not guessed.
		{"单位：万元（千元）", money.Yuan, false},
	} {
		got, ok := money.FindUnit(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("FindUnit(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
