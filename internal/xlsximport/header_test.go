package xlsximport

import (
	"os"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gridOf(rows [][]string, merges ...workbook.MergeRange) *workbook.Grid {
	return &workbook.Grid{Name: "s", Rows: rows, Merges: merges}
}

func TestFindHeader(t *testing.T) {
	cases := []struct {
		name     string
		g        *workbook.Grid
		row, n   int
		roles    map[int]role
		notFound bool
	}{
		{name: "plain chinese", g: gridOf([][]string{{"科室", "科目编码", "科目名称", "预算数"}}), row: 0, n: 1,
			roles: map[int]role{0: roleDept, 1: roleCode, 2: roleName, 3: roleAmount}},
		{name: "english", g: gridOf([][]string{{"Department", "Code", "Subject", "Budget"}}), row: 0, n: 1,
			roles: map[int]role{0: roleDept, 1: roleCode, 2: roleName, 3: roleAmount}},
		{name: "title and unit rows", g: gridOf([][]string{{"A市人民医院2025年度部门支出预算表"}, {"单位：元"}, {"科室", "经济分类编码", "经济分类名称", "全年预算", "备注"}}, workbook.MergeRange{R0: 0, C0: 0, R1: 0, C1: 4}), row: 2, n: 1, roles: map[int]role{1: roleCode, 2: roleName, 3: roleAmount, 4: roleNote}},
		{name: "two merged rows", g: gridOf([][]string{{"2025年度科室预算汇总表（单位：元）"}, {"经济分类", "", "预算数", "", "合计"}, {"编码", "名称", "内科", "外科"}}, workbook.MergeRange{R0: 0, C0: 0, R1: 0, C1: 4}, workbook.MergeRange{R0: 1, C0: 0, R1: 1, C1: 1}, workbook.MergeRange{R0: 1, C0: 2, R1: 1, C1: 3}, workbook.MergeRange{R0: 1, C0: 4, R1: 2, C1: 4}),
			row: 1, n: 2, roles: map[int]role{0: roleCode, 1: roleName, 2: roleNone, 4: roleSubtotal}},
		{name: "funding sources", g: gridOf([][]string{{"序号", "预算单位", "支出经济分类", "年初预算"}, {"", "", "", "小计", "财政拨款", "其他资金"}}, workbook.MergeRange{R0: 0, C0: 0, R1: 1, C1: 0}, workbook.MergeRange{R0: 0, C0: 1, R1: 1, C1: 1}, workbook.MergeRange{R0: 0, C0: 2, R1: 1, C1: 2}, workbook.MergeRange{R0: 0, C0: 3, R1: 0, C1: 5}),
			row: 0, n: 2, roles: map[int]role{0: roleNumbering, 1: roleDept, 2: roleName, 3: roleSubtotal, 4: roleFunding}},
		{name: "indented header cells", g: gridOf([][]string{{"　科目编码 ", " 科目 名称", "预算金额（元）"}}), row: 0, n: 1,
			roles: map[int]role{0: roleCode, 1: roleName, 2: roleAmount}},
		{name: "notes only", g: gridOf([][]string{{"本表由各科室填报，金额单位为元。"}, {"请勿修改表头。"}}), notFound: true},
		{name: "header below row 20", g: gridOf(append(make([][]string, 20), []string{"科室", "科目编码", "预算数"})), notFound: true},
	}
	for _, c := range cases {
		h, ok := findHeader(c.g)
		if ok == c.notFound {
			t.Errorf("%s: found=%v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		if h.row != c.row || h.rows != c.n {
			t.Errorf("%s: header at %d+%d, want %d+%d", c.name, h.row, h.rows, c.row, c.n)
		}
		for col, r := range c.roles {
			if h.cols[col].role != r {
				t.Errorf("%s: column %d role %d, want %d (%+v)", c.name, col, h.cols[col].role, r, h.cols[col])
			}
		}
	}
}

func TestClassifyAmountKinds(t *testing.T) {
	cases := map[string]struct {
		r role
		l int
	}{
		"调整后预算": {roleAmount, levelAdjusted}, "全年预算": {roleAmount, levelAnnual}, "本年预算数": {roleAmount, levelAnnual},
		"预算数": {roleAmount, levelAnnual}, "年初预算": {roleAmount, levelInitial}, "年初预算数（万元）": {roleAmount, levelInitial},
		"上年执行数": {rolePrior, 0}, "上年实际": {rolePrior, 0}, "调整数": {roleDelta, 0}, "栏次": {roleNumbering, 0},
		"合  计": {roleSubtotal, 0}, "Total": {roleSubtotal, 0}, "Amount": {roleAmount, levelAnnual}, "内科": {roleNone, 0},
		"预算单位": {roleDept, 0}, "财政拨款": {roleFunding, 0},
	}
	for text, want := range cases {
		r, l := classify(text)
		if r != want.r || l != want.l {
			t.Errorf("classify(%q) = %d,%d want %d,%d", text, r, l, want.r, want.l)
		}
	}
}

func TestFindUnit(t *testing.T) {
	cases := []struct {
		name string
		g    *workbook.Grid
		want money.Unit
	}{
		{"title 万元", gridOf([][]string{{"2025年预算支出明细表"}, {"编制单位：A市人民医院", "", "", "单位：万元"}, {"科目编码", "科目名称", "本年预算数"}}), money.TenThousand},
		{"金额单位 万元", gridOf([][]string{{"金额单位：万元"}, {"科目编码", "预算数"}}), money.TenThousand},
		{"header 千元", gridOf([][]string{{"单位：元"}, {"科目编码", "预算数（千元）"}}), money.Thousand},
		{"bracket title", gridOf([][]string{{"2025年度科室预算汇总表（单位：元）"}, {"科目编码", "预算数"}}), money.Yuan},
		{"default", gridOf([][]string{{"科目编码", "预算数"}}), money.Yuan},
		{"prose is not a unit", gridOf([][]string{{"100万元以上设备"}, {"科目编码", "预算数"}}), money.Yuan},
	}
	for _, c := range cases {
		h, ok := findHeader(c.g)
		if !ok {
			t.Errorf("%s: no header", c.name)
			continue
		}
		var amount []int
		for _, col := range h.cols {
			if col.role == roleAmount {
				amount = append(amount, col.index)
			}
		}
		if got := findUnit(c.g, h, amount); got != c.want {
			t.Errorf("%s: unit %v, want %v", c.name, got, c.want)
		}
	}
}
