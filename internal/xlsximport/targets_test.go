package xlsximport

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
)

const targetFixture = "testdata/target_values_2025.xlsx"

// writeTargetFixture writes the committed sample: a title row, a merged
// project cell over its indicator rows, months written four ways, a rate in
// a percentage-formatted cell, a notes sheet, and a wide sheet with a
// column per month.
func writeTargetFixture(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const long, wide = "完成值", "按月填报"
	if err := f.SetSheetName("Sheet1", "填表说明"); err != nil {
		return err
	}
	for _, s := range []string{long, wide} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			panic(err)
		}
	}
	set("填表说明", "A1", "实际值填写截至当月末的累计数；比率填写当期比率。")
	rows := [][]any{
		{"2025年项目绩效目标完成情况"},
		{"科室", "项目名称", "指标名称", "月份", "实际值（累计）", "说明"},
		{"妇女保健科", "农村妇女两癌筛查项目", "宫颈癌筛查人数", 9, 15600, ""},
		{"", "", "筛查结果随访率", "9月", 0.962, ""},
		{"", "", "服务对象满意度", "2025-09", "93%", ""},
		{"", "", "按期完成年度筛查", "2025年9月", "部分", "四季度集中筛查"},
		{"设备科", "医疗设备更新（院级统筹）", "设备购置数量", 9, "4", "到货延迟"},
		{"", "", "", "", "", ""},
		{"设备科", "医疗设备更新（院级统筹）", "设备购置数量", 8, nil, ""},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != nil && v != "" {
				set(long, cell, v)
			}
		}
	}
	if err := f.MergeCell(long, "A1", "F1"); err != nil {
		return err
	}
	if err := f.MergeCell(long, "A3", "A6"); err != nil {
		return err
	}
	if err := f.MergeCell(long, "B3", "B6"); err != nil {
		return err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(long, "E4", "E4", pct); err != nil {
		return err
	}
	wideRows := [][]any{
		{"项目", "指标", "1月", "2月", "3月"},
		{"孕产妇健康教育项目", "孕妇学校授课场次", 14, 30, 46},
		{"孕产妇健康教育项目", "健康知识知晓率", nil, nil, "88%"},
	}
	for r, row := range wideRows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != nil {
				set(wide, cell, v)
			}
		}
	}
	return f.SaveAs(path)
}

// TestWriteTargetValuesFixture rewrites the committed sample when asked:
// BUDGETPERF_WRITE_FIXTURES=1 go test -run WriteTargetValuesFixture.
func TestWriteTargetValuesFixture(t *testing.T) {
	if os.Getenv("BUDGETPERF_WRITE_FIXTURES") == "" {
		t.Skip("set BUDGETPERF_WRITE_FIXTURES=1 to rewrite " + targetFixture)
	}
	if err := writeTargetFixture(targetFixture); err != nil {
		t.Fatal(err)
	}
}

func TestReadTargetValuesFixture(t *testing.T) {
	res, err := ReadTargetValues(targetFixture, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Sheets, []string{"完成值", "按月填报"}) || !reflect.DeepEqual(res.Skipped, []string{"填表说明"}) {
		t.Errorf("sheets %v, skipped %v", res.Sheets, res.Skipped)
	}
	type row struct {
		project, dept, indicator string
		month                    int
		value, note, cell        string
	}
	var got []row
	for _, r := range res.Rows {
		got = append(got, row{r.Project, r.Dept, r.Indicator, r.Month, r.Value, r.Note, r.Sheet + "!" + r.ValueCell})
	}
	want := []row{
		{"农村妇女两癌筛查项目", "妇女保健科", "宫颈癌筛查人数", 9, "15600", "", "完成值!E3"},
		{"农村妇女两癌筛查项目", "妇女保健科", "筛查结果随访率", 9, "96.2%", "", "完成值!E4"},
		{"农村妇女两癌筛查项目", "妇女保健科", "服务对象满意度", 9, "93%", "", "完成值!E5"},
		{"农村妇女两癌筛查项目", "妇女保健科", "按期完成年度筛查", 9, "部分", "四季度集中筛查", "完成值!E6"},
		{"医疗设备更新（院级统筹）", "设备科", "设备购置数量", 9, "4", "到货延迟", "完成值!E7"},
		{"孕产妇健康教育项目", "", "孕妇学校授课场次", 1, "14", "", "按月填报!C2"},
		{"孕产妇健康教育项目", "", "孕妇学校授课场次", 2, "30", "", "按月填报!D2"},
		{"孕产妇健康教育项目", "", "孕妇学校授课场次", 3, "46", "", "按月填报!E2"},
		{"孕产妇健康教育项目", "", "健康知识知晓率", 3, "88%", "", "按月填报!E3"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %v\nwant %v", got, want)
	}
	if r := res.Rows[0]; r.ProjectCell != "B3" || r.DeptCell != "A3" || r.IndicatorCell != "C3" || r.MonthCell != "D3" {
		t.Errorf("cells of the first row: %+v", r)
	}
	if r := res.Rows[6]; r.MonthCell != "D1" || r.DeptCell != "" {
		t.Errorf("a wide row's month cell is its header: %+v", r)
	}
}

func TestReadTargetValuesProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, rows [][]any) string {
		f := excelize.NewFile()
		defer f.Close()
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if v != nil {
					if err := f.SetCellValue("Sheet1", cell, v); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	header := []any{"项目名称", "指标名称", "月份", "完成值"}
	cases := []struct {
		name string
		rows [][]any
		want map[string][]string // problem key → cells
	}{
		{"no header", [][]any{{"项目", "金额"}, {"x", 1}}, map[string][]string{"import.tv.no_header": {""}}},
		{"empty", nil, map[string][]string{"import.tv.no_header": {""}}},
		{"every row problem", [][]any{header,
			{"", "随访率", 9, "95%"},
			{"两癌筛查", "", 9, "95%"},
			{"两癌筛查", "随访率", "", "95%"},
			{"两癌筛查", "随访率", "13月", "95%"},
			{"两癌筛查", "随访率", "2024-09", "95%"},
			{"两癌筛查", "随访率", "第三季度", "95%"},
		}, map[string][]string{
			"import.tv.no_project":   {"A2"},
			"import.tv.no_indicator": {"B3"},
			"import.tv.no_month":     {"C4"},
			"import.tv.bad_month":    {"C5", "C7"},
			"import.tv.other_year":   {"C6"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadTargetValues(write(c.name+".xlsx", c.rows), 2025)
			got := map[string][]string{}
			for _, p := range domain.AsProblems(err) {
				cell, _ := p.Args["Cell"].(string)
				got[p.Key] = append(got[p.Key], cell)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems %v, want %v (%v)", got, c.want, err)
			}
		})
	}
	// Rows with nothing reported are skipped without a word.
	res, err := ReadTargetValues(write("blank.xlsx", [][]any{{"说明：按月填报"}, header, {"两癌筛查", "随访率", 9, ""}, {}, {"两癌筛查", "随访率", "202509", 0.5}}), 2025)
	if err != nil || len(res.Rows) != 1 || res.Rows[0].Value != "0.5" || res.Rows[0].Month != 9 {
		t.Errorf("blank rows: %+v, %v", res.Rows, err)
	}
	if _, err := ReadTargetValues(filepath.Join(dir, "missing.xlsx"), 2025); domain.AsProblems(err) == nil {
		t.Errorf("a missing file gave %v", err)
	}
	junk := filepath.Join(dir, "junk.xlsx")
	if err := os.WriteFile(junk, []byte("PK\x03\x04 not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadTargetValues(junk, 2025); domain.AsProblems(err) == nil {
		t.Errorf("a broken file gave %v", err)
	}
}

func TestParseMonthCell(t *testing.T) {
	cases := []struct {
		in          string
		month, year int
		ok          bool
	}{
		{"9", 9, 0, true}, {"09", 9, 0, true}, {"9.0", 9, 0, true}, {"9月", 9, 0, true}, {"9月份", 9, 0, true},
		{"九月", 9, 0, true}, {"十二月", 12, 0, true}, {"Sep", 9, 0, true}, {"September", 9, 0, true},
		{"2025-09", 9, 2025, true}, {"2025/9", 9, 2025, true}, {"2025.9", 9, 2025, true}, {"2025年9月", 9, 2025, true},
		{"202509", 9, 2025, true}, {"2025-09-30", 9, 2025, true}, {"45930", 9, 2025, true},
		{"0", 0, 0, false}, {"13", 0, 0, false}, {"9.5", 0, 0, false}, {"", 0, 0, false}, {"Q3", 0, 0, false},
		{"ju", 0, 0, false}, {"202513", 0, 0, false},
	}
	for _, c := range cases {
		m, y, ok := parseMonthCell(c.in)
		if ok != c.ok || ok && (m != c.month || y != c.year) {
			t.Errorf("parseMonthCell(%q) = %d, %d, %v; want %d, %d, %v", c.in, m, y, ok, c.month, c.year, c.ok)
		}
	}
}

func TestTVValue(t *testing.T) {
	cases := []struct {
		raw     string
		percent bool
		want    string
	}{
		{"0.962", true, "96.2%"}, {"1", true, "100%"}, {"1199.9999999999998", false, "1200"}, {" 1,200 ", false, "1,200"},
		{"达成", false, "达成"}, {"95%", true, "95%"}, {"NaN", false, "NaN"}, {"inf", false, "inf"}, {"", false, ""},
	}
	for _, c := range cases {
		if got := tvValue(c.raw, c.percent); got != c.want {
			t.Errorf("tvValue(%q, %v) = %q, want %q", c.raw, c.percent, got, c.want)
		}
	}
}
