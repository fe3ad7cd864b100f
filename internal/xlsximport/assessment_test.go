package xlsximport

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

const realAssessment = "testdata/county_hospital_secondary_assessment_values_2017_2020.xlsx"

func assessmentKeys(ps domain.Problems) []string {
	var ks []string
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func wantValue(t *testing.T, what string, vs map[int]Value, year int, num float64, text, cell string) {
	t.Helper()
	v, ok := vs[year]
	if !ok || !v.Has || v.Number != num || v.Text != text || v.Cell != cell {
		t.Errorf("%s %d = %+v (present %v), want %v from %q at %s", what, year, v, ok, num, text, cell)
	}
}

func findRow(t *testing.T, a Assessment, cell string) AssessmentRow {
	t.Helper()
	for _, r := range a.Rows {
		if r.Cell == cell {
			return r
		}
	}
	t.Fatalf("no indicator row at %s", cell)
	return AssessmentRow{}
}

// TestReadAssessmentRealWorkbook checks the layout facts of the real fill-in
// sheet: header row 3 (项目, 单位, 行次, 2020年…2017年), 28 indicators numbered
// "N." with numerator N.1 and denominator N.2 below, 2019–2017 stored as
// text, * rows of basic information, an empty 心内科 sheet.
func TestReadAssessmentRealWorkbook(t *testing.T) {
	a, err := ReadAssessment(realAssessment)
	if err != nil {
		t.Fatal(err)
	}
	if a.Sheet != "医院" || !slices.Equal(a.Years, []int{2017, 2018, 2019, 2020}) {
		t.Fatalf("sheet %q years %v", a.Sheet, a.Years)
	}
	if got := assessmentKeys(a.Problems); !slices.Equal(got, []string{"assessment.sheet_empty"}) || a.Problems[0].Args["Sheet"] != "心内科" {
		t.Errorf("problems %v", a.Problems)
	}
	if len(a.Rows) != 28 {
		t.Fatalf("%d indicator rows, want 28", len(a.Rows))
	}
	for i, r := range a.Rows {
		if r.Seq != i+1 {
			t.Errorf("row %d (%s %q) has seq %d", i, r.Cell, r.RawName, r.Seq)
		}
	}
	r1 := findRow(t, a, "医院!A5")
	if r1.RawName != "1.出院患者手术占比▲" || r1.Name != "出院患者手术占比" || r1.Unit != "%" {
		t.Errorf("A5 = %q → %q unit %q", r1.RawName, r1.Name, r1.Unit)
	}
	wantValue(t, "A5", r1.Values, 2020, 32.47, "32.47", "医院!D5") // a number cell
	wantValue(t, "A5", r1.Values, 2019, 28.96, "28.96", "医院!E5") // stored as text
	wantValue(t, "A5", r1.Values, 2017, 26.46, "26.46", "医院!G5")
	if r1.Numerator == nil || r1.Denominator == nil {
		t.Fatalf("A5 has no numerator/denominator: %+v", r1)
	}
	if r1.Numerator.Name != "出院患者手术人数" || r1.Numerator.Cell != "医院!A6" || r1.Denominator.Name != "同期出院患者人数" || r1.Denominator.Cell != "医院!A7" {
		t.Errorf("A5 parts %+v / %+v", *r1.Numerator, *r1.Denominator)
	}
	wantValue(t, "A6", r1.Numerator.Values, 2020, 12158, "12158", "医院!D6")
	wantValue(t, "A6", r1.Numerator.Values, 2019, 11328, "11328.00", "医院!E6")
	wantValue(t, "A7", r1.Denominator.Values, 2018, 36235, "36235.00", "医院!F7")

	// 5. 低风险组病例死亡率 has only 2020.
	r5 := findRow(t, a, "医院!A17")
	wantValue(t, "A17", r5.Values, 2020, 2.94, "2.94", "医院!D17")
	if v, ok := r5.Values[2019]; ok || v.Has {
		t.Errorf("A17 2019 = %+v, want missing", v)
	}
	// 12. is a group of two rates: unit "--", no values, no numerator.
	r12 := findRow(t, a, "医院!A36")
	if r12.Unit != "--" || len(r12.Values) != 0 || r12.Numerator != nil || r12.Denominator != nil || len(r12.Details) != 6 {
		t.Errorf("A36 = %+v", r12)
	}
	// 医护比 "1/1.55": the unit 比值（1:X） names X.
	r23 := findRow(t, a, "医院!A117")
	wantValue(t, "A117", r23.Values, 2020, 1.55, "1/1.55", "医院!D117")
	// Cleaning: the stray space in "耗材 、检查", full-width brackets.
	r19 := findRow(t, a, "医院!A79")
	if r19.Name != "医疗服务收入(不含药品、耗材、检查检验收入)占医疗收入比例" {
		t.Errorf("A79 name %q", r19.Name)
	}
	// The * rows are basic information; "500.00" is stored as text.
	if len(a.Info) != 9 || a.Info[1].Name != "编制床位数" {
		t.Fatalf("info rows %+v", a.Info)
	}
	wantValue(t, "A154", a.Info[1].Values, 2019, 500, "500.00", "医院!E154")
	wantValue(t, "A154", a.Info[1].Values, 2020, 700, "700", "医院!D154")
}

// TestReadAssessmentOddCases reads assessment_odd_cases.xlsx (made with
// openpyxl): a notes sheet, text years "2019年度", a 序号 column, "--",
// "1,234.5", "1，000", "12.5%", a cell formatted 0.00% holding 0.125,
// "(3.5)", "abc", rows labelled 分子/分母, a nameless row, a part with no
// indicator, "1：1.6", "N/A" and an empty sheet.
func TestReadAssessmentOddCases(t *testing.T) {
	a, err := ReadAssessment("testdata/assessment_odd_cases.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if a.Sheet != "指标" || !slices.Equal(a.Years, []int{2019, 2020}) {
		t.Fatalf("sheet %q years %v", a.Sheet, a.Years)
	}
	wantKeys := []string{"assessment.sheet_skipped", "assessment.not_number", "assessment.nameless_values",
		"assessment.orphan_part", "assessment.sheet_empty"}
	if got := assessmentKeys(a.Problems); !slices.Equal(got, wantKeys) {
		t.Fatalf("problems %v, want %v\n%v", got, wantKeys, a.Problems)
	}
	for i, cell := range []string{"", "指标!D7", "指标!B8", "指标!B9", ""} {
		if cell != "" && a.Problems[i].Args["Sheet"].(string)+"!"+a.Problems[i].Args["Cell"].(string) != cell {
			t.Errorf("problem %d at %v!%v, want %s", i, a.Problems[i].Args["Sheet"], a.Problems[i].Args["Cell"], cell)
		}
	}
	if len(a.Rows) != 4 {
		t.Fatalf("rows %+v", a.Rows)
	}
	r := a.Rows[0]
	if r.Seq != 1 || r.Name != "出院患者手术占比" || r.Cell != "指标!B3" {
		t.Errorf("row 0 %+v", r)
	}
	if v := r.Values[2019]; v.Has || v.Text != "--" {
		t.Errorf("-- read as %+v", v)
	}
	wantValue(t, "B3", r.Values, 2020, 1234.5, "1,234.5", "指标!E3")
	if r.Numerator == nil || r.Numerator.Name != "分子:出院患者手术人数" || r.Denominator == nil {
		t.Fatalf("分子/分母 not attached: %+v", r)
	}
	wantValue(t, "B5", r.Denominator.Values, 2019, 1000, "1，000", "指标!D5")
	r2 := a.Rows[1]
	if r2.Seq != 2 || r2.Name != "出院患者微创手术占比" {
		t.Errorf("row 1 %+v", r2)
	}
	wantValue(t, "B6", r2.Values, 2019, 12.5, "12.5%", "指标!D6")
	wantValue(t, "B6", r2.Values, 2020, 12.5, "0.125", "指标!E6")
	wantValue(t, "B7", a.Rows[2].Values, 2020, -3.5, "(3.5)", "指标!E7")
	if v := a.Rows[2].Values[2019]; v.Has || v.Text != "abc" {
		t.Errorf("abc read as %+v", v)
	}
	r23 := a.Rows[3]
	wantValue(t, "B10", r23.Values, 2019, 1.6, "1：1.6", "指标!D10")
	if v := r23.Values[2020]; v.Has {
		t.Errorf("N/A read as %+v", v)
	}
}

func TestReadAssessmentUnreadable(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.xlsx")
	if err := os.WriteFile(junk, []byte("PK\x03\x04 not really a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadAssessment(junk)
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "import.unreadable" {
		t.Errorf("junk: %v", err)
	}
	_, err = ReadAssessment("testdata/budget_long_title_rows.xlsx")
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "assessment.no_header" {
		t.Errorf("budget workbook: %v", err)
	}
	_, err = ReadAssessment(filepath.Join(dir, "missing.xlsx"))
	if domain.AsProblems(err) == nil {
		t.Errorf("missing file: %v", err)
	}
}

func TestParseAssessmentNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    float64
		kind valueKind
	}{
		{"500.00", 500, valueNumber}, {"1,234", 1234, valueNumber}, {"12.5%", 12.5, valueNumber},
		{"-7.37", -7.37, valueNumber}, {"(2.5)", -2.5, valueNumber}, {"１２３", 123, valueNumber},
		{"1:3.2", 3.2, valueNumber}, {"--", 0, valueNone}, {"-", 0, valueNone}, {"—", 0, valueNone},
		{"/", 0, valueNone}, {"无", 0, valueNone}, {"NaN", 0, valueNotNumber}, {"Inf", 0, valueNotNumber},
		{"0x10", 0, valueNotNumber}, {"2:3", 0, valueNotNumber}, {"12,3x4", 0, valueNotNumber},
	} {
		n, k := parseAssessmentNumber(c.in)
		if n != c.n || k != c.kind {
			t.Errorf("%q → %v, %v; want %v, %v", c.in, n, k, c.n, c.kind)
		}
	}
}

func TestCleanIndicatorName(t *testing.T) {
	for in, want := range map[string]string{
		"1.出院患者手术占比▲":                    "出院患者手术占比",
		"4. 手术患者并发症发生率▲":                 "手术患者并发症发生率",
		"12.1.1.参加本省临床检验中心组织的室间质评的检验项目数": "参加本省临床检验中心组织的室间质评的检验项目数",
		"22.1.1.1.1.其中：17种抗癌药品收入":        "其中:17种抗癌药品收入",
		"*编制床位数":                    "编制床位数",
		"（3）抗菌药物使用强度（DDDs）":         "抗菌药物使用强度(DDDs)",
		"1、医护比★":                    "医护比",
		"17种抗癌药品收入":                 "17种抗癌药品收入",
		"1.5倍床位":                    "1.5倍床位",
		"  Average length of stay ": "Average length of stay",
		"2020年":                     "2020年",
	} {
		if got := CleanIndicatorName(in); got != want {
			t.Errorf("CleanIndicatorName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCleanIndicatorName(f *testing.F) {
	for _, s := range []string{"1.出院患者手术占比▲", "4. 手术患者并发症发生率▲", "12.1.1.参加", "（3）抗菌（DDDs）",
		"*编制床位数*", "1.1.2.3名", "1. 2. 3. x", "a　 b", "\xff1.x", "(1)(2)名", "1.", "▲1.▲2.名", " 9 9 名"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := CleanIndicatorName(s)
		if twice := CleanIndicatorName(once); twice != once {
			t.Errorf("not idempotent: %q → %q → %q", s, once, twice)
		}
		parseNumbering(s)
		parseAssessmentNumber(s)
		bareName(s)
	})
}
