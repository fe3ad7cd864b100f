package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
	"github.com/budgetperf/budgetperf/internal/users"
)

// usedHospital is the demo hospital used as a finance office would: a
// budget imported and re-imported changed, a preparation cycle stepped
// through, users added and changed, a bonus allocation with its staff
// split approved. audit verify must find it clean.
func usedHospital(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	must := func(args ...string) {
		t.Helper()
		if code, _, stderr := run(t, append([]string{"--db", db}, args...)...); code != ExitOK {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
	}
	baseDemo(t, db)
	dir := t.TempDir()
	b25, b26 := filepath.Join(dir, "b25.xlsx"), filepath.Join(dir, "b26.xlsx")
	must("export", "budget", "--year", "2025", "-o", b25)
	must("export", "budget", "--year", "2026", "-o", b26)
	must("import", "budget", "--year", "2027", b25)
	must("import", "budget", "--year", "2027", "--replace", b26)
	must("bonus", "save", "--year", "2026", "--pool", "100000")
	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	by := domain.LocalUser
	if _, err := svc.Budgets.OpenCycle(ctx, by, 2028); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Budgets.Proposal(ctx, by, 2028, "103")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Budgets.SaveProposal(ctx, by, 2028, "103", []budgeting.LineEdit{{SubjectCode: p.Lines[0].SubjectCode, Amount: 50000000}}); err != nil {
		t.Fatal(err)
	}
	if err := svc.Budgets.Transition(ctx, by, 2028, "103", domain.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	total := p.Lines[0].Proposal + 40000000
	if err := svc.Budgets.IssueControl(ctx, by, 2028, "103", &total, "within this"); err != nil {
		t.Fatal(err)
	}
	dept, err := svc.Store.Department(ctx, "103")
	if err != nil {
		t.Fatal(err)
	}
	staff := filepath.Join(dir, "staff.xlsx")
	x := excelize.NewFile()
	for i, row := range [][]any{{"科室", "工号", "姓名", "岗位", "岗位系数", "出勤天数", "应出勤天数"},
		{dept.Name, "001", "张三", "医师", 1.2, 22, 22}, {dept.Name, "002", "李四", "护士", 1.0, 20, 22}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SaveAs(staff); err != nil {
		t.Fatal(err)
	}
	moreUse(t, svc)
	finaliseProject(t, svc)
	svc.Accounts.Params = credential.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	for _, u := range []users.NewUser{{Login: "admin", Role: domain.RoleAdministrator, Password: "admin-secret"},
		{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"103"}, Password: "zhang-secret"}} {
		if err := svc.Accounts.AddUser(ctx, by, u); err != nil {
			t.Fatal(err)
		}
	}
	admin := domain.Actor{Login: "admin", Role: domain.RoleAdministrator}
	if err := svc.Accounts.UpdateUser(ctx, admin, "zhang", "张主任", domain.RoleDeptHead, []string{"103", "101"}); err != nil {
		t.Fatal(err)
	}
	for _, locked := range []bool{true, false} {
		if err := svc.Accounts.SetLocked(ctx, admin, "zhang", locked); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()
	t.Setenv("BUDGETPERF_USER", "admin")
	t.Setenv("BUDGETPERF_PASSWORD", "admin-secret")
	must("import", "staff", "--year", "2026", staff)
	must("bonus", "save", "--year", "2026", "--pool", "100000") // drops the split, without a trail of its own
	must("import", "staff", "--year", "2026", staff)
	must("bonus", "approve", "--year", "2026")
	return db
}

// moreUse is the rest of a year's work: adjustments of an imported and of
// a demo budget, a cancelled and reopened preparation with a line removed
// and added back, a revision and a department's approval, a department,
// the hospital's name and a bonus score changed.
func moreUse(t *testing.T, svc *services.Services) {
	t.Helper()
	ctx, by := context.Background(), domain.LocalUser
	for _, year := range []int{2027, 2026} {
		lines, err := svc.Store.BudgetLines(ctx, year)
		if err != nil || len(lines) == 0 {
			t.Fatal(year, err)
		}
		l := lines[0]
		a, err := svc.Budgets.RequestAdjustment(ctx, by, year, string(domain.ReasonNewTask), "新增任务",
			[]domain.AdjustmentLine{{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, New: l.Amount + 100000}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Budgets.DecideAdjustment(ctx, by, a.ID, true, "同意"); err != nil {
			t.Fatal(err)
		}
	}
	p, err := svc.Budgets.Proposal(ctx, by, 2028, "103")
	if err != nil {
		t.Fatal(err)
	}
	const subject = "30201"
	add := func() error { return svc.Budgets.AddLines(ctx, by, 2029, "103", []string{subject}) }
	open := func() error { _, err := svc.Budgets.OpenCycle(ctx, by, 2029); return err }
	steps := []func() error{
		open, add,
		func() error {
			return svc.Budgets.SaveProposal(ctx, by, 2029, "103", []budgeting.LineEdit{{SubjectCode: subject, Amount: 7000000}})
		},
		func() error { _, err := svc.Budgets.CancelCycle(ctx, by, 2029, "重新编制"); return err },
		open, add,
		func() error { return svc.Budgets.RemoveLine(ctx, by, 2029, "103", subject) },
		add,
		func() error {
			return svc.Budgets.SaveProposal(ctx, by, 2028, "103", []budgeting.LineEdit{{SubjectCode: p.Lines[0].SubjectCode, Amount: 60000000}})
		},
		func() error { return svc.Budgets.Transition(ctx, by, 2028, "103", domain.ActSubmit, "") },
		func() error { return svc.Budgets.Transition(ctx, by, 2028, "103", domain.ActApprove, "") },
		func() error {
			return svc.Master.SetHospitalName(ctx, by, "滨江市妇幼保健院（新）", "Binjiang MCH")
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	d, err := svc.Store.Department(ctx, "103")
	if err != nil {
		t.Fatal(err)
	}
	d.Headcount++
	if err := svc.Master.SaveDepartment(ctx, by, d); err != nil {
		t.Fatal(err)
	}
	score := 88.5
	if err := svc.Bonus.SetScore(ctx, by, 2027, "103", "quality", &score, "甲级病历率"); err != nil {
		t.Fatal(err)
	}
}

// finaliseProject evaluates a project of 2026 and finalises it.
func finaliseProject(t *testing.T, svc *services.Services) {
	t.Helper()
	ctx, by := context.Background(), domain.LocalUser
	if _, err := svc.Evaluation.StartYear(ctx, by, 2026); err != nil {
		t.Fatal(err)
	}
	runs, err := svc.Evaluation.Runs(ctx, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	// A project judged on its own targets: every indicator gets its
	// target's value, or a word for a qualitative one.
	var run evaluation.Run
	for _, r := range runs {
		if r.Unit.Kind == scoring.ProjectScheme && run.ID == 0 {
			run = r
		}
	}
	id := run.ID
	for _, is := range run.Result.Indicators {
		v := "100"
		if in := indicatorOf(run.Scheme, is.Code); in.Rule == scoring.Qualitative {
			v = "达成"
		} else if in.Target > 0 {
			v = strconv.FormatFloat(in.Target, 'f', -1, 64)
		}
		if err := svc.Evaluation.SetValue(ctx, by, id, is.Code, v, 0, "按计划完成"); err != nil {
			t.Fatal(is.Code, err)
		}
	}
	if err := svc.Evaluation.Finalise(ctx, by, id); err != nil {
		t.Fatal(err)
	}
}

func TestAuditVerifyDataCleanAfterUse(t *testing.T) {
	db := usedHospital(t)
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK || !strings.Contains(stdout, "intact") {
		t.Fatalf("verify of a used hospital: %d %s %s", code, stdout, stderr)
	}
}

// Each direct edit of the file is named by audit verify (exit 1), in
// English and in Chinese words.
func TestAuditVerifyNamesDirectEdits(t *testing.T) {
	enginetest.FileOnly(t) // edits the SQLite file behind the program's back
	db := usedHospital(t)
	line := `(SELECT l.id FROM budget_lines l JOIN budgets b ON b.id = l.budget_id JOIN departments d ON d.id = l.department_id
		WHERE b.year = 2027 AND d.code = '103' ORDER BY l.subject_code LIMIT 1)`
	attacks := []struct {
		name, sql string
		want      []string
	}{
		{"budget line amount", `UPDATE budget_lines SET amount_fen = amount_fen + 100 WHERE id = ` + line, []string{"Approved budget 2027/103/", "amount"}},
		{"user role", `UPDATE users SET role = 'administrator' WHERE login = 'zhang'`, []string{"User zhang", "role", "administrator"}},
		{"approval in preparation", `UPDATE prep_departments SET state = 'approved' WHERE year = 2028
			AND department_id = (SELECT id FROM departments WHERE code = '101')`, []string{"2028/101", "state", "should still be Draft", "Approved"}},
		{"approved department sent back", `UPDATE prep_departments SET state = 'draft' WHERE year = 2028
			AND department_id = (SELECT id FROM departments WHERE code = '103')`, []string{"2028/103", "state", "the trail says Approved"}},
		{"inserted user", `INSERT INTO users (login, role, password_hash, created_at, updated_at)
			SELECT 'mallory', 'administrator', password_hash, created_at, updated_at FROM users WHERE login = 'admin'`, []string{"User mallory", "never recorded"}},
		{"finalised evaluation reopened", `UPDATE evaluations SET state = 'open' WHERE state = 'finalised' AND year = 2026`,
			[]string{"evaluation/", "state", "the trail says Finalised", "the data says Open"}},
		{"department bonus", `UPDATE bonus_run_departments SET bonus_fen = bonus_fen + 100 WHERE dept_code = '101'`, []string{"2026/101", "department bonus"}},
		{"bonus staff amount", `UPDATE bonus_run_staff SET amount_fen = amount_fen + 5000 WHERE staff_no = '001'`, []string{"2026/103", "amount"}},
		{"deleted budget line", `DELETE FROM budget_lines WHERE id = ` + line, []string{"2027/103/", "is missing"}},
		{"inserted budget line", `INSERT INTO budget_lines (budget_id, department_id, subject_code, amount_fen)
			SELECT b.id, d.id, '30299', 123400 FROM budgets b, departments d WHERE b.year = 2027 AND d.code = '101'
			AND NOT EXISTS (SELECT 1 FROM budget_lines x WHERE x.budget_id = b.id AND x.department_id = d.id AND x.subject_code = '30299')`,
			[]string{"2027/101/30299", "never recorded"}},
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			copyDB := filepath.Join(t.TempDir(), "attacked.db")
			sqlfixture.Tamper(t, db, copyDB, a.sql)
			code, stdout, stderr := run(t, "--db", copyDB, "--lang", "en", "audit", "verify")
			if code != ExitRefused {
				t.Fatalf("verify after %s: %d %s %s", a.name, code, stdout, stderr)
			}
			for _, w := range a.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%s: %q not named in\n%s", a.name, w, stderr)
				}
			}
			_, _, zh := run(t, "--db", copyDB, "--lang", "zh", "audit", "verify")
			t.Log(zh)
			if !strings.Contains(zh, "数据与审计日志不符") || strings.Contains(zh, "prep_department") || strings.Contains(zh, "budget ") ||
				strings.Contains(zh, "finalised") || strings.Contains(zh, "administrator") {
				t.Errorf("%s in Chinese:\n%s", a.name, zh)
			}
		})
	}
}

// indicatorOf finds indicator code in sc.
func indicatorOf(sc scoring.Scheme, code string) scoring.Indicator {
	var found scoring.Indicator
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil && n.Code == code {
				found = *n.Indicator
			}
			walk(n.Children)
		}
	}
	walk(sc.Roots)
	return found
}
