package xlsximport

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/bench/mergedbook"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
)

// Shared strings of the raw test books: header words, a department, subjects.
var rawStrings = []string{"科室", "科目编码", "科目名称", "预算数", "内科", "基本工资", "津贴补贴"}

const rawHeader = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`

// rawLine is a budget line of 内科 at row r; amount is the whole <c> of column D.
func rawLineXML(r int, code string, amount string) string {
	return fmt.Sprintf(`<row r="%d"><c r="A%d" t="s"><v>4</v></c><c r="B%d"><v>%s</v></c>%s</row>`, r, r, r, code, amount)
}

func writeRaw(t testing.TB, rb xc.RawBook) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raw.xlsx")
	if err := xc.WriteBook(path, rb); err != nil {
		t.Fatal(err)
	}
	return path
}

// budgetRaw is a one-sheet budget book: the header, a good line in row 2
// and the amount cell under test as D3 (subject 30102).
func budgetRaw(amountCell string) xc.RawBook {
	body := `<sheetData>` + rawHeader + rawLineXML(2, "30101", `<c r="D2"><v>100.5</v></c>`) +
		rawLineXML(3, "30102", amountCell) + `</sheetData>`
	return xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: body}}, SharedStrings: rawStrings,
		NumFmts: map[int]string{164: `yyyy"年"m"月"d"日"`, 165: `#,##0.00_);[Red]\(#,##0.00\)`}, CellXfs: []int{0, 14, 164, 165, 10}}
}

// Each amount cell is read as the spreadsheet shows it: a located problem,
// never a number and never a blank.
func TestAmountCellKinds(t *testing.T) {
	cases := []struct {
		name, cell, key, arg, want string
	}{
		{"boolean", `<c r="D3" t="b"><v>1</v></c>`, "import.bool_amount", "Text", "TRUE"},
		{"false", `<c r="D3" t="b"><v>0</v></c>`, "import.bool_amount", "Text", "FALSE"},
		{"error", `<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, "import.error_value", "Text", "#DIV/0!"},
		{"bad shared string", `<c r="D3" t="s"><v>123</v></c>`, "import.missing_shared_string", "Index", "123"},
		{"built-in date", `<c r="D3" s="1"><v>45717</v></c>`, "import.date_amount", "Date", "2025-03-01"},
		{"custom date", `<c r="D3" s="2"><v>45717</v></c>`, "import.date_amount", "Date", "2025-03-01"},
		{"formula without value", `<c r="D3"><f>SUM(D2)</f></c>`, "import.formula_no_value", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeRaw(t, budgetRaw(tc.cell))
			_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
			ps := domain.AsProblems(err)
			if len(ps) != 1 || ps[0].Key != tc.key || ps[0].Args["Cell"] != "D3" || ps[0].Args["Sheet"] != "预算" {
				t.Fatalf("problems %v, want one %s at 预算!D3", err, tc.key)
			}
			if tc.arg != "" && fmt.Sprint(ps[0].Args[tc.arg]) != tc.want {
				t.Errorf("%s = %v, want %s", tc.arg, ps[0].Args[tc.arg], tc.want)
			}
			if msg := ps[0].Error(); !strings.HasPrefix(msg, "预算!D3: ") {
				t.Errorf("message %q is not located", msg)
			}
		})
	}
	// Numbers with number formats that are not dates stay amounts.
	for _, s := range []string{"3", "4"} {
		path := writeRaw(t, budgetRaw(`<c r="D3" s="`+s+`"><v>0.25</v></c>`))
		res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
		if err != nil || len(res.Lines) != 2 || res.Lines[1].Amount != 25 {
			t.Errorf("style %s: %v %+v", s, err, res.Lines)
		}
	}
}

// The same cells in a ledger's debit column.
func TestLedgerAmountCellKinds(t *testing.T) {
	ss := []string{"日期", "科室", "科目编码", "借方金额", "内科"}
	head := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`
	line := func(r int, d string) string {
		return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>45717</v></c><c r="B%d" t="s"><v>4</v></c><c r="C%d"><v>30201</v></c>%s</row>`, r, r, r, r, d)
	}
	body := `<sheetData>` + head + line(2, `<c r="D2"><v>10</v></c>`) + line(3, `<c r="D3" t="b"><v>1</v></c>`) +
		line(4, `<c r="D4" t="e"><v>#N/A</v></c>`) + line(5, `<c r="D5" t="s"><v>77</v></c>`) + line(6, `<c r="D6" s="1"><v>45717</v></c>`) + `</sheetData>`
	path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "明细账", Body: body}}, SharedStrings: ss, CellXfs: []int{0, 14}})
	_, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
	got := problemKeys(err)
	want := map[string]string{"import.bool_amount": "D3", "import.error_value": "D4", "import.missing_shared_string": "D5", "import.date_amount": "D6"}
	for k, c := range want {
		if len(got[k]) != 1 || got[k][0] != c {
			t.Errorf("%s at %v, want %s (all: %v)", k, got[k], c, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems %v", got)
	}
}

// A boolean written by a spreadsheet writer, and a shared string removed
// from a saved file (the damage a broken export leaves).
func TestBooleanAndDamagedSharedStringFromSavedFile(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "科目名称", "预算数"},
		{"内科", "30101", "基本工资", true},
		{"内科", "30102", "津贴补贴", "1234.56"}, // text: a shared string, the last one
	}})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(err); len(got["import.bool_amount"]) != 1 || got["import.bool_amount"][0] != "D2" {
		t.Fatalf("boolean: %v", err)
	}
	// Drop the last <si>: D3 now refers past the end of the table.
	patchZip(t, path, "xl/sharedStrings.xml", func(s string) string {
		i := strings.LastIndex(s, "<si>")
		j := strings.LastIndex(s, "</si>")
		return s[:i] + s[j+len("</si>"):]
	})
	_, err = ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(err); len(got["import.missing_shared_string"]) != 1 || got["import.missing_shared_string"][0] != "D3" {
		t.Fatalf("damaged shared string: %v", err)
	}
}

// patchZip rewrites one part of an .xlsx package.
func patchZip(t *testing.T, path, part string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	out := path + ".new"
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			b = []byte(edit(string(b)))
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(out, path); err != nil {
		t.Fatal(err)
	}
}

// A line over 1,000,000,000 yuan is a warning naming its cell; it is imported.
func TestImplausibleAmountWarns(t *testing.T) {
	path := writeRaw(t, budgetRaw(`<c r="D3"><v>1500000000</v></c>`))
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil || len(res.Lines) != 2 {
		t.Fatalf("%v %v", err, res.Lines)
	}
	found := false
	for _, w := range res.Warnings {
		if w.Key == "import.implausible_amount" && w.Args["Cell"] == "D3" {
			found = true
		}
	}
	if !found {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// Every row is read: a line on row 200,001 and on Excel's last row.
func TestNoRowLimit(t *testing.T) {
	body := `<sheetData>` + rawHeader + rawLineXML(2, "30101", `<c r="D2"><v>1</v></c>`) +
		rawLineXML(200001, "30102", `<c r="D200001"><v>2</v></c>`) +
		`<row r="1048576"><c r="A1048576" t="s"><v>4</v></c><c r="B1048576"><v>30103</v></c><c r="D1048576"><v>3</v></c></row>` + `</sheetData>`
	path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: body}}, SharedStrings: rawStrings})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, l := range res.Lines {
		cells = append(cells, l.Cell)
	}
	if strings.Join(cells, " ") != "D2 D200001 D1048576" {
		t.Errorf("lines at %v", cells)
	}
}

// A sheet beyond what can be held is refused with its size, never cut.
func TestSheetTooLargeIsRefused(t *testing.T) {
	defer func(n int) { workbook.MaxGridCells = n }(workbook.MaxGridCells)
	workbook.MaxGridCells = 50
	var b strings.Builder
	b.WriteString(`<sheetData>` + rawHeader)
	for r := 2; r <= 40; r++ {
		b.WriteString(rawLineXML(r, "30101", fmt.Sprintf(`<c r="D%d"><v>1</v></c>`, r)))
	}
	b.WriteString(`</sheetData>`)
	path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: b.String()}}, SharedStrings: rawStrings})
	for _, read := range []func() error{
		func() error {
			_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
			return err
		},
		func() error {
			_, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
			return err
		},
	} {
		ps := domain.AsProblems(read())
		if len(ps) != 1 || ps[0].Key != "import.sheet_too_large" || ps[0].Args["Rows"] != 40 || ps[0].Args["Cols"] != 4 {
			t.Fatalf("%v", ps)
		}
	}
}

// Merged ranges: many read in one pass, and too many refused by name.
func TestManyMergedRanges(t *testing.T) {
	path := writeRaw(t, mergedbook.Book(20000))
	start := time.Now()
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil || len(res.Lines) != 20000 {
		t.Fatalf("%v, %d lines", err, len(res.Lines))
	}
	t.Logf("20,000 merged ranges: %v", time.Since(start))
	defer func(n int) { workbook.MaxMerges = n }(workbook.MaxMerges)
	workbook.MaxMerges = 1000
	_, err = ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "import.too_many_merges" || ps[0].Args["Merges"] != 20001 {
		t.Fatalf("%v", err)
	}
}

// A department merged down its lines fills each of them.
func TestMergedDepartmentFillsItsRows(t *testing.T) {
	body := `<sheetData>` + rawHeader + rawLineXML(2, "30101", `<c r="D2"><v>1</v></c>`) +
		`<row r="3"><c r="B3"><v>30102</v></c><c r="D3"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`
	path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: body}}, SharedStrings: rawStrings})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil || len(res.Lines) != 2 || res.Lines[1].DeptName != "内科" {
		t.Fatalf("%v %+v", err, res.Lines)
	}
}

// A ledger of a workbook in the 1904 date system: serial 44196 is
// 2025-01-01 there (2021-01-01 in the 1900 system).
func TestLedger1904Dates(t *testing.T) {
	ss := []string{"日期", "科室", "科目编码", "金额", "内科"}
	body := `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
		`<row r="2"><c r="A2" s="1"><v>44196</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>30201</v></c><c r="D2"><v>12.5</v></c></row></sheetData>`
	for _, sys1904 := range []bool{true, false} {
		path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "明细账", Body: body}}, SharedStrings: ss, CellXfs: []int{0, 14}, Date1904: sys1904})
		res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
		if sys1904 {
			if err != nil || len(res.Lines) != 1 || res.Lines[0].Date.Format("2006-01-02") != "2025-01-01" {
				t.Fatalf("1904: %v %+v", err, res.Lines)
			}
		} else if got := problemKeys(err); len(got["import.date_outside_year"]) != 1 {
			t.Fatalf("1900: %v", err)
		}
	}
}

// Strict OOXML, inline strings, rows and cells without references.
func TestStrictInlineNoReferences(t *testing.T) {
	is := func(s string) string { return `<c t="inlineStr"><is><r><t>` + s + `</t></r></is></c>` }
	body := `<sheetData><row>` + is("科室") + is("科目编码") + is("科目名称") + is("预算数") + `</row>` +
		`<row>` + is("内科") + `<c><v>30101</v></c>` + is("基本工资") + `<c><v>10</v></c></row>` +
		`<row r="5">` + is("内科") + `<c><v>30102</v></c><c/><c><v>20</v></c></row></sheetData>`
	path := writeRaw(t, xc.RawBook{Sheets: []xc.RawSheet{{Name: "预算", Body: body}}, Strict: true})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil || len(res.Lines) != 2 || res.Lines[0].Cell != "D2" || res.Lines[1].Cell != "D5" || res.Lines[1].Amount != 2000 {
		t.Fatalf("%v %+v", err, res.Lines)
	}
}

// The stream returns, row for row, what excelize returns with raw values
// (booleans aside, which it shows as TRUE/FALSE) on every sample workbook.
func TestStreamMatchesExcelize(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xlsx")
	if len(files) < 5 {
		t.Fatalf("only %d test workbooks", len(files))
	}
	for _, file := range files {
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		grids, probs := workbook.LoadBook(file)
		if probs != nil {
			t.Fatal(probs)
		}
		for i, name := range f.GetSheetList() {
			want, _ := f.GetRows(name, excelize.Options{RawCellValue: true})
			for len(want) > 0 && len(want[len(want)-1]) == 0 {
				want = want[:len(want)-1]
			}
			g := grids[i]
			if g.Name != name || len(g.Rows) != len(want) {
				t.Fatalf("%s/%s: %d rows, excelize %d", file, name, len(g.Rows), len(want))
			}
			for r := range want {
				if a, b := strings.Join(g.Rows[r], "\x00"), strings.Join(want[r], "\x00"); a != b {
					t.Errorf("%s/%s row %d:\n got %q\nwant %q", file, name, r+1, g.Rows[r], want[r])
				}
			}
			mcs, _ := f.GetMergeCells(name)
			if len(mcs) != len(g.Merges) {
				t.Errorf("%s/%s: %d merges, excelize %d", file, name, len(g.Merges), len(mcs))
			}
		}
		f.Close()
	}
}
