package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each of the bureau's forms is written as a workbook and as a PDF, for
// one project or all of them; refusals are in words with their exit status.
func TestReportForms(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	mustRun(t, "--db", db, "demo", "--year", "2026")
	// The demo's 2025 projects are evaluated; 2026 runs to September.
	for _, kind := range []string{"target-declaration", "self-evaluation", "performance-monitoring", "overall-self-evaluation"} {
		year, project := "2025", "XM2025001"
		if kind == "performance-monitoring" {
			year, project = "2026", "XM2026001"
		}
		for _, ext := range []string{".xlsx", ".pdf"} {
			out := filepath.Join(dir, kind+ext)
			mustRun(t, "--db", db, "report", kind, "--year", year, "--project", project, "--month", "9", "-o", out)
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			magic := map[string]string{".xlsx": "PK", ".pdf": "%PDF-"}[ext]
			if !strings.HasPrefix(string(data), magic) {
				t.Errorf("%s is not a %s file", out, ext)
			}
		}
	}
	all := filepath.Join(dir, "all.pdf")
	mustRun(t, "--db", db, "--lang", "zh", "report", "target-declaration", "--year", "2026", "-o", all)
	if text := reportText(t, all); strings.Count(text, "项目支出绩效目标申报表") < 7*2 {
		t.Errorf("not a page per project:\n%.300s", text)
	}
	bad := filepath.Join(dir, "bad")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "self-evaluation", "--year", "2026", "--project", "XM2026999", "-o", bad + ".xlsx"}, ExitRefused, "There is no project XM2026999"},
		{[]string{"report", "performance-monitoring", "--year", "2026", "--month", "13", "-o", bad + ".pdf"}, ExitUsage, "Month 13 is outside 1–12"},
		{[]string{"report", "performance-monitoring", "--year", "2026", "--month", "10", "-o", bad + ".pdf"}, ExitRefused, "through month 9"},
		{[]string{"report", "target-declaration", "--year", "2026", "-o", bad + ".csv"}, ExitUsage, ".xlsx workbook or a .pdf"},
		{[]string{"report", "self-evaluation", "--year", "2026"}, ExitUsage, "-o FILE.xlsx"},
		{[]string{"report", "self-evaluation", "--year", "2024", "-o", bad + ".pdf"}, ExitRefused, "no projects in 2024"},
	} {
		code, _, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", c.args, code, c.code, c.want, stderr)
		}
	}
	if matches, _ := filepath.Glob(bad + "*"); len(matches) != 0 {
		t.Errorf("a refused form left %v", matches)
	}
}
