// Package mergedbook lays out the merged-cell benchmark's workbook (issue
// 15): a title merged across the sheet, then N budget lines whose subject
// name is merged over two columns, ten subjects per department. Written by
// bench/genmerged and by BenchmarkMergedCells.
package mergedbook

import (
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

var subjects = [][2]string{{"30201", "办公费"}, {"30205", "水费"}, {"30206", "电费"}, {"30211", "差旅费"}, {"30213", "维修（护）费"},
	{"30216", "培训费"}, {"30218", "专用材料费"}, {"30226", "劳务费"}, {"30299", "其他商品和服务支出"}, {"31002", "办公设备购置"}}

// Book is the workbook of n budget lines, each a merged range (and the
// title merged across the sheet).
func Book(n int) xlsxcells.RawBook {
	ss := []string{"2025年预算表", "科室", "科目编码", "科目名称", "预算数"}
	for _, s := range subjects {
		ss = append(ss, s[1])
	}
	var b strings.Builder
	b.WriteString(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
	b.WriteString(`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c></row>`)
	for i := 0; i < n; i++ {
		r := i + 3
		if i%len(subjects) == 0 {
			ss = append(ss, fmt.Sprintf("科室%05d", i/len(subjects)+1))
		}
		s := i % len(subjects)
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d"><v>%s</v></c><c r="C%d" t="s"><v>%d</v></c><c r="E%d"><v>%d.%02d</v></c></row>`,
			r, r, len(ss)-1, r, subjects[s][0], r, 5+s, r, 1000+i%9000, i%100)
	}
	b.WriteString(`</sheetData>`)
	fmt.Fprintf(&b, `<mergeCells count="%d"><mergeCell ref="A1:E1"/>`, n+1)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<mergeCell ref="C%d:D%d"/>`, i+3, i+3)
	}
	b.WriteString(`</mergeCells>`)
	return xlsxcells.RawBook{Sheets: []xlsxcells.RawSheet{{Name: "预算", Body: b.String()}}, SharedStrings: ss}
}
