package xlsximport

import (
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
)

// vocabulary the fuzzer draws cells from: header words, units, subtotal
// labels, codes, department names and amounts in many spellings.
var fuzzWords = []string{
	"", "科室", "部门", "预算单位", "科目编码", "科目代码", "经济分类编码", "编码", "科目名称", "名称", "支出经济分类",
	"预算数", "预算金额（元）", "全年预算", "本年预算数", "调整后预算", "年初预算", "调整数", "上年执行数", "合计", "小计", "总计",
	"Total", "序号", "栏次", "财政拨款", "其他资金", "备注", "单位：万元", "金额单位：千元", "科室：内科", "内科", "外科",
	"[001]外科", "[30201]办公费", "30101", "301", "30102", "39999", "  30201", "办公费", "　基本工资", "1,234.56", "(12.50)",
	"-", "12,3x4.00", "1e308", "-9223372036854775808", "99999999999999999", "0.005", "#N/A", "甲", "Department", "Code",
	"Budget", "Amount", "=SUM(A1:A3)", "2025年预算表", "门诊收入", "住院收入", "诊察收入", "挂号收入", "[4101010102]诊察收入",
	"项目", "1", "2", "3", "行次", "全院", "000", "101", "小  计", "合 计",
}

func FuzzReadBudget(f *testing.F) {
	f.Add([]byte{1, 5, 9, 12, 31, 35, 11, 44, 0, 2, 3, 4})
	f.Add([]byte("科室科目编码预算数内科30101 1,234"))
	f.Add([]byte{200, 3, 4, 7, 0, 0, 0, 9, 9, 9, 16, 17, 18, 2, 1, 0, 36, 37, 38, 39, 40})
	subjects, err := subjectsForFuzz()
	if err != nil {
		f.Fatal(err)
	}
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = true }()
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		path := filepath.Join(dir, fmt.Sprintf("f%d.xlsx", n))
		n++
		if err := buildFuzzBook(path, data); err != nil {
			t.Skip(err)
		}
		opts := Options{Subjects: subjects, CreateMissing: data[0]&1 == 1}
		if data[0]&2 == 2 {
			opts.Departments = []domain.Department{{Code: "101", Name: "内科", Type: domain.Clinical, CoefficientMilli: 1000}}
		}
		if data[0]&4 == 4 {
			opts.AmountColumn = "全年预算"
		}
		res, err := ReadBudget(path, opts)
		if err == nil {
			_ = DepartmentTotals(res)
		} else if len(domain.AsProblems(err)) == 0 {
			t.Fatalf("error is not a domain.Problems: %v", err)
		}
	})
}

func subjectsForFuzz() ([]domain.Subject, error) {
	return []domain.Subject{
		{Code: "301", Name: "工资福利支出"}, {Code: "30101", Name: "基本工资"}, {Code: "30102", Name: "津贴补贴"},
		{Code: "302", Name: "商品和服务支出"}, {Code: "30201", Name: "办公费"},
		{Code: "41010101", Name: "门急诊收入"}, {Code: "4101010101", Name: "挂号收入", Parent: "41010101"},
		{Code: "4101010102", Name: "诊察收入", Parent: "41010101"},
		{Code: "41010102", Name: "住院收入"}, {Code: "4101010202", Name: "诊察收入", Parent: "41010102"},
	}, nil
}

// buildFuzzBook writes a grid of up to 8×6 cells (and a few merges)
// chosen by data into an .xlsx file.
func buildFuzzBook(path string, data []byte) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "预算"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	cols := 2 + int(data[0]>>3)%5
	i := 1
	for r := 1; r <= 8 && i < len(data); r++ {
		for c := 1; c <= cols && i < len(data); c++ {
			b := data[i]
			i++
			cell, _ := excelize.CoordinatesToCellName(c, r)
			switch {
			case b >= 250 && i < len(data):
				// A number from the next byte.
				_ = f.SetCellValue(sheet, cell, float64(int(data[i])-100)*1.37)
				i++
			case b >= 240:
				_ = f.SetCellFormula(sheet, cell, "SUM(A1:B2)")
			default:
				w := fuzzWords[int(b)%len(fuzzWords)]
				if w != "" {
					_ = f.SetCellStr(sheet, cell, w)
				}
			}
		}
	}
	// Merges from the tail.
	for k := 0; k+3 < len(data)-i && k < 8; k += 4 {
		j := i + k
		r0, c0 := 1+int(data[j])%8, 1+int(data[j+1])%cols
		r1, c1 := r0+int(data[j+2])%2, c0+int(data[j+3])%3
		a, _ := excelize.CoordinatesToCellName(c0, r0)
		b, _ := excelize.CoordinatesToCellName(c1, r1)
		if a != b {
			_ = f.MergeCell(sheet, a, b)
		}
	}
	return f.SaveAs(path)
}

// FuzzSheetXML feeds raw worksheet XML to the cell stream, through both
// readers (a budget's whole sheet and an actuals ledger streamed): damaged,
// strict, prefixed or hostile markup must give problems, never a panic.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<sheetData>` + rawHeader + rawLineXML(2, "30101", `<c r="D2" t="b"><v>1</v></c>`) + `</sheetData>`)
	f.Add(`<sheetData><row><c t="inlineStr"><is><t>日期</t></is></c><c t="inlineStr"><is><t>金额</t></is></c><c t="s"><v>1</v></c></row><row r="3"><c s="1"><v>45717</v></c><c t="e"><v>#REF!</v></c><c t="s"><v>99</v></c></row></sheetData>`)
	f.Add(`<sheetData><row r="2"><c r="ZZ2"><v>1</v></c><c r="A9999" t="b"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD9999"/><mergeCell ref="B2"/></mergeCells>`)
	f.Add(`<x:sheetData xmlns:x="urn:x"><x:row r="0"><x:c r="$A$1"><x:f>1</x:f></x:c></x:row></x:sheetData>`)
	subjects, err := subjectsForFuzz()
	if err != nil {
		f.Fatal(err)
	}
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = true }()
	dir := f.TempDir()
	n := 0
	bigRef := regexp.MustCompile(`[0-9]{5,}`)
	f.Fuzz(func(t *testing.T, body string) {
		if bigRef.MatchString(body) {
			t.Skip("rows past 9999 take seconds each under the fuzzer; TestNoRowLimit reads them")
		}
		path := filepath.Join(dir, fmt.Sprintf("s%d.xlsx", n))
		n++
		ss := append(append([]string{}, rawStrings...), "日期", "借方金额")
		if err := xc.WriteBook(path, xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: body}}, SharedStrings: ss,
			CellXfs: []int{0, 14, 10}, Date1904: len(body)%2 == 1}); err != nil {
			t.Skip(err)
		}
		opts := Options{Subjects: subjects, CreateMissing: true}
		if _, err := ReadBudget(path, opts); err != nil && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("error is not a domain.Problems: %v", err)
		}
		if _, err := ReadActuals(path, ActualsOptions{Options: opts, Year: 2025}); err != nil && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("error is not a domain.Problems: %v", err)
		}
	})
}
