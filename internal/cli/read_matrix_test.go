package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/users"
)

// The role × read matrix (issue 17, deliverable 3). Every command that
// reads is run through the real entry point (Run) as each role, and what
// comes out is compared with what the role may read:
//
//	A  the whole hospital: every department's data is in the output
//	O  the department head's own departments only (101 产科 and 301
//	   妇女保健科 here): no other department's code, name, row or person
//	-  refused: exit 1, a message on stderr, nothing on stdout, no file
//
// Roles, in the order of the matrix strings: the built-in local
// administrator (a database without users), administrator, budget office,
// department head, committee, auditor. Department data (budget lines,
// actuals, execution, evaluations, bonus rows and staff, proposals) is
// scoped for a department head, totals included; the department list is
// everyone's; the reports are the hospital's documents and refused to a
// department head; the accounts are the administrator's and the
// auditor's; the audit trail the administrator's, the budget office's and
// the auditor's. backup and restore (administrator only) are checked with
// deliverable 1 (backup_test.go, restore tests), not here.
var readMatrix = []struct {
	args []string
	// out is "json" (department codes in the JSON), "xlsx" (the -o
	// workbook's first column), "pdf" (a PDF at -o), "text" (no
	// department data to compare).
	out  string
	want string // local, administrator, budget office, department head, committee, auditor
	// one is the department a one-department read asks for: allowed, the
	// output holds it and no other.
	one string
}{
	{[]string{"version"}, "text", "AAAAAA", ""},
	{[]string{"departments", "list", "--json"}, "json", "AAAAAA", ""},
	{[]string{"budget", "show", "--year", "2026", "--json"}, "json", "AAAOAA", ""},
	{[]string{"budget", "status", "--year", "2027", "--json"}, "json", "AAAOAA", ""},
	{[]string{"budget", "proposal", "--year", "2027", "--department", "101", "--json"}, "json", "AAAOAA", "101"},
	{[]string{"budget", "proposal", "--year", "2027", "--department", "103", "--json"}, "json", "AAA-AA", "103"},
	{[]string{"budget", "status", "--json"}, "text", "AAAAAA", ""},
	{[]string{"budget", "projects", "--year", "2026", "--department", "301", "--json"}, "json", "AAAAAA", "301"},
	{[]string{"budget", "projects", "--year", "2026", "--department", "502", "--json"}, "json", "AAA-AA", "502"},
	{[]string{"evaluate", "--year", "2025", "--unit", "XM2025001", "--json"}, "text", "AAAAAA", ""},
	{[]string{"evaluate", "--year", "2025", "--unit", "XM2025004", "--json"}, "text", "AAA-AA", ""},
	{[]string{"evaluate", "rules", "--json"}, "text", "AAAAAA", ""},
	{[]string{"bonus", "settings", "--json"}, "text", "AAAAAA", ""},
	{[]string{"actuals", "show", "--year", "2026", "--month", "9", "--json"}, "json", "AAAOAA", ""},
	{[]string{"monitor", "--year", "2026", "--json"}, "json", "AAAOAA", ""},
	{[]string{"evaluate", "--year", "2025", "--json"}, "json", "AAAOAA", ""},
	{[]string{"evaluate", "suggestions", "--year", "2026", "--json"}, "json", "AAAOAA", ""},
	{[]string{"indicators", "schemes", "--json"}, "text", "AAAAAA", ""},
	{[]string{"indicators", "list", "dept-clinical", "--json"}, "text", "AAAAAA", ""},
	{[]string{"indicators", "base-subjects"}, "text", "AAAAAA", ""},
	{[]string{"bonus", "--year", "2026", "--pool", "10000000.01", "--json"}, "json", "AAAOAA", ""},
	{[]string{"bonus", "export", "--year", "2026", "-o", "OUT.xlsx"}, "xlsx", "AAAOAA", ""},
	{[]string{"export", "budget", "--year", "2026", "-o", "OUT.xlsx"}, "xlsx", "AAAOAA", ""},
	{[]string{"report", "budget", "--year", "2026", "-o", "OUT.pdf"}, "pdf", "AAA-AA", ""},
	{[]string{"report", "execution", "--year", "2026", "--month", "9", "-o", "OUT.pdf"}, "pdf", "AAA-AA", ""},
	{[]string{"report", "evaluation", "--year", "2025", "-o", "OUT.pdf"}, "pdf", "AAA-AA", ""},
	{[]string{"report", "bonus", "--year", "2026", "-o", "OUT.pdf"}, "pdf", "AAA-AA", ""},
	{[]string{"users", "list", "--json"}, "text", "AA---A", ""},
	{[]string{"audit", "list", "--json"}, "text", "AAA--A", ""},
	{[]string{"audit", "verify"}, "text", "AAA--A", ""},
	{[]string{"audit", "export", "-o", "OUT.xlsx"}, "text", "AAA--A", ""},
	// The audit key is a secret like a password: the administrator's only.
	{[]string{"audit", "key", "export", "OUT.key"}, "text", "AA----", ""},
}

// notReads are the commands the matrix leaves out: they change data (and
// have their role tests with the services), or are deliverable 1's.
var notReads = []string{"demo", "import budget", "import actuals", "import assessment", "import staff",
	"bonus save", "bonus approve", "bonus score", "budget cancel", "users add", "users set", "users passwd", "users reset",
	"users lock", "users unlock", "backup", "restore", "audit key import", "init", "indicators use-for-hospital",
	// The whole year from the command line (issue 21): steps that change data.
	"budget cycle start", "budget cycle submit", "budget cycle return", "budget cycle control", "budget cycle revise",
	"budget cycle approve", "budget proposal set", "budget proposal fill", "budget adjust request", "budget adjust approve",
	"budget adjust reject", "budget split", "evaluate start", "evaluate values", "evaluate finalise",
	"indicators import", "indicators export",
	// Moving between engines (issue 22): copies the whole file, tested in store/transfer.
	"migrate",
	// Department workbooks (issue 22): written to files with the database's seal key, and
	// imported as submissions; their role tests are in import_proposal_test.go.
	"budget template", "import proposal"}

// matrixRoles are the columns of readMatrix: login ("" = no users yet) and role.
var matrixRoles = []struct{ login, role string }{
	{"", "local"}, {"admin", "administrator"}, {"office", "budget_office"},
	{"head", "department_head"}, {"committee", "committee"}, {"auditor", "auditor"},
}

// headDepts are the department head's departments; otherDept is one of
// the others, with staff in the pay sheet, whose data must never reach them.
var headDepts = []string{"101", "301"}

const otherDept = "103"

// A new read command must be put in the matrix (or said not to read).
func TestReadMatrixCoversEveryCommand(t *testing.T) {
	listed := map[string]bool{}
	for _, r := range readMatrix {
		if c, _, ok := lookup(r.args); ok {
			listed[c.name] = true
		}
	}
	for _, n := range notReads {
		listed[n] = true
	}
	for name := range commands {
		if !listed[name] {
			t.Errorf("command %q is neither in the read matrix nor in notReads", name)
		}
	}
}

func TestReadMatrix(t *testing.T) {
	db := matrixDatabase(t)
	names := departmentNames(t, db)
	// The built-in local administrator first, while there are no users.
	runMatrixColumn(t, db, names, 0)
	addMatrixUsers(t, db)
	for i := 1; i < len(matrixRoles); i++ {
		runMatrixColumn(t, db, names, i)
	}
}

// runMatrixColumn runs every row of the matrix as role col.
func runMatrixColumn(t *testing.T, db string, names map[string]string, col int) {
	t.Helper()
	role := matrixRoles[col]
	if role.login != "" {
		as(t, role.login, role.login+"-pass")
	}
	for _, r := range readMatrix {
		want := r.want[col]
		t.Run(role.role+"/"+strings.Join(r.args, " "), func(t *testing.T) {
			args, out := withOutput(t, r.args)
			code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", "zh"}, args...)...)
			if want == '-' {
				checkRefused(t, code, stdout, stderr, out)
				return
			}
			if code != ExitOK {
				t.Fatalf("%v: exit %d, want it allowed; %s", args, code, stderr)
			}
			got := readDepts(t, r.out, stdout, out, names)
			if r.one != "" {
				if !slices.Equal(got, []string{r.one}) {
					t.Errorf("a read of department %s holds %v", r.one, got)
				}
				return
			}
			checkScope(t, want, r.out, got, stdout)
		})
	}
}

// withOutput replaces OUT in args with a path in a fresh folder.
func withOutput(t *testing.T, args []string) ([]string, string) {
	out := ""
	res := make([]string, len(args))
	for i, a := range args {
		if strings.HasPrefix(a, "OUT.") {
			out = filepath.Join(t.TempDir(), "out"+strings.TrimPrefix(a, "OUT"))
			a = out
		}
		res[i] = a
	}
	return res, out
}

func checkRefused(t *testing.T, code int, stdout, stderr, out string) {
	t.Helper()
	if code != ExitRefused || stdout != "" || strings.TrimSpace(stderr) == "" {
		t.Errorf("want refused (exit 1, a message, no output): exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if out == "" {
		return
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Errorf("a refused export left %d file(s) in its folder", len(entries))
	}
}

// checkScope compares the departments found in the output with the cell:
// A holds another department than the head's, O only the head's.
func checkScope(t *testing.T, want byte, kind string, got []string, stdout string) {
	t.Helper()
	if kind == "text" || kind == "pdf" {
		return
	}
	switch want {
	case 'A':
		if !slices.Contains(got, otherDept) {
			t.Errorf("the whole hospital is readable, but department %s is not in the output (found %v)", otherDept, got)
		}
	case 'O':
		if len(got) == 0 {
			t.Errorf("the head's own departments are readable, but none is in the output: %.300s", stdout)
		}
		var leaked []string
		for _, d := range got {
			if !slices.Contains(headDepts, d) {
				leaked = append(leaked, d)
			}
		}
		if len(leaked) > 0 {
			t.Errorf("departments %v leak to the head of %v", leaked, headDepts)
		}
	}
}

// readDepts lists the departments an output holds.
func readDepts(t *testing.T, kind, stdout, out string, names map[string]string) []string {
	t.Helper()
	switch kind {
	case "json":
		var v any
		if err := json.Unmarshal([]byte(stdout), &v); err != nil {
			t.Fatalf("not JSON: %v\n%.300s", err, stdout)
		}
		return sorted(jsonDepts(v, names))
	case "xlsx":
		return sorted(workbookDepts(t, out, names))
	case "pdf":
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("no PDF written at %s: %v", out, err)
		}
	}
	return nil
}

// jsonDepts collects the department codes of objects with a "code" (units
// of kind "project" are named by their id, not a department) or a
// "department".
func jsonDepts(v any, names map[string]string) map[string]bool {
	found := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if c, ok := x["code"].(string); ok && x["kind"] != "project" {
				if _, dept := names[c]; dept {
					found[c] = true
				}
			}
			// A project names its department.
			if c, ok := x["department"].(string); ok {
				if _, dept := names[c]; dept {
					found[c] = true
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return found
}

var bracketCode = regexp.MustCompile(`^\[(\d+)\]`)

// workbookDepts reads the first column of every sheet: a department code
// (pay sheet), "[code]name" (budget) or a department's name (staff).
func workbookDepts(t *testing.T, path string, names map[string]string) map[string]bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook written: %v", err)
	}
	defer f.Close()
	byName := map[string]string{}
	for code, name := range names {
		byName[name] = code
	}
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if len(row) == 0 {
				continue
			}
			cell := strings.TrimSpace(row[0])
			if m := bracketCode.FindStringSubmatch(cell); m != nil {
				cell = m[1]
			}
			if code, ok := byName[cell]; ok {
				cell = code
			}
			if _, ok := names[cell]; ok {
				found[cell] = true
			}
		}
	}
	return found
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// matrixDatabase is the demo hospital with 2027's preparation opened and
// a draft 2026 bonus allocation whose staff split pays people in the
// head's departments and in another one.
func matrixDatabase(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	baseDemo(t, db)
	openCycle(t, db, 2027)
	mustRun(t, "--db", db, "bonus", "save", "--year", "2026", "--pool", "10000000.01")
	f := excelize.NewFile()
	for i, r := range [][]any{{"科室", "姓名", "岗位系数", "出勤天数"},
		{"产科", "甲一", 1.5, 22}, {"妇女保健科", "乙二", 1.2, 20}, {"儿科", "丙三", 1.0, 21}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	staff := filepath.Join(t.TempDir(), "staff.xlsx")
	if err := f.SaveAs(staff); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "import", "staff", "--year", "2026", staff)
	return db
}

// addMatrixUsers adds one account per role, with cheap password hashes
// so that the matrix's many sign-ins stay fast.
func addMatrixUsers(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	svc.Accounts.Params = credential.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	for _, r := range matrixRoles[1:] {
		nu := users.NewUser{Login: r.login, Role: domain.Role(r.role), Password: r.login + "-pass"}
		if nu.Role == domain.RoleDeptHead {
			nu.Departments = headDepts
		}
		if err := svc.Accounts.AddUser(ctx, domain.LocalUser, nu); err != nil {
			t.Fatalf("adding %s: %v", r.login, err)
		}
	}
}

// departmentNames maps every department's code to its Chinese name.
func departmentNames(t *testing.T, db string) map[string]string {
	t.Helper()
	var list struct{ Departments []struct{ Code, Name string } }
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "departments", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, d := range list.Departments {
		names[d.Code] = d.Name
	}
	return names
}
