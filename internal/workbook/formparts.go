package workbook

// Parts of the bureau's forms that several forms share.

import (
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// FundingRows is the funding block in 万元: the total, then 财政拨款,
// 事业收入, 上年结转 and 其他资金 (empty while the split is not decided).
func FundingRows(total money.Amount, fu domain.Funding) []FormRow {
	names := []string{"其中：财政拨款", "事业收入", "上年结转", "其他资金"}
	rows := []FormRow{{Cells: []FormCell{{Col: 0, Down: 5, Text: "项目资金（万元）", Bold: true, Align: "C"},
		Label(1, 2, "资金总额"), Wan(3, 5, total)}}}
	for i, a := range fu.Parts() {
		c := Wan(3, 5, a)
		if !fu.Given() {
			c = Text(3, 5, "")
		}
		rows = append(rows, FormRow{Cells: []FormCell{Label(1, 2, names[i]), c}})
	}
	return rows
}

// OrderedTargets is a target table in the forms' order: by category (产出
// 数量, 质量, 时效, 成本; 效益 …; 满意度), keeping the table's order within
// a category.
func OrderedTargets(ts []domain.Target) []domain.Target {
	out := make([]domain.Target, 0, len(ts))
	for _, c := range domain.TargetCategories {
		for _, t := range ts {
			if t.Category == c {
				out = append(out, t)
			}
		}
	}
	return out
}

// TargetLabels are a category's level-1 and level-2 names on the forms.
func TargetLabels(c domain.TargetCategory) [2]string {
	zh, _ := c.GroupName()
	dim := map[domain.TargetDimension]string{domain.DimOutput: "产出指标", domain.DimBenefit: "效益指标", domain.DimSatisfaction: "满意度指标"}
	return [2]string{dim[c.Dimension()], zh}
}

// SheetName is a project's sheet: its code, else its name, cut to the 31
// characters a sheet name may have, without the characters it may not.
func SheetName(code, name string) string {
	s := code
	if s == "" {
		s = name
	}
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// ProjectHead is the particulars of a project over eight columns: name
// and code, department and person responsible, attribute and period.
func ProjectHead(p domain.Project, dept string) []FormRow {
	period := fmt.Sprintf("%d年—%d年", p.StartYear, p.EndYear)
	return []FormRow{
		{Cells: []FormCell{Label(0, 1, "项目名称"), Text(1, 3, p.Name), Label(4, 1, "项目编码"), Text(5, 3, p.Code)}},
		{Cells: []FormCell{Label(0, 1, "实施科室"), Text(1, 3, dept), Label(4, 1, "项目负责人"), Text(5, 3, p.Responsible)}},
		{Cells: []FormCell{Label(0, 1, "项目属性"), Text(1, 3, p.Attribute.AttributeText()), Label(4, 1, "项目期限"), Text(5, 3, period)}},
	}
}
