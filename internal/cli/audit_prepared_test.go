package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
	"github.com/budgetperf/budgetperf/internal/testbook"
)

// preparedHospital runs 2027's whole preparation on the demo hospital: every
// department proposes, one is returned and resubmits, control figures are
// issued, one revises, all are approved and then the hospital budget, which
// is adjusted once. Its lines come from the preparation, recorded as the
// year's total, not line by line.
func preparedHospital(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	baseDemo(t, db)
	ctx, by := context.Background(), domain.LocalUser
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	b := svc.Budgets
	if _, err := b.OpenCycle(ctx, by, 2027); err != nil {
		t.Fatal(err)
	}
	status, err := b.Status(ctx, by, 2027)
	if err != nil {
		t.Fatal(err)
	}
	each := func(what string, f func(dept string) error) {
		t.Helper()
		for _, d := range status.Departments {
			if err := f(d.DeptCode); err != nil {
				t.Fatalf("%s %s: %v", what, d.DeptCode, err)
			}
		}
	}
	each("propose", func(dept string) error {
		p, err := b.Proposal(ctx, by, 2027, dept)
		if err != nil {
			return err
		}
		var edits []budgeting.LineEdit
		for _, l := range p.Lines {
			edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: domain.Baseline(l.PriorActual, 500)})
		}
		if err := b.SaveProposal(ctx, by, 2027, dept, edits); err != nil {
			return err
		}
		return b.Transition(ctx, by, 2027, dept, domain.ActSubmit, "")
	})
	for _, a := range []domain.PrepAction{domain.ActReturn, domain.ActSubmit} {
		if err := b.Transition(ctx, by, 2027, "103", a, "请核减"); err != nil {
			t.Fatal(err)
		}
	}
	each("issue control", func(dept string) error {
		c := money.FromYuan(1 << 40)
		return b.IssueControl(ctx, by, 2027, dept, &c, "")
	})
	p, err := b.Proposal(ctx, by, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	l := p.Lines[0]
	if err := b.SaveProposal(ctx, by, 2027, "103", []budgeting.LineEdit{{SubjectCode: l.SubjectCode, Amount: l.Final() + 100, Note: "二上"}}); err != nil {
		t.Fatal(err)
	}
	each("revise", func(dept string) error { return b.Transition(ctx, by, 2027, dept, domain.ActSubmit, "") })
	each("approve", func(dept string) error { return b.Transition(ctx, by, 2027, dept, domain.ActApprove, "") })
	if _, err := b.ApproveHospital(ctx, by, 2027); err != nil {
		t.Fatal(err)
	}
	a, err := b.RequestAdjustment(ctx, by, 2027, string(domain.ReasonNewTask), "新增任务",
		[]domain.AdjustmentLine{{DeptCode: "103", SubjectCode: l.SubjectCode, New: l.Final() + 50000}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.DecideAdjustment(ctx, by, a.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	return db
}

// A budget approved from the preparation verifies clean; an edit of one of
// its lines that no adjustment touched is named by the year's total, an
// edit of a revised figure by its line.
func TestAuditVerifyPreparedBudget(t *testing.T) {
	enginetest.FileOnly(t) // edits the SQLite file behind the program's back
	db := preparedHospital(t)
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK || !strings.Contains(stdout, "intact") {
		t.Fatalf("verify of a prepared budget: %d %s %s", code, stdout, stderr)
	}
	untouched := `(SELECT l.id FROM budget_lines l JOIN budgets b ON b.id = l.budget_id JOIN departments d ON d.id = l.department_id
		WHERE b.year = 2027 AND d.code = '105' ORDER BY l.subject_code LIMIT 1)`
	attacks := []struct {
		name, sql string
		want      []string
	}{
		{"prepared line", `UPDATE budget_lines SET amount_fen = amount_fen * 2 WHERE id = ` + untouched, []string{"Approved budget 2027 ", "year's total"}},
		{"revised figure", `UPDATE prep_lines SET revised_fen = revised_fen + 1 WHERE year = 2027 AND revised_fen IS NOT NULL
			AND department_id = (SELECT id FROM departments WHERE code = '103')
			AND subject_code = (SELECT min(subject_code) FROM prep_lines WHERE year = 2027 AND note = '二上')`, []string{"2027/103/", "revised figure"}},
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			attacked := tempDB(t) + ".attacked"
			sqlfixture.Tamper(t, db, attacked, a.sql)
			code, _, stderr := run(t, "--db", attacked, "--lang", "en", "audit", "verify")
			if code != ExitRefused {
				t.Fatalf("verify after %s: %d %s", a.name, code, stderr)
			}
			for _, w := range a.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%q not named in\n%s", w, stderr)
				}
			}
		})
	}
}

// Naming the hospital before loading the demo: the demo's name replaces it
// with its trail, so verify stays clean.
func TestAuditVerifyDemoAfterHospitalName(t *testing.T) {
	db := tempDB(t)
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Master.SetHospitalName(context.Background(), domain.LocalUser, "某某医院", "Some Hospital"); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	baseDemo(t, db)
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK {
		t.Fatalf("verify: %d %s %s", code, stdout, stderr)
	}
}

// A ledger, a month's summary and its replacement keep the year's actuals
// as the trail records them; an edited or deleted ledger line is named by
// the year's total and line count.
func TestAuditVerifyActuals(t *testing.T) {
	enginetest.FileOnly(t) // edits the SQLite file behind the program's back
	db := tempDB(t)
	first := testbook.Summary(t, "first.xlsx", []any{"内科", "30201", "办公费", 100})
	second := testbook.Summary(t, "second.xlsx", []any{"内科", "30201", "办公费", 250})
	for _, args := range [][]string{
		{"import", "actuals", "--year", "2025", "--create-missing", filepath.Join("..", "xlsximport", "testdata", "actuals_ledger_2025_jan_sep.xlsx")},
		{"import", "actuals", "--year", "2025", "--month", "10", "--create-missing", first},
		{"import", "actuals", "--year", "2025", "--month", "10", "--create-missing", "--replace-month", second},
	} {
		if code, _, stderr := run(t, append([]string{"--db", db}, args...)...); code != ExitOK {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
	}
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK {
		t.Fatalf("verify: %d %s %s", code, stdout, stderr)
	}
	for _, a := range []struct{ name, sql, want string }{
		{"halved", `UPDATE actuals SET amount_fen = amount_fen / 2 WHERE id = (SELECT min(id) FROM actuals)`, "total"},
		{"deleted", `DELETE FROM actuals WHERE id = (SELECT max(id) FROM actuals WHERE month < 10)`, "number of ledger lines"},
	} {
		attacked := tempDB(t) + ".attacked"
		sqlfixture.Tamper(t, db, attacked, a.sql)
		code, _, stderr := run(t, "--db", attacked, "--lang", "en", "audit", "verify")
		if code != ExitRefused || !strings.Contains(stderr, "Actuals import 2025") || !strings.Contains(stderr, a.want) {
			t.Errorf("%s: %d %s", a.name, code, stderr)
		}
		_, _, zh := run(t, "--db", attacked, "--lang", "zh", "audit", "verify")
		if !strings.Contains(zh, "实际数导入 2025（年度）") || strings.Contains(zh, "amount") || strings.Contains(zh, "lines") {
			t.Errorf("%s in Chinese: %s", a.name, zh)
		}
	}
}
