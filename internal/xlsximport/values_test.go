package xlsximport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeEvalBook writes rows (the first a title, the second the header) to
// sheet 评价 of a new workbook, and a notes sheet without a header.
func writeEvalBook(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "评价"); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("评价", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("说明"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue("说明", "A1", "填表说明：每行一个指标")
	path := filepath.Join(t.TempDir(), "values.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadEvaluationValues(t *testing.T) {
	path := writeEvalBook(t, [][]any{
		{"2026年科室绩效指标完成情况"},
		{"编码", "科室", "指标名称", "目标值", "实际值（%）", "发生次数", "偏差原因及改进措施"},
		{"101", "内科", "预算执行率", 95, 92.5, nil, "设备采购延后"},
		{nil, "外科", " 门诊量 ", nil, "12,000", nil, nil},
		{nil, "外科", "医疗纠纷", nil, nil, 2, nil},
		{nil, "外科", "没有值的行", nil, nil, nil, nil},
	})
	rows, probs, err := ReadEvaluationValues(path)
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	r := rows[0]
	if r.Unit != "内科" || r.UnitCode != "101" || r.Indicator != "预算执行率" || r.Actual != "92.5" || r.Reason != "设备采购延后" ||
		r.Where() != "评价!E3" || r.UnitCell != "B3" || r.IndicatorCell != "C3" {
		t.Errorf("row 0: %+v", r)
	}
	if r := rows[1]; r.Unit != "外科" || r.Indicator != "门诊量" || r.Actual != "12,000" || r.Cell != "E4" || r.HasOccurrences {
		t.Errorf("row 1: %+v", r)
	}
	if r := rows[2]; r.Actual != "" || r.Occurrences != 2 || !r.HasOccurrences {
		t.Errorf("row 2: %+v", r)
	}
}

func TestReadEvaluationValuesProjectsAndProblems(t *testing.T) {
	path := writeEvalBook(t, [][]any{
		{"科室", "项目名称", "指标", "完成值", "单位", "发生次数"},
		{"内科", "胸痛中心建设", "开展培训次数", 8, "次", nil},
		{"内科", nil, "预算执行率", "90%", "%", nil},
		{nil, nil, "预算执行率", 90, "%", nil},
		{"内科", nil, nil, 90, "%", nil},
		{"内科", nil, "医疗纠纷", nil, nil, "两次"},
	})
	rows, probs, err := ReadEvaluationValues(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Unit != "胸痛中心建设" || rows[0].UnitCell != "B2" || rows[1].Unit != "内科" || rows[1].Actual != "90%" {
		t.Errorf("rows %+v", rows)
	}
	want := []string{"import.ev.no_unit", "import.ev.no_indicator", "import.ev.bad_occurrences"}
	if len(probs) != len(want) {
		t.Fatalf("problems %v", probs)
	}
	for i, p := range probs {
		if p.Key != want[i] {
			t.Errorf("problem %d: %s (%v), want %s", i, p.Key, p, want[i])
		}
	}
	if got := probs[0].Error(); got != "评价!A4: the row has an actual value but no department or project." {
		t.Errorf("located as %q", got)
	}
	if got := probs[2].Error(); got != `评价!F6: "两次" is not a number of occurrences: write a whole number, 0 or more.` {
		t.Errorf("located as %q", got)
	}
}

func TestReadEvaluationValuesNoHeaderOrNotAWorkbook(t *testing.T) {
	path := writeEvalBook(t, [][]any{{"项目", "金额"}, {"x", 1}})
	rows, probs, err := ReadEvaluationValues(path)
	if err != nil || len(rows) != 0 || len(probs) != 1 || probs[0].Key != "import.ev.no_header" {
		t.Errorf("%v %v %v", rows, probs, err)
	}
	junk := filepath.Join(t.TempDir(), "junk.xlsx")
	if err := os.WriteFile(junk, []byte("PK\x03\x04 not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadEvaluationValues(junk); err == nil {
		t.Error("a broken file was read")
	}
	if _, _, err := ReadEvaluationValues(filepath.Join(t.TempDir(), "missing.xlsx")); err == nil {
		t.Error("a missing file was read")
	}
}
