package services_test

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// refusedAsChanged checks that err is the refusal of a save from an old
// version, naming who saved first.
func refusedAsChanged(t *testing.T, what string, err error) {
	t.Helper()
	ps := domain.AsProblems(err)
	if len(ps) != 1 || ps[0].Key != domain.ChangedKey {
		t.Fatalf("%s: the second save from the same version gave %v, want it refused", what, err)
	}
	_ = i18n.Use("zh")
	if msg := i18n.Message(err); !strings.Contains(msg, "系统管理员") || !strings.Contains(msg, "重新载入") {
		t.Errorf("%s: the refusal does not say who saved first and to reload: %s", what, msg)
	}
}

// Two people open the same record and both save: the first save lands,
// the second is refused with who saved and when, on both engines — for a
// department's proposal, a project, an evaluation and the bonus draft.
func TestSecondSaveFromTheSameVersionIsRefused(t *testing.T) {
	enginetest.Each(t, func(t *testing.T, e enginetest.Engine) {
		ctx := context.Background()
		svc, err := services.Open(ctx, e.Target(t))
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Close()
		if _, err := svc.LoadDemo(ctx, domain.LocalUser, 2026); err != nil {
			t.Fatal(err)
		}
		by := domain.LocalUser
		proposals(t, svc, by)
		projects(t, svc, by)
		evaluations(t, svc, by)
		bonusDrafts(t, svc, by)
	})
}

func proposals(t *testing.T, svc *services.Services, by domain.Actor) {
	ctx := context.Background()
	var dept domain.DeptPrep
	preps, err := svc.Store.DeptPreps(ctx, 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range preps {
		if d.State == domain.StateDraft || d.State == domain.StateReturned {
			dept = d
			break
		}
	}
	p, err := svc.Budgets.Proposal(ctx, by, 2027, dept.DeptCode)
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for _, l := range p.Lines {
		line = l.SubjectCode
	}
	edit := []budgeting.LineEdit{{SubjectCode: line, Amount: money.Amount(123_456)}}
	if err := svc.Budgets.SaveProposalAt(ctx, by, 2027, dept.DeptCode, p.Dept.Version, edit); err != nil {
		t.Fatalf("first save: %v", err)
	}
	edit[0].Amount = 654_321
	refusedAsChanged(t, "proposal", svc.Budgets.SaveProposalAt(ctx, by, 2027, dept.DeptCode, p.Dept.Version, edit))
	after, _ := svc.Budgets.Proposal(ctx, by, 2027, dept.DeptCode)
	for _, l := range after.Lines {
		if l.SubjectCode == line && l.Proposal != 123_456 {
			t.Errorf("the refused save changed the line to %d", l.Proposal)
		}
	}
}

func projects(t *testing.T, svc *services.Services, by domain.Actor) {
	ctx := context.Background()
	// A 2026 project proposed again for 2027 by a department still writing.
	ps, err := svc.Store.Projects(ctx, 2026, "")
	if err != nil || len(ps) == 0 {
		t.Fatalf("2026 projects: %v (%d)", err, len(ps))
	}
	p := ps[0]
	preps, _ := svc.Store.DeptPreps(ctx, 2027)
	for _, d := range preps {
		if svc.Budgets.ProjectsEditable(ctx, by, 2027, d.DeptCode) == nil {
			p.DeptCode = d.DeptCode
			break
		}
	}
	p.ID, p.Code, p.Year, p.Version = 0, "", 2027, 0
	p.StartYear, p.EndYear = 2027, 2027
	id, err := svc.Budgets.SaveProject(ctx, by, p)
	if err != nil {
		t.Fatalf("a 2027 project: %v", err)
	}
	if p, err = svc.Store.Project(ctx, id); err != nil {
		t.Fatal(err)
	}
	mine, theirs := p, p
	mine.Responsible, theirs.Responsible = "张会计", "李会计"
	if _, err := svc.Budgets.SaveProject(ctx, by, mine); err != nil {
		t.Fatalf("first save: %v", err)
	}
	_, err = svc.Budgets.SaveProject(ctx, by, theirs)
	refusedAsChanged(t, "project", err)
}

func evaluations(t *testing.T, svc *services.Services, by domain.Actor) {
	ctx := context.Background()
	runs, err := svc.Evaluation.Runs(ctx, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.Finalised {
			continue
		}
		for code := range r.Texts {
			if _, err := svc.Evaluation.SetValueAt(ctx, by, r.ID, r.Version, code, r.Texts[code], 0, "年中调整"); err != nil {
				t.Fatalf("first save: %v", err)
			}
			_, err := svc.Evaluation.SetValueAt(ctx, by, r.ID, r.Version, code, r.Texts[code], 0, "另一台电脑")
			refusedAsChanged(t, "evaluation", err)
			return
		}
	}
	t.Skip("the demo has no open evaluation with a value in 2026")
}

func bonusDrafts(t *testing.T, svc *services.Services, by domain.Actor) {
	ctx := context.Background()
	stored, ok, err := svc.Bonus.Current(ctx, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var seen *bonus.Result
	if ok {
		seen = &stored
	}
	res, err := svc.Bonus.Compute(ctx, by, 2026, money.Amount(100_000_000), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.SaveAt(ctx, by, res, "", bonus.SeenOf(seen)); err != nil {
		t.Fatalf("first save: %v", err)
	}
	_, err = svc.Bonus.SaveAt(ctx, by, res, "", bonus.SeenOf(seen))
	refusedAsChanged(t, "bonus draft", err)
}
