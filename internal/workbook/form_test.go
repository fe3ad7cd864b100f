package workbook

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func testForm(sheet string) Form {
	labels := [][2]string{{"产出指标", "数量指标"}, {"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"效益指标", "社会效益指标"}}
	rest := make([][]FormCell, len(labels))
	for i := range rest {
		rest[i] = []FormCell{Text(2, 1, "指标"), Score(3, 1, float64(i)+0.5)}
	}
	f := Form{Sheet: sheet, Title: "项目支出绩效自评表", Lines: []string{"填报单位：某院", "单位：万元"}, Widths: []float64{10, 12, 20, 10},
		Rows: []FormRow{
			{Head: true, Cells: []FormCell{Text(0, 1, "一级指标"), Text(1, 1, "二级指标"), Text(2, 1, "三级指标"), Text(3, 1, "得分")}},
			{Cells: []FormCell{Label(0, 2, "资金"), Wan(2, 1, money.FromFen(1234567891)), Percent(3, 1, 0.68114)}},
		},
		Notes: []string{"注：测试。"}}
	f.Rows = append(f.Rows, Grouped(labels, rest)...)
	return f
}

// The grid goes into the workbook as drawn: merged cells, numbers exact
// and formatted, A4 landscape one page wide, the grid as the print area.
func TestWriteFormsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "form.xlsx")
	if err := SaveForms(path, "自评表", []Form{testForm("XM1"), testForm("XM2")}, "审计链 #1 abc"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"XM1", "XM2"}) {
		t.Fatalf("sheets %v", got)
	}
	merged, err := f.GetMergeCells("XM1")
	if err != nil {
		t.Fatal(err)
	}
	var ranges []string
	for _, m := range merged {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	// Title, lines, 资金 label, 产出指标 over three rows, 数量指标 over two, the note.
	for _, want := range []string{"A1:D1", "A2:D2", "A4:B4", "A5:A7", "B5:B6", "A9:D9"} {
		if !slices.Contains(ranges, want) {
			t.Errorf("merge %s missing from %v", want, ranges)
		}
	}
	for cell, want := range map[string]string{"A1": "项目支出绩效自评表", "C4": "1234.567891", "D4": "0.681100", "A8": "效益指标", "D5": "0.50"} {
		if got, _ := f.GetCellValue("XM1", cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if got, _ := f.GetCellValue("XM1", "C4"); got != "1,234.57" {
		t.Errorf("C4 shows %q", got)
	}
	if got, _ := f.GetCellValue("XM1", "D4"); got != "68.11%" {
		t.Errorf("D4 shows %q", got)
	}
	lay, err := f.GetPageLayout("XM1")
	if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 {
		t.Errorf("page layout %+v %v", lay, err)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Area" && n.Scope == "XM2" && n.RefersTo == "'XM2'!$A$1:$D$9" {
			found = true
		}
	}
	if !found {
		t.Errorf("print area of XM2 missing: %+v", names)
	}
	hf, err := f.GetHeaderFooter("XM1")
	if err != nil || hf == nil || hf.OddFooter == "" {
		t.Errorf("no stamp in the footer: %+v %v", hf, err)
	}
}

func TestTextLines(t *testing.T) {
	for _, c := range []struct {
		text string
		w    float64
		want int
	}{{"", 10, 1}, {"abc", 10, 1}, {"一二三四五", 10, 2}, {"a\nb", 10, 2}, {"x", 0, 1}} {
		if got := textLines(c.text, c.w); got != c.want {
			t.Errorf("textLines(%q, %v) = %d, want %d", c.text, c.w, got, c.want)
		}
	}
}
