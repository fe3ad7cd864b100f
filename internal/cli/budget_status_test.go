package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
)

type statusOut struct {
	Year        int  `json:"year"`
	Locked      bool `json:"locked"`
	Departments []struct {
		Code, Name, State string
		UpdatedAt         string `json:"updated_at"`
	} `json:"departments"`
}

func status(t *testing.T, db string, year string) statusOut {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "budget", "status", "--year", year, "--json")
	if code != ExitOK {
		t.Fatalf("budget status: exit %d %s", code, stderr)
	}
	var s statusOut
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	return s
}

// The preparation cycle as scripts see it: status per department while it
// runs, and the approved budget in budget show once the hospital approves.
func TestBudgetStatusFollowsTheCycle(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	code, _, stderr := run(t, "--db", db, "--lang", "en", "budget", "status", "--year", "2027", "--json")
	if code != ExitRefused || !strings.Contains(stderr, "has not been opened") {
		t.Fatalf("status of an unopened year: exit %d %q", code, stderr)
	}
	if s := status(t, db, "2026"); !s.Locked || len(s.Departments) == 0 || s.Departments[0].State != "approved" {
		t.Errorf("a loaded budget should read as approved: %+v", s)
	}

	ctx, me := context.Background(), domain.LocalUser
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	b := svc.Budgets
	if _, err := b.OpenCycle(ctx, me, 2027); err != nil {
		t.Fatal(err)
	}
	st, _ := b.Status(ctx, me, 2027)
	var want money.Amount
	for _, d := range st.Departments {
		p, _ := b.Proposal(ctx, me, 2027, d.DeptCode)
		var edits []budgeting.LineEdit
		for _, l := range p.Lines {
			edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: l.PriorBudget})
			want += l.PriorBudget
		}
		if err := b.SaveProposal(ctx, me, 2027, d.DeptCode, edits); err != nil {
			t.Fatal(err)
		}
		if err := b.Transition(ctx, me, 2027, d.DeptCode, domain.ActSubmit, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Transition(ctx, me, 2027, "103", domain.ActReturn, "请补充说明"); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	s := status(t, db, "2027")
	if s.Year != 2027 || s.Locked || len(s.Departments) != 28 {
		t.Fatalf("status: %+v", s)
	}
	for _, d := range s.Departments {
		wantState := "submitted"
		if d.Code == "103" {
			wantState = "returned"
		}
		if d.State != wantState || d.Name == "" || !strings.HasPrefix(d.UpdatedAt, "20") {
			t.Errorf("department %+v, want state %s", d, wantState)
		}
	}

	svc, _ = services.Open(ctx, db)
	b = svc.Budgets
	for _, d := range st.Departments {
		if d.DeptCode == "103" {
			if err := b.Transition(ctx, me, 2027, d.DeptCode, domain.ActSubmit, ""); err != nil {
				t.Fatal(err)
			}
		}
		c := money.FromYuan(1 << 40)
		for _, step := range []func() error{
			func() error { return b.IssueControl(ctx, me, 2027, d.DeptCode, &c, "") },
			func() error { return b.Transition(ctx, me, 2027, d.DeptCode, domain.ActSubmit, "") },
			func() error { return b.Transition(ctx, me, 2027, d.DeptCode, domain.ActApprove, "") },
		} {
			if err := step(); err != nil {
				t.Fatalf("%s: %v", d.DeptCode, err)
			}
		}
	}
	if _, err := b.ApproveHospital(ctx, me, 2027); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	if s := status(t, db, "2027"); !s.Locked || s.Departments[0].State != "approved" {
		t.Errorf("after approval: %+v", s)
	}
	code, stdout, stderr := run(t, "--db", db, "budget", "show", "--year", "2027", "--json")
	if code != ExitOK {
		t.Fatalf("budget show: %s", stderr)
	}
	var shown struct {
		RevenueFen     int64 `json:"revenue_fen"`
		ExpenditureFen int64 `json:"expenditure_fen"`
	}
	_ = json.Unmarshal([]byte(stdout), &shown)
	if shown.RevenueFen+shown.ExpenditureFen != want.Fen() {
		t.Errorf("budget show lines %d+%d, want the approved %d", shown.RevenueFen, shown.ExpenditureFen, want.Fen())
	}
}

// Without --year, budget status lists every year: the approved ones and
// a cycle in progress beside them.
func TestBudgetStatusListsTheYears(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "budget", "status", "--json")
	if code != ExitOK {
		t.Fatal(stderr)
	}
	var got yearsStatusJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	approved := 0
	for _, y := range got.Years {
		if y.ApprovedBudget {
			approved++
		}
	}
	if approved < 2 {
		t.Errorf("years %+v: want 2025 and 2026 approved", got.Years)
	}
	if code, stdout, _ := run(t, "--db", db, "--lang", "zh", "budget", "status"); code != ExitOK || !strings.Contains(stdout, "已批复") {
		t.Errorf("text: %d %q", code, stdout)
	}
}

// baseDemo loads the demo hospital of 2026 into db without its year's
// story (demo.BaseOnly: no adjustments, no 2027 preparation), the fixture
// of tests that run a 2027 cycle or adjustments of their own.
func baseDemo(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.LoadDemoScope(ctx, domain.LocalUser, 2026, demo.BaseOnly); err != nil {
		t.Fatal(err)
	}
}
