package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A batch step does what it can and names each department it could not:
// in the demo's 2027 cycle 101 产科 is returned (round 1) and 102 妇科 has
// its control figures, so submit moves 101 and refuses 102 by name.
func TestCycleBatchNamesEachRefusal(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo")
	code, stdout, stderr := run(t, "--db", db, "--lang", "zh", "budget", "cycle", "submit", "--year", "2027", "--department", "101,102", "--json")
	if code != ExitRefused {
		t.Fatalf("exit %d, want 1; %s", code, stderr)
	}
	var out cycleOutJSON
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(out.Done) != 1 || out.Done[0].Code != "101" || out.Done[0].State != "submitted" {
		t.Errorf("done %+v", out.Done)
	}
	if len(out.Refused) != 1 || out.Refused[0].Code != "102" || !strings.Contains(stderr, "102 妇科") || !strings.Contains(stderr, "revise") {
		t.Errorf("refused %+v, stderr %q", out.Refused, stderr)
	}
	// Control totals: one for every department named, or per department.
	code, stdout, stderr = run(t, "--db", db, "budget", "cycle", "control", "--year", "2027", "--department", "103,104",
		"--amount", "103=5,000,000", "--amount", "4000000.01", "--json")
	var ctl cycleOutJSON
	json.Unmarshal([]byte(stdout), &ctl)
	got := map[string]int64{}
	for _, d := range ctl.Done {
		got[d.Code] = *d.ControlTotalFen
	}
	if code != ExitOK || got["103"] != 500000000 || got["104"] != 400000001 {
		t.Errorf("control: exit %d, totals %v (%s)", code, got, stderr)
	}
	// A submitted proposal cannot be edited; nothing of the lines is kept.
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "budget", "proposal", "set", "--year", "2027", "--department", "101", "--line", "30201=1", "--line", "30205=2")
	if code != ExitRefused || stderr == "" {
		t.Errorf("set on a submitted proposal: exit %d %q", code, stderr)
	}
	// A return without a comment is refused, and a usage mistake is exit 2.
	if code, _, _ := run(t, "--db", db, "budget", "cycle", "return", "--year", "2027", "--department", "103"); code != ExitRefused {
		t.Errorf("return without a comment: exit %d", code)
	}
	if code, _, _ := run(t, "--db", db, "budget", "cycle", "submit", "--year", "2027"); code != ExitUsage {
		t.Errorf("no department: exit %d", code)
	}
}

// Tables of amounts share one unit option, 万元 by default.
func TestTableUnit(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo")
	for _, args := range [][]string{{"budget", "show", "--year", "2026"}, {"actuals", "show", "--year", "2026"}, {"monitor", "--year", "2026"}} {
		_, wan, _ := run(t, append([]string{"--db", db, "--lang", "zh"}, args...)...)
		_, yuan, _ := run(t, append([]string{"--db", db, "--lang", "zh"}, append(args, "--unit", "yuan")...)...)
		if !strings.Contains(wan, "（万元）") || strings.Contains(wan, "（元）") || !strings.Contains(yuan, "（元）") {
			t.Errorf("%v: default and --unit yuan headers wrong:\n%s\n%s", args, wan, yuan)
		}
		if code, _, _ := run(t, append([]string{"--db", db}, append(args, "--unit", "usd")...)...); code != ExitUsage {
			t.Errorf("%v --unit usd: exit %d", args, code)
		}
	}
}

// A scheme exported as a template imports back; a broken one is refused
// in words with exit 1, and the library keeps the scheme it had.
func TestIndicatorsExportImport(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "clinical.csv")
	if code, stdout, stderr := run(t, "--db", db, "--lang", "zh", "indicators", "export", "dept-clinical", "-o", out); code != ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("export: %d %q %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(data), "# code: dept-clinical", "# code: dept-clinical-2027", 1)
	copyPath := filepath.Join(dir, "copy.csv")
	os.WriteFile(copyPath, []byte(renamed), 0o644)
	if code, _, stderr := run(t, "--db", db, "indicators", "import", copyPath); code != ExitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	var list struct {
		Indicators []libIndicatorJSON `json:"indicators"`
	}
	_, a, _ := run(t, "--db", db, "indicators", "list", "dept-clinical", "--json")
	_, b, _ := run(t, "--db", db, "indicators", "list", "dept-clinical-2027", "--json")
	json.Unmarshal([]byte(b), &list)
	if len(list.Indicators) == 0 || strings.Replace(a, `"key": "dept-clinical"`, `"key": "dept-clinical-2027"`, 1) != b {
		t.Errorf("the imported copy differs from its original:\n%s\n%s", a, b)
	}
	broken := strings.Replace(string(data), "level,code", "level,cod", 1)
	os.WriteFile(copyPath, []byte(broken), 0o644)
	if code, _, stderr := run(t, "--db", db, "--lang", "zh", "indicators", "import", copyPath); code != ExitRefused || !strings.Contains(stderr, "不是指标模板") {
		t.Errorf("broken template: exit %d %q", code, stderr)
	}
}

// --growth takes a share as every percentage on the command line: 3% or 0.03.
func TestParseGrowth(t *testing.T) {
	for text, want := range map[string]int64{"3%": 300, "0.03": 300, "-0.05": -500, "-5%": -500, "0": 0, "5.5％": 550} {
		g, err := parseGrowth(text)
		if err != nil || int64(g) != want {
			t.Errorf("%q: %v %v, want %d", text, g, err, want)
		}
	}
	for _, text := range []string{"5", "x", ""} {
		if _, err := parseGrowth(text); err == nil {
			t.Errorf("%q accepted", text)
		}
	}
}

// Proposals from a workbook land all or none: in the demo's 2027 cycle
// 103 儿科 is submitted, so a workbook holding it changes no proposal,
// not even 101 产科's, which could be edited.
func TestProposalsFromWorkbookAllOrNone(t *testing.T) {
	db := tempDB(t)
	run(t, "--db", db, "demo")
	book := filepath.Join(t.TempDir(), "budget-2026.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "budget", "--year", "2026", "-o", book); code != ExitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	_, before, _ := run(t, "--db", db, "budget", "proposal", "--year", "2027", "--department", "101", "--json")
	code, _, stderr := run(t, "--db", db, "--lang", "zh", "budget", "proposal", "set", "--year", "2027", "--file", book)
	if code != ExitRefused || stderr == "" {
		t.Fatalf("exit %d %q, want a refusal", code, stderr)
	}
	if _, after, _ := run(t, "--db", db, "budget", "proposal", "--year", "2027", "--department", "101", "--json"); after != before {
		t.Error("a refused workbook changed 101's proposal")
	}
}

// The steps keep the roles of the window: the committee does not issue
// control figures, and a department head's --all reaches their own
// departments only (101 产科 and 301 妇女保健科 here).
func TestCycleStepsKeepTheRoles(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	if code, _, stderr := run(t, "--db", db, "budget", "cycle", "start", "--year", "2027"); code != ExitOK {
		t.Fatalf("start: %d %s", code, stderr)
	}
	addMatrixUsers(t, db)
	as(t, "head", "head-pass")
	code, stdout, stderr := run(t, "--db", db, "budget", "proposal", "fill", "--year", "2027", "--all", "--growth", "0.02", "--json")
	var fill cycleOutJSON
	json.Unmarshal([]byte(stdout), &fill)
	var codes []string
	for _, d := range append(fill.Done, fill.Refused...) {
		codes = append(codes, d.Code)
	}
	if code != ExitOK || strings.Join(codes, ",") != strings.Join(headDepts, ",") {
		t.Errorf("head fill --all: exit %d, departments %v (%s)", code, codes, stderr)
	}
	if code, _, _ := run(t, "--db", db, "budget", "cycle", "start", "--year", "2028"); code != ExitRefused {
		t.Errorf("head opens a cycle: exit %d", code)
	}
	if code, _, _ := run(t, "--db", db, "budget", "cycle", "submit", "--year", "2027", "--department", "103"); code != ExitRefused {
		t.Errorf("head submits another department's proposal: exit %d", code)
	}
	run(t, "--db", db, "budget", "cycle", "submit", "--year", "2027", "--department", "101")
	as(t, "committee", "committee-pass")
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "budget", "cycle", "control", "--year", "2027", "--department", "101")
	if code != ExitRefused || !strings.Contains(stderr, "101") {
		t.Errorf("committee issues control figures: exit %d %q", code, stderr)
	}
}
