package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A GBK CSV and a UTF-8 ledger export import like their workbooks; the
// encoding is detected and printed, --encoding overrides it, and an
// unknown one is a usage error.
func TestImportEncodingFlag(t *testing.T) {
	db := tempDB(t)
	samples := filepath.Join("..", "xlsximport", "testdata")
	gbk := filepath.Join(samples, "text_budget_long_title_rows_gbk.csv")
	budget := []string{"--db", db, "--lang", "en", "import", "budget", "--year", "2025", "--create-missing", "--dry-run"}
	code, out, errOut := run(t, append(budget, gbk)...)
	if code != ExitOK || !strings.Contains(out, "Text encoding: GB18030 (detected)") || !strings.Contains(out, "99,852,283.01") {
		t.Fatalf("detected: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run(t, append(budget, "--encoding", "gbk", gbk)...)
	if code != ExitOK || !strings.Contains(out, "Text encoding: GB18030\n") {
		t.Fatalf("--encoding gbk: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = run(t, append(budget, "--encoding", "utf-8", gbk)...)
	if code != ExitRefused || !strings.Contains(errOut, "is not UTF-8 text") {
		t.Fatalf("--encoding utf-8 on GBK: exit %d %s", code, errOut)
	}
	if code, _, errOut = run(t, append(budget, "--encoding", "latin9", gbk)...); code != ExitUsage || !strings.Contains(errOut, "latin9") {
		t.Fatalf("unknown encoding: exit %d %s", code, errOut)
	}
	ledger := filepath.Join(samples, "text_actuals_ledger_2025_jan_sep.csv")
	code, out, errOut = run(t, "--db", db, "--lang", "en", "import", "actuals", "--year", "2025", "--create-missing", "--encoding", "UTF-8", ledger)
	if code != ExitOK || !strings.Contains(out, "Text encoding: UTF-8\n") {
		t.Fatalf("actuals: exit %d\n%s%s", code, out, errOut)
	}
}
