package xlsximport

import (
	"strings"
	"testing"
)

// A staff list as a finance office keeps it (saved by LibreOffice Calc):
// a title row, the department merged down its people, a 合计 row, days
// written "22天".
func TestReadStaffList(t *testing.T) {
	rows, probs, err := ReadStaff("testdata/staff-list.xlsx")
	if err != nil || len(probs) > 0 {
		t.Fatalf("err %v, problems %v", err, probs)
	}
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6: %+v", len(rows), rows)
	}
	want := []struct {
		dept, name string
		coef       int64
		days, work int
	}{
		{"妇女保健科", "张敏", 1500, 22, 22}, {"妇女保健科", "李娜", 1200, 22, 22}, {"妇女保健科", "王芳", 1000, 11, 22},
		{"儿童保健科", "赵磊", 1300, 21, 22}, {"儿童保健科", "孙丽", 1050, 22, 22}, {"辖区管理科", "周强", 1000, 22, 22},
	}
	for i, w := range want {
		r := rows[i]
		if r.Dept != w.dept || r.Name != w.name || r.PostCoefficientMilli != w.coef || r.AttendanceDays != w.days || r.WorkDays != w.work {
			t.Errorf("row %d: %+v, want %+v", i, r, w)
		}
	}
	if rows[0].NameCell != "C3" || rows[0].Sheet != "人员名单" {
		t.Errorf("cells: %+v", rows[0])
	}
}

func TestStaffValues(t *testing.T) {
	for _, c := range []struct {
		in    string
		milli int64
		ok    bool
	}{{"1.2", 1200, true}, {"1", 1000, true}, {" 0.85 ", 850, true}, {"1.2345", 0, false}, {"-1", 0, false}, {"abc", 0, false}, {"101", 0, false}, {"NaN", 0, false}} {
		got, ok := parseCoefficient(c.in)
		if got != c.milli || ok != c.ok {
			t.Errorf("parseCoefficient(%q) = %d %v, want %d %v", c.in, got, ok, c.milli, c.ok)
		}
	}
	for _, c := range []struct {
		in   string
		days int
		ok   bool
	}{{"22", 22, true}, {"22天", 22, true}, {"21.0", 21, true}, {"21.5", 0, false}, {"-1", 0, false}, {"400", 0, false}, {"", 0, false}} {
		got, ok := parseDays(c.in)
		if got != c.days || ok != c.ok {
			t.Errorf("parseDays(%q) = %d %v, want %d %v", c.in, got, ok, c.days, c.ok)
		}
	}
}

// The staff header and values never panic and never accept what they
// cannot read back exactly.
func FuzzStaffRow(f *testing.F) {
	f.Add("科室", "姓名", "岗位系数", "出勤天数", "1.2", "22")
	f.Add("department", "name", "coefficient", "attendance", "1e3", "22天")
	f.Fuzz(func(t *testing.T, a, b, c, d, coef, days string) {
		h, ok := staffHeader([]string{a, b, c, d})
		if ok && (h.dept < 0 || h.name < 0 || h.coef < 0 || h.days < 0) {
			t.Fatalf("header accepted without its columns: %+v", h)
		}
		if m, ok := parseCoefficient(coef); ok && (m < 0 || m > 100_000) {
			t.Fatalf("coefficient %q read as %d", coef, m)
		}
		if n, ok := parseDays(days); ok && (n < 0 || n > 366 || strings.TrimSpace(days) == "") {
			t.Fatalf("days %q read as %d", days, n)
		}
	})
}
