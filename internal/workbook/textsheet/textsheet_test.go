package textsheet

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t *testing.T, data []byte, name, enc string) *Book {
	t.Helper()
	b, err := Parse(data, name, enc)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return b
}

func TestCSVEncodings(t *testing.T) {
	const text = "2025年预算表\n科室,科目编码,科目名称,预算数\n内科,30201,办公费,\"1,234.56\"\n"
	want := [][]string{{"2025年预算表"}, {"科室", "科目编码", "科目名称", "预算数"}, {"内科", "30201", "办公费", "1,234.56"}}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(strings.ReplaceAll(text, ",", "\t"), "1\t234", "1,234")))
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf8", []byte(text), UTF8},
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), UTF8},
		{"gbk", gbk(t, text), GB18030},
		{"utf16 tab", u16, UTF16LE},
	}
	for _, c := range cases {
		b := mustParse(t, c.data, "内科预算.csv", "")
		if b.Kind != CSV || b.Encoding != c.enc {
			t.Errorf("%s: kind %v encoding %q, want CSV %q", c.name, b.Kind, b.Encoding, c.enc)
		}
		if got := b.Sheets[0].Rows; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: rows %q", c.name, got)
		}
		if b.Sheets[0].Name != "内科预算" {
			t.Errorf("%s: sheet %q", c.name, b.Sheets[0].Name)
		}
	}
	// Forcing UTF-8 on GBK bytes is refused with the offset; an unknown name too.
	if _, err := Parse(gbk(t, text), "x.csv", "utf-8"); problemKey(err) != "import.text_not_utf8" {
		t.Errorf("forced utf-8: %v", err)
	}
	if _, err := Parse([]byte(text), "x.csv", "latin9"); problemKey(err) != "import.encoding_unknown" {
		t.Errorf("unknown encoding: %v", err)
	}
	if b := mustParse(t, []byte(text), "x.csv", "GBK"); b.Encoding != GB18030 {
		t.Errorf("override: %q", b.Encoding)
	}
}

func problemKey(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	return ""
}

func TestCSVRowsAndDelimiters(t *testing.T) {
	// Empty lines stay rows (cell references as a spreadsheet shows them);
	// a quoted line break stays in its cell; ="0301" loses its wrapper.
	text := "单位：元\n\n科室;编码;金额\n内科;=\"030\";\"1.234,5\"\n\"外\n科\";302;(12.50)\n\n"
	b := mustParse(t, []byte(text), "a.txt", "")
	want := [][]string{{"单位：元"}, nil, {"科室", "编码", "金额"}, {"内科", "030", "1.234,5"}, {"外\n科", "302", "(12.50)"}}
	if !reflect.DeepEqual(b.Sheets[0].Rows, want) {
		t.Errorf("rows %q", b.Sheets[0].Rows)
	}
	tab := "日期\t凭证号\t金额\n2025-01-02\t记-1\t1,234.00\n2025-01-03\t记-2\t2,000,000.00\n"
	if got := mustParse(t, []byte(tab), "l.csv", "").Sheets[0].Rows[2]; !reflect.DeepEqual(got, []string{"2025-01-03", "记-2", "2,000,000.00"}) {
		t.Errorf("tab rows %q", got)
	}
}

func TestLimits(t *testing.T) {
	wide := strings.Repeat(",x", MaxCols+1)
	if _, err := Parse([]byte("a\n"+wide), "w.csv", ""); problemKey(err) != "import.text_too_many_columns" {
		t.Errorf("wide: %v", err)
	}
	long := strings.Repeat("1\n", MaxRows+1)
	if _, err := Parse([]byte(long), "l.csv", ""); problemKey(err) != "import.text_too_many_rows" {
		t.Errorf("long: %v", err)
	}
	gap := "1\n" + strings.Repeat("\n", MaxRows+1) + "2\n"
	if _, err := Parse([]byte(gap), "g.csv", ""); problemKey(err) != "import.text_too_many_rows" {
		t.Errorf("empty lines: %v", err)
	}
	if err := tooLarge("f.csv", MaxBytes+1); problemKey(err) != "import.text_too_large" || !strings.Contains(err.Error(), "201 MB") {
		t.Errorf("too large: %v", err)
	}
}

func TestSniff(t *testing.T) {
	cases := map[string]Kind{
		"\xEF\xBB\xBF<html><table>": HTML, "  <TABLE border=1>": HTML, "<!DOCTYPE html>": HTML,
		"<meta charset=gb2312><table>": HTML, "a,b\n1,2": CSV, "PK\x03\x04\x00": Unknown, "\x00\x00\x00": Unknown,
		"": Unknown, "%PDF-1.7\n": Unknown, "<?xml version=\"1.0\"?><Workbook>": Unknown,
		"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">": HTML,
	}
	for in, want := range cases {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
	if _, err := Parse([]byte("\x00\x01"), "z", ""); err != ErrUnknown {
		t.Errorf("binary: %v", err)
	}
}

func TestHTMLSpans(t *testing.T) {
	page := `<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<style>td{mso-number-format:"\@";}</style></head><body>
<table border=1><caption>内科 预算</caption>
<tr><td rowspan=2>科目编码</td><td rowspan=2>科目名称</td><td colspan=2 x:str>年初预算</td></tr>
<tr><td>小计</td><td>财政拨款</td></tr>
<tr><td x:str="'30201">30201</td><td>办公&nbsp;费</td><td x:num="1234.5">1,234.50</td><td>（1,234.50）</td></tr>
<tr><td colspan=2>合计<br>（元）</td><td>1,234.50</td></tr>
</table><table><tr><td rowspan=5>孤</td></tr></table></body></html>`
	b := mustParse(t, gbk(t, page), "export.xls", "")
	if b.Kind != HTML || b.Encoding != GB18030 || len(b.Sheets) != 2 {
		t.Fatalf("book %v %q %d sheets", b.Kind, b.Encoding, len(b.Sheets))
	}
	s := b.Sheets[0]
	want := [][]string{{"科目编码", "科目名称", "年初预算"}, {"", "", "小计", "财政拨款"},
		{"30201", "办公\u00a0费", "1,234.50", "（1,234.50）"}, {"合计\n（元）", "", "1,234.50"}}
	if s.Name != "内科 预算" || !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("sheet %q rows %q", s.Name, s.Rows)
	}
	wantM := []Merge{{0, 0, 1, 0}, {0, 1, 1, 1}, {0, 2, 0, 3}, {3, 0, 3, 1}}
	if !reflect.DeepEqual(s.Merges, wantM) {
		t.Errorf("merges %v", s.Merges)
	}
	// A rowspan past the last row is cut; the single cell left is no merge.
	if s2 := b.Sheets[1]; s2.Name != "Table2" || len(s2.Merges) != 0 {
		t.Errorf("second table %q %v", s2.Name, s2.Merges)
	}
}

func TestHTMLNames(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<h1>Overview</h1><a name="table1"><h1>Sheet 2: <em>外科</em></h1></a>
<table><tr><td>a<table><tr><td>inner</td></tr></table>b</td></tr></table></body></html>`
	b := mustParse(t, []byte(page), "x.xls", "")
	if len(b.Sheets) != 2 || b.Sheets[0].Name != "外科" || b.Sheets[0].Rows[0][0] != "ab" || b.Sheets[1].Rows[0][0] != "inner" {
		t.Errorf("sheets %+v", b.Sheets)
	}
	if b.Encoding != UTF8 {
		t.Errorf("encoding %q", b.Encoding)
	}
	// Unclosed cells and rows, as old exports write them.
	sloppy := mustParse(t, []byte("<table><tr><td>a<td>b<tr><td>c</table>"), "s.xls", "")
	if got := sloppy.Sheets[0].Rows; !reflect.DeepEqual(got, [][]string{{"a", "b"}, {"c"}}) {
		t.Errorf("unclosed cells: %q", got)
	}
	if _, err := Parse([]byte("<html><body>no table</body></html>"), "p.xls", ""); problemKey(err) != "import.html_no_table" {
		t.Errorf("no table: %v", err)
	}
	// A stale meta that the bytes contradict loses to the bytes.
	stale := `<html><meta charset=gb2312><table><tr><td>内科</td></tr></table>`
	if b := mustParse(t, []byte(stale), "s.xls", ""); b.Encoding != UTF8 || b.Sheets[0].Rows[0][0] != "内科" {
		t.Errorf("stale meta: %q %q", b.Encoding, b.Sheets[0].Rows)
	}
}

// Hostile tables are refused quickly: rowspans that would keep thousands
// of columns covered on every row, and a million one-cell rows.
func TestHTMLBoundedWork(t *testing.T) {
	start := time.Now()
	page := "<table>" + strings.Repeat("<tr><td rowspan=16000>x", 200000)
	if _, err := Parse([]byte(page), "h.xls", ""); problemKey(err) != "import.text_too_many_merges" {
		t.Errorf("stacked rowspans: %v", err)
	}
	if _, err := Parse([]byte("<table>"+strings.Repeat("<tr><td>1", MaxRows+1)), "r.xls", ""); problemKey(err) != "import.text_too_many_rows" {
		t.Errorf("rows: %v", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}
