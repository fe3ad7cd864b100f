package xlsximport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The text fixtures are the sample workbooks as LibreOffice exports them
// (soffice --headless --convert-to csv / html, amounts as shown), then
// re-encoded as Chinese software writes them: GBK, a UTF-8 BOM, tabs, an
// HTML page saved as .xls with <meta charset=gb2312>.
var textFixtures = []struct {
	file, source, encoding string
	sameSheets             bool // HTML of several sheets: names as in the workbook (LibreOffice heads each table with it)
}{
	{"text_budget_long_title_rows_gbk.csv", "budget_long_title_rows.xlsx", "gb18030", false},
	{"text_budget_hospital_wanyuan_hierarchy_bom.csv", "budget_hospital_wanyuan_hierarchy.xlsx", "utf-8", false},
	{"text_budget_adjusted_negatives_tab.txt", "budget_adjusted_negatives.xlsx", "utf-8", false},
	{"text_budget_wide_departments_across.xls", "budget_wide_departments_across.xlsx", "utf-8", false},
	{"text_budget_bracket_codes_wanyuan_gb2312.xls", "budget_bracket_codes_wanyuan.xlsx", "gb18030", false},
	{"text_budget_sheet_per_department.xls", "budget_sheet_per_department.xlsx", "utf-8", true},
}

// lineKeys lists lines as department|subject|amount|cell (and sheet), sorted.
func lineKeys(ls []Line, sheet bool) []string {
	var out []string
	for _, l := range ls {
		k := fmt.Sprintf("%s|%s|%d|%s", l.DeptName, l.SubjectCode, l.Amount, l.Cell)
		if sheet {
			k += "|" + l.Sheet
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestTextExportsReadLikeTheirWorkbooks(t *testing.T) {
	subjects := catalogue(t)
	expected := loadExpected(t)
	for _, fx := range textFixtures {
		t.Run(fx.file, func(t *testing.T) {
			opts := Options{Subjects: subjects, CreateMissing: true}
			want, err := ReadBudget(filepath.Join("testdata", fx.source), opts)
			if err != nil {
				t.Fatalf("workbook: %v", err)
			}
			got, err := ReadBudget(filepath.Join("testdata", fx.file), opts)
			if err != nil {
				t.Fatalf("text export: %v", err)
			}
			if got.Encoding != fx.encoding || want.Encoding != "" {
				t.Errorf("encoding %q (workbook %q), want %q", got.Encoding, want.Encoding, fx.encoding)
			}
			if g, w := lineKeys(got.Lines, fx.sameSheets), lineKeys(want.Lines, fx.sameSheets); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("lines differ from the workbook's:\n got %v\nwant %v", g, w)
			}
			checkTotals(t, DepartmentTotals(got), expected[fx.source])
			if len(got.Warnings) != len(want.Warnings) {
				t.Errorf("warnings %v, workbook's %v", got.Warnings, want.Warnings)
			}
		})
	}
}

// checkTotals compares department totals with expected.json's ("*" is the
// hospital-wide line, whatever its name).
func checkTotals(t *testing.T, got map[string]money.Amount, want map[string]json.RawMessage) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("departments %v, want %d", keys(got), len(want))
	}
	for k, raw := range want {
		var fen int64
		if err := json.Unmarshal(raw, &fen); err != nil {
			t.Fatal(err)
		}
		if k == "*" && len(got) == 1 {
			for _, v := range got {
				if v != money.Amount(fen) {
					t.Errorf("hospital-wide %d, want %d", v, fen)
				}
			}
			continue
		}
		if got[k] != money.Amount(fen) {
			t.Errorf("%s: %d fen, want %d", k, got[k], fen)
		}
	}
}

func TestTextLedgerReadsLikeItsWorkbook(t *testing.T) {
	opts := ActualsOptions{Year: 2025, Options: Options{Subjects: catalogue(t), CreateMissing: true}}
	want, err := ReadActuals(filepath.Join("testdata", "actuals_ledger_2025_jan_sep.xlsx"), opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadActuals(filepath.Join("testdata", "text_actuals_ledger_2025_jan_sep.csv"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Ledger || got.Encoding != "utf-8" || len(got.Lines) != len(want.Lines) {
		t.Fatalf("ledger %v encoding %q lines %d, want %d", got.Ledger, got.Encoding, len(got.Lines), len(want.Lines))
	}
	for i, l := range got.Lines {
		w := want.Lines[i]
		if l.Amount != w.Amount || l.Cell != w.Cell || l.Month != w.Month || !l.Date.Equal(w.Date) || l.Voucher != w.Voucher || l.SubjectCode != w.SubjectCode {
			t.Fatalf("line %d: %+v, workbook's %+v", i, l, w)
		}
	}
	checkTotals(t, totalsByDept(got.Lines, func(l ActualLine) (string, string, money.Amount) { return l.DeptName, l.DeptCode, l.Amount }),
		loadExpected(t)["actuals_ledger_2025_jan_sep.xlsx"])
}

// hisExport is the shape of an HIS "Excel export": an HTML page in GB2312
// named .xls, Excel's x:str/x:num attributes and mso- styles, a two-row
// header of rowspan/colspan cells, amounts as shown, and a 合计 row.
const hisExport = `<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>.xl24{mso-number-format:"\#\,\#\#0\.00";} .xl25{mso-number-format:"\@";}</style></head>
<body><table border=1>
<tr><td colspan=6>2025年科室支出预算表</td></tr>
<tr><td colspan=6>单位：元</td></tr>
<tr><td rowspan=2>科室</td><td rowspan=2>科目编码</td><td rowspan=2>科目名称</td><td colspan=3>年初预算</td></tr>
<tr><td>小计</td><td>财政拨款</td><td>其他资金</td></tr>
<tr><td>内科</td><td class=xl25 x:str="'30201">30201</td><td>办公费</td><td class=xl24 x:num="1234.5">1,234.50</td><td>1,000.00</td><td>234.50</td></tr>
<tr><td>内科</td><td class=xl25 x:str>30216</td><td>培训费</td><td class=xl24>（200.00）</td><td>（200.00）</td><td></td></tr>
<tr><td>外科</td><td x:str>30201</td><td>办公费</td><td>2,000,000.00</td><td>&nbsp;</td><td>2,000,000.00</td></tr>
<tr><td colspan=3>合计</td><td x:num>2,001,034.50</td><td>800.00</td><td>2,000,234.50</td></tr>
</table></body></html>`

func writeGBK(t *testing.T, name, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHISExportAndGBKBudget(t *testing.T) {
	opts := Options{Subjects: catalogue(t), CreateMissing: true}
	res, err := ReadBudget(writeGBK(t, "科室预算.xls", hisExport), opts)
	if err != nil {
		t.Fatalf("ReadBudget: %v", err)
	}
	got := lineKeys(res.Lines, true)
	want := []string{"内科|30201|123450|D5|Table1", "内科|30216|-20000|D6|Table1", "外科|30201|200000000|D7|Table1"}
	if res.Encoding != "gb18030" || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("encoding %q lines %v", res.Encoding, got)
	}
	// A 合计 that disagrees with its lines is named by its cell, as in a workbook.
	bad := strings.Replace(hisExport, "<td x:num>2,001,034.50</td>", "<td x:num>2,001,034.00</td>", 1)
	if _, err := ReadBudget(writeGBK(t, "bad.xls", bad), opts); !strings.Contains(fmt.Sprint(err), "Table1!D8") {
		t.Errorf("disagreeing 合计: %v", err)
	}
	// The same budget as a GBK CSV, the sheet named after the file.
	csv := "科室,科目编码,科目名称,预算数\n内科,30201,办公费,\"1,234.50\"\n内科,30216,培训费,（200.00）\n外科,30201,办公费,\"2,000,000.00\"\n合计,,,\"2,001,034.50\"\n"
	res, err = ReadBudget(writeGBK(t, "预算.csv", csv), opts)
	if err != nil {
		t.Fatalf("GBK CSV: %v", err)
	}
	got = lineKeys(res.Lines, true)
	want = []string{"内科|30201|123450|D2|预算", "内科|30216|-20000|D3|预算", "外科|30201|200000000|D4|预算"}
	if res.Encoding != "gb18030" || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("GBK CSV: encoding %q lines %v", res.Encoding, got)
	}
	// Read as UTF-8 on purpose, the GBK file is refused naming the encoding.
	opts.Encoding = "utf-8"
	if _, err := ReadBudget(writeGBK(t, "预算.csv", csv), opts); len(problemKeys(err)["import.text_not_utf8"]) != 1 {
		t.Errorf("forced UTF-8: %v", err)
	}
}

func TestTextRefusals(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Subjects: catalogue(t), CreateMissing: true}
	cases := map[string]string{
		"binary.xls":  "\x00\x01\x02\x03garbage",
		"empty.csv":   "",
		"xml.xls":     `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`,
		"notable.xls": "<html><body>报表</body></html>",
		"wide.csv":    "a" + strings.Repeat(",1", 20000),
	}
	wantKey := map[string]string{"binary.xls": "import.not_xlsx", "empty.csv": "import.not_xlsx", "xml.xls": "import.not_xlsx",
		"notable.xls": "import.html_no_table", "wide.csv": "import.text_too_many_columns"}
	for name, content := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := ReadBudget(path, opts)
		if len(problemKeys(err)[wantKey[name]]) != 1 {
			t.Errorf("%s: %v, want %s", name, err, wantKey[name])
		}
		_, err = ReadActuals(path, ActualsOptions{Year: 2025, Options: opts})
		if len(problemKeys(err)[wantKey[name]]) != 1 {
			t.Errorf("actuals %s: %v, want %s", name, err, wantKey[name])
		}
	}
	// A text export over the size limit is refused naming its size, unread
	// (the file is sparse).
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, []byte("科室,科目编码,预算数\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 300<<20); err != nil {
		t.Skip(err)
	}
	if _, err := ReadBudget(big, opts); len(problemKeys(err)["import.text_too_large"]) != 1 || !strings.Contains(err.Error(), "300 MB") {
		t.Errorf("300 MB CSV: %v", err)
	}
}

// A ledger as an accounting system's CSV: amounts as shown, negatives in
// full-width parentheses, a 合计 row; cells named as a spreadsheet shows them.
func TestUTF8LedgerCSV(t *testing.T) {
	csv := "日期,凭证号,科室,科目编码,金额\n2025-01-05,记-0001,内科,30201,\"1,234.56\"\n\n2025-02-10,记-0002,外科,30201,（34.56）\n合计,,,,\"1,200.00\"\n"
	path := filepath.Join(t.TempDir(), "明细账.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := ReadActuals(path, ActualsOptions{Year: 2025, Options: Options{Subjects: catalogue(t), CreateMissing: true}})
	if err != nil {
		t.Fatalf("ReadActuals: %v", err)
	}
	var got []string
	for _, l := range res.Lines {
		got = append(got, fmt.Sprintf("%s|%s|%d|%d|%s!%s", l.DeptName, l.Voucher, l.Month, l.Amount, l.Sheet, l.Cell))
	}
	want := "内科|记-0001|1|123456|明细账!E2,外科|记-0002|2|-3456|明细账!E4"
	if !res.Ledger || res.Encoding != "utf-8" || strings.Join(got, ",") != want {
		t.Errorf("ledger %v %q lines %v", res.Ledger, res.Encoding, got)
	}
}
