package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/deptbook"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// fixtureSealKey is the workbook key of the database the LibreOffice
// fixture was written from, so that a test database can check it.
const fixtureSealKey = "64657074626f6f6b2066697874757265206b657920666f722074657374732121"

// deptbookDB is the demo hospital with its 2027 preparation half done, the
// fixture's workbook key, and a project of 生殖医学科 (105, a draft) with
// only an output target: by the rule "no target, no budget" it cannot be
// submitted until the department adds a benefit target.
func deptbookDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	sqlfixture.SetSetting(t, db, "deptbook.seal_key", fixtureSealKey)
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := domain.Project{Year: 2027, Code: "XM2027105", DeptCode: "105", Name: "宫腔镜设备购置项目", Type: domain.ProjectEquipment, SubjectCode: "31002",
		Amount: 48000000, Targets: []domain.Target{{Category: domain.TargetQuantity, Indicator: "购置台数", Value: "2", Unit: "台", Direction: domain.DirEqual}}}
	if _, err := svc.Budgets.SaveProject(context.Background(), domain.LocalUser, p); err != nil {
		t.Fatal(err)
	}
	return db
}

// prepState is every row a workbook import could touch.
func prepState(t *testing.T, db string) string {
	t.Helper()
	return sqlfixture.Rows(t, db, "prep_departments", "prep_lines", "prep_transitions", "projects", "project_targets", "audit_log")
}

// template writes department dept's 2027 workbook and returns its path.
func template(t *testing.T, db, dept string) string {
	t.Helper()
	dir := t.TempDir()
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "budget", "template", "--year", "2027", "--department", dept, "-o", dir)
	if code != ExitOK {
		t.Fatalf("template: %d %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 1 || !strings.Contains(stdout, files[0]) {
		t.Fatalf("template wrote %v: %s", files, stdout)
	}
	return files[0]
}

// fill sets cells of a workbook as a department would and saves it.
func fill(t *testing.T, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// proposalOf is `budget proposal --json` of a 2027 department.
func proposalOf(t *testing.T, db, dept string) proposalJSON {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "budget", "proposal", "--year", "2027", "--department", dept, "--json")
	if code != ExitOK {
		t.Fatal(stderr)
	}
	var p proposalJSON
	if err := json.Unmarshal([]byte(stdout), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// lineFen is a proposal line's first-up figure in fen.
func lineFen(p proposalJSON, subject string) (int64, string) {
	for _, l := range p.Lines {
		if l.SubjectCode == subject {
			return l.ProposalFen, l.Note
		}
	}
	return -1, ""
}

// cellOf finds the row of subject on the proposal sheet.
func cellOf(t *testing.T, path, col, subject string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(deptbook.ProposalSheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == subject {
			return deptbook.ProposalSheet + "!" + col + itoa(i+1)
		}
	}
	t.Fatalf("no %s in %s", subject, path)
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// The department fills in its figures, a note, its project's funding,
// goal and the benefit target it lacked; the import records them to the
// fen as its first-up submission, and the trail says it came by workbook.
// The same file a second time is refused: the department has submitted.
func TestFilledWorkbookImportsAsSubmission(t *testing.T) {
	db := deptbookDB(t)
	path := template(t, db, "105")
	fill(t, path, map[string]any{
		cellOf(t, path, "G", "30201"): 61234.56, cellOf(t, path, "J", "30201"): "按2027年人员编制测算",
		cellOf(t, path, "G", "30211"): "12,000.10",
		"项目及绩效目标!D5":                  300000, "项目及绩效目标!F5": 180000, "项目及绩效目标!F6": "周慧",
		"项目及绩效目标!B7":  "完成两台宫腔镜采购安装并投入使用。",
		"项目及绩效目标!A10": "社会效益指标", "项目及绩效目标!B10": "宫腔镜手术量", "项目及绩效目标!C10": "600", "项目及绩效目标!D10": "例",
		"项目及绩效目标!E10": "≥（越高越好）",
	})
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "import", "proposal", "--year", "2027", path)
	if code != ExitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if !strings.Contains(stdout, "105") || !strings.Contains(stdout, "Submitted (first up)") {
		t.Errorf("summary: %s", stdout)
	}
	p := proposalOf(t, db, "105")
	if fen, note := lineFen(p, "30201"); fen != 6123456 || note != "按2027年人员编制测算" {
		t.Errorf("30201: %d %q", fen, note)
	}
	if fen, _ := lineFen(p, "30211"); fen != 1200010 {
		t.Errorf("30211: %d", fen)
	}
	if p.State != "submitted" || p.ProjectsFen != 48000000 {
		t.Errorf("state %s projects %d", p.State, p.ProjectsFen)
	}
	_, out, _ := run(t, "--db", db, "--lang", "en", "budget", "projects", "--year", "2027", "--json")
	for _, w := range []string{"周慧", "宫腔镜手术量", "完成两台宫腔镜采购安装并投入使用"} {
		if !strings.Contains(out, w) {
			t.Errorf("%q not in projects: %s", w, out)
		}
	}
	_, trail, _ := run(t, "--db", db, "audit", "list", "--json")
	if !strings.Contains(trail, filepath.Base(path)) || !strings.Contains(trail, "workbook sha256:") {
		t.Errorf("the trail does not say it came by workbook")
	}
	refusedDeptbook(t, db, []string{"import", "proposal", path}, "Submitted (first up)", "cannot be changed now", "BudgetPerf!B3", "nothing was changed")
}

// refusedDeptbook runs an import expecting exit 1, the texts on stderr and
// no change to the preparation.
func refusedDeptbook(t *testing.T, db string, args []string, want ...string) {
	t.Helper()
	before := prepState(t, db)
	code, _, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, args...)...)
	if code != ExitRefused {
		t.Errorf("%v: exit %d: %s", args, code, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%q not in %s", w, stderr)
		}
	}
	rawSQL(t, stderr)
	if prepState(t, db) != before {
		t.Errorf("%v: the refusal changed the preparation", args)
	}
}

// A workbook whose protected cell was changed is refused with the cell
// named, and so is one that breaks "no target, no budget" (the project
// still has no benefit target) or is of another year or round.
func TestMismatchedOrTamperedWorkbookIsRefused(t *testing.T) {
	db := deptbookDB(t)
	path := template(t, db, "105")
	tampered := filepath.Join(t.TempDir(), "tampered.xlsx")
	copyFile(t, path, tampered)
	prior := cellOf(t, tampered, "D", "30201")
	fill(t, tampered, map[string]any{prior: 1})
	refusedDeptbook(t, db, []string{"import", "proposal", tampered}, prior, "is protected but was changed", "1.00")
	refusedDeptbook(t, db, []string{"import", "proposal", path}, "宫腔镜设备购置项目", "No target, no budget")
	refusedDeptbook(t, db, []string{"import", "proposal", "--year", "2028", path}, "for 2027 (BudgetPerf!B5), not for 2028")
	other := filepath.Join(t.TempDir(), "other.xlsx")
	copyFile(t, path, other)
	fill(t, other, map[string]any{deptbook.MetaSheet + "!B3": "106"})
	refusedDeptbook(t, db, []string{"import", "proposal", other}, "hidden sheet BudgetPerf was changed")

	// 102 has control figures issued: its second-up workbook over the
	// control figure is refused by the Submit rule; cut within it, it goes.
	p102 := template(t, db, "102")
	refusedDeptbook(t, db, []string{"import", "proposal", p102}, "exceeds its control figure ¥20,410,000.00")
	fill(t, p102, map[string]any{cellOf(t, p102, "I", "30218"): 7000000})
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "import", "proposal", p102); code != ExitOK {
		t.Fatalf("102: %s", stderr)
	}
	// The budget office returns 105's proposal after control figures are
	// issued: its first-up workbook is of a round it has left.
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	ctx := context.Background()
	if err := svc.Budgets.Transition(ctx, domain.LocalUser, 2027, "105", domain.ActSubmit, ""); err == nil {
		t.Fatal("105 submitted without a benefit target")
	}
	fill(t, path, map[string]any{"项目及绩效目标!A10": "社会效益指标", "项目及绩效目标!B10": "手术量", "项目及绩效目标!C10": "600", "项目及绩效目标!E10": "≥", "项目及绩效目标!D5": 480000, "项目及绩效目标!B7": "购置两台。"})
	later := filepath.Join(t.TempDir(), "later.xlsx")
	copyFile(t, path, later)
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "import", "proposal", path); code != ExitOK {
		t.Fatalf("105: %s", stderr)
	}
	total := money.FromYuan(30000000)
	if err := svc.Budgets.IssueControl(ctx, domain.LocalUser, 2027, "105", &total, "按控制数调整"); err != nil {
		t.Fatal(err)
	}
	refusedDeptbook(t, db, []string{"import", "proposal", later}, "BudgetPerf!B6: the workbook is for the first proposal (first up)", "Control figures issued (first down)")
}

// Several files: each is imported or refused on its own; the exit status
// says some were refused.
func TestSeveralWorkbooksEachWholeOrNothing(t *testing.T) {
	db := deptbookDB(t)
	good := template(t, db, "106")
	bad := template(t, db, "107")
	fill(t, good, map[string]any{cellOf(t, good, "G", "30201"): 5000})
	fill(t, bad, map[string]any{cellOf(t, bad, "G", "30201"): 5000.555, cellOf(t, bad, "B", "30201"): "办公"})
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "import", "proposal", good, bad)
	if code != ExitRefused {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(stdout, filepath.Base(good)) || !strings.Contains(stderr, filepath.Base(bad)) ||
		!strings.Contains(stderr, "more than two decimals") || !strings.Contains(stderr, "1 of 2 workbooks were refused") {
		t.Errorf("stdout %s\nstderr %s", stdout, stderr)
	}
	if p := proposalOf(t, db, "106"); p.State != "submitted" {
		t.Errorf("106 is %s", p.State)
	}
	if p := proposalOf(t, db, "107"); p.State != "draft" {
		t.Errorf("107 is %s", p.State)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixtureLO is 生殖医学科's 2027 workbook as written by budget template,
// filled in with openpyxl by testdata/fill_deptbook.py and then opened and
// saved again by LibreOffice (soffice --headless --convert-to xlsx), as a
// department without Excel would return it.
const fixtureLO = "testdata/deptbook_105_libreoffice.xlsx"

// A workbook filled in and saved by LibreOffice imports as the
// department's proposal, to the fen.
func TestLibreOfficeSavedWorkbookImports(t *testing.T) {
	db := deptbookDB(t)
	code, stdout, stderr := run(t, "--db", db, "--lang", "zh", "import", "proposal", "--year", "2027", fixtureLO)
	if code != ExitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if !strings.Contains(stdout, "生殖医学科") || !strings.Contains(stdout, "已提交（一上）") {
		t.Errorf("summary: %s", stdout)
	}
	p := proposalOf(t, db, "105")
	for subject, want := range map[string]int64{"30201": 4321099, "30211": 3000001, "30216": 0} {
		if fen, _ := lineFen(p, subject); fen != want {
			t.Errorf("%s: %d fen, want %d", subject, fen, want)
		}
	}
	if _, note := lineFen(p, "30201"); note != "含复印纸和硒鼓" {
		t.Errorf("note %q", note)
	}
	_, out, _ := run(t, "--db", db, "budget", "projects", "--year", "2027", "--json")
	for _, w := range []string{"李明", "门诊宫腔镜检查", "完成两台宫腔镜采购安装"} {
		if !strings.Contains(out, w) {
			t.Errorf("%q not in projects: %s", w, out)
		}
	}
}

// The seal survives LibreOffice: its saved workbook with a protected
// cell then changed is refused naming the cell, nothing written.
func TestLibreOfficeSavedWorkbookTamperedIsRefused(t *testing.T) {
	db := deptbookDB(t)
	tampered := filepath.Join(t.TempDir(), "lo.xlsx")
	copyFile(t, fixtureLO, tampered)
	cell := cellOf(t, tampered, "F", "30211")
	fill(t, tampered, map[string]any{cell: 99999.99})
	refusedDeptbook(t, db, []string{"import", "proposal", tampered}, cell+" is protected but was changed", "99,999.99")
}

// TestWriteFixtureTemplate writes the template the LibreOffice fixture was
// made from, into $BP_DEPTBOOK_FIXTURE (skipped without it).
func TestWriteFixtureTemplate(t *testing.T) {
	dir := os.Getenv("BP_DEPTBOOK_FIXTURE")
	if dir == "" {
		t.Skip("set BP_DEPTBOOK_FIXTURE to a folder to write the fixture's template")
	}
	copyFile(t, template(t, deptbookDB(t), "105"), filepath.Join(dir, "template_105.xlsx"))
}

// A department head writes only their own department's workbook, and a
// workbook of another department is refused to them, naming whose it is.
func TestDepartmentHeadOwnWorkbookOnly(t *testing.T) {
	db := deptbookDB(t)
	other := template(t, db, "106")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "admin-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "admin", "--role", "administrator"); code != ExitOK {
		t.Fatal(stderr)
	}
	as(t, "admin", "admin-pass")
	t.Setenv("BUDGETPERF_NEW_PASSWORD", "liu-pass")
	if code, _, stderr := run(t, "--db", db, "users", "add", "liu", "--role", "department_head", "--departments", "105"); code != ExitOK {
		t.Fatal(stderr)
	}
	as(t, "liu", "liu-pass")
	dir := t.TempDir()
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "budget", "template", "--year", "2027", "-o", dir)
	if files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx")); code != ExitOK || len(files) != 1 || !strings.Contains(files[0], "_105_") {
		t.Fatalf("department head's workbooks: %v %s %s", files, stdout, stderr)
	}
	refusedDeptbook(t, db, []string{"import", "proposal", other}, "106", "BudgetPerf!B3", "heads department(s) 105 only")
}
