package textsheet

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// checkBook holds what every reader promises whatever the input: no panic,
// errors are problems (or ErrUnknown), merges lie inside their sheet's
// bounds and rows within the limits.
func checkBook(t *testing.T, b *Book, err error) {
	if err != nil {
		if err != ErrUnknown && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("error is not a problem: %v", err)
		}
		return
	}
	for _, s := range b.Sheets {
		if len(s.Rows) > MaxRows {
			t.Fatalf("%d rows", len(s.Rows))
		}
		for _, m := range s.Merges {
			if m.R0 < 0 || m.C0 < 0 || m.R1 < m.R0 || m.C1 < m.C0 || m.C1 >= MaxCols {
				t.Fatalf("bad merge %v", m)
			}
		}
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("科室,科目编码,预算数\n内科,30201,\"1,234.56\"\n"), "")
	f.Add([]byte("\xEF\xBB\xBF日期\t凭证号\t金额\n2025-01-02\t记-1\t（1,234.56）\n"), "")
	f.Add([]byte("a;\"b\"\"c\";=\"01\"\n\n\"x\ny\";2"), "gbk")
	f.Add([]byte{0xBF, 0xC6, 0xCA, 0xD2, ',', 0x31, '\n'}, "utf-8")
	f.Add([]byte("\xFF\xFEa\x00,\x00b\x00"), "")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		b, err := Parse(data, "f.csv", enc)
		checkBook(t, b, err)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<table><caption>表</caption><tr><td rowspan=2>a</td><td colspan=3>b</td></tr><tr><td>1,234.5</td></tr></table>`), "")
	f.Add([]byte(`<html><meta charset=gb2312><h1>Sheet 1: 内科</h1><table><tr><th rowspan=0 colspan=99999>x<br>y</th><td><table><tr><td>i`), "")
	f.Add([]byte(`<!DOCTYPE html><table><tbody><tr><td rowspan="65535">a</td><tfoot><td>b</td></table><table>`), "gb18030")
	f.Add([]byte("\xEF\xBB\xBF<table x:str><tr><td style='mso-number-format:\"\\@\"'>00123</td></tr></table>"), "")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		b, err := Parse(append([]byte("<table>"), data...), "f.xls", enc)
		checkBook(t, b, err)
	})
}
