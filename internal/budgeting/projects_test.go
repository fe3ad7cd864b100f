package budgeting

import (
	"context"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

const projYear = 2027

// projectFixture is a database with the subject catalogue, departments
// 301 and 302 taking part in the 2027 cycle as drafts, and 303 outside it.
func projectFixture(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, enginetest.File(t, filepath.Join(t.TempDir(), "p.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	for _, d := range []domain.Department{
		{Code: "301", Name: "妇女保健科", Type: domain.PublicHealth, Headcount: 20, CoefficientMilli: 1000},
		{Code: "302", Name: "儿童保健科", Type: domain.PublicHealth, Headcount: 18, CoefficientMilli: 1000},
		{Code: "303", Name: "设备科", Type: domain.Logistics, Headcount: 6, CoefficientMilli: 1000},
	} {
		if err := st.SaveDepartment(ctx, domain.LocalUser, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.InsertCycle(ctx, domain.LocalUser, projYear); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"301", "302"} {
		if err := st.InsertDeptPrep(ctx, domain.LocalUser, projYear, code); err != nil {
			t.Fatal(err)
		}
	}
	return New(st), st
}

// screeningProject is a complete public-health project with an output and
// a benefit target.
func screeningProject() domain.Project {
	return domain.Project{Year: projYear, DeptCode: "301", Name: "两癌筛查项目", Type: domain.ProjectPublicHealth,
		SubjectCode: "30218", Amount: money.FromYuan(1_234_500),
		Funding:    domain.Funding{Fiscal: money.FromYuan(1_000_000), Business: money.FromYuan(234_500)},
		AnnualGoal: "筛查12000人次，早诊率不低于85%。",
		Targets: []domain.Target{
			{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "12,000", Unit: "人次", Direction: domain.DirHigher},
			{Category: domain.TargetSocial, Indicator: "早诊率", Value: "85%", Unit: "%", Direction: domain.DirHigher},
			{Category: domain.TargetSatisfaction, Indicator: "服务对象满意度", Value: "90", Unit: "%", Direction: domain.DirHigher},
		}}
}

func problemKeys(err error) []string {
	var keys []string
	for _, p := range domain.AsProblems(err) {
		keys = append(keys, p.Key)
	}
	return keys
}

func TestSaveProjectChecksTheInput(t *testing.T) {
	svc, _ := projectFixture(t)
	ctx := context.Background()
	cases := []struct {
		name   string
		change func(p *domain.Project)
		want   []string // problem keys, nil when the project is saved
	}{
		{"complete", func(*domain.Project) {}, nil},
		{"no targets yet is a draft", func(p *domain.Project) { p.Targets = nil }, nil},
		{"years default to the budget year", func(p *domain.Project) { p.StartYear, p.EndYear = 0, 0 }, nil},
		{"several years", func(p *domain.Project) { p.StartYear, p.EndYear = 2026, 2028 }, nil},
		{"blank name", func(p *domain.Project) { p.Name = "   " }, []string{"problem.project.name"}},
		{"unknown type", func(p *domain.Project) { p.Type = "bridge" }, []string{"problem.project.type"}},
		{"no subject", func(p *domain.Project) { p.SubjectCode = "" }, []string{"problem.project.subject"}},
		{"unknown subject", func(p *domain.Project) { p.SubjectCode = "39999" }, []string{"problem.project.unknown_subject"}},
		{"revenue subject", func(p *domain.Project) { p.SubjectCode = "4101010101" }, []string{"problem.project.not_expenditure"}},
		{"negative amount", func(p *domain.Project) { p.Amount = -1 }, []string{"problem.project.amount_negative"}},
		{"years miss the budget year", func(p *domain.Project) { p.StartYear, p.EndYear = 2028, 2029 }, []string{"problem.project.years"}},
		{"incomplete target row", func(p *domain.Project) { p.Targets[1].Indicator = ""; p.Targets[1].Value = "很多" },
			[]string{"problem.target.indicator", "problem.target.number"}},
		{"all problems at once", func(p *domain.Project) { p.Name = ""; p.SubjectCode = "39999"; p.Amount = -5 },
			[]string{"problem.project.name", "problem.project.amount_negative", "problem.project.unknown_subject"}},
		{"unknown department", func(p *domain.Project) { p.DeptCode = "999" }, []string{"problem.project.unknown_dept"}},
		{"department outside the cycle", func(p *domain.Project) { p.DeptCode = "303" }, []string{"problem.prep.no_dept"}},
		{"year without a cycle", func(p *domain.Project) { p.Year = 2028; p.StartYear, p.EndYear = 0, 0 }, []string{"problem.prep.no_cycle"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := screeningProject()
			c.change(&p)
			id, err := svc.SaveProject(ctx, domain.LocalUser, p)
			if got := problemKeys(err); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("problems %v (err %v), want %v", got, err, c.want)
			}
			if c.want != nil {
				if id != 0 {
					t.Errorf("a refused project got id %d", id)
				}
				return
			}
			saved, err := svc.st.Project(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := tidyProject(p)
			want.ID, want.Version = id, 1
			if !regexp.MustCompile(`^XM2027\d{3}$`).MatchString(saved.Code) {
				t.Errorf("the project got code %q, want XM2027nnn", saved.Code)
			}
			want.Code = saved.Code
			if len(want.Targets) == 0 {
				want.Targets = nil
			}
			if !reflect.DeepEqual(saved, want) {
				t.Errorf("saved\n%+v\nwant\n%+v", saved, want)
			}
		})
	}
	if ps, _ := svc.Projects(ctx, domain.LocalUser, projYear, ""); len(ps) != 4 {
		t.Errorf("%d projects saved, want the 4 valid ones", len(ps))
	}
}

func TestSaveProjectUpdatesAndMoves(t *testing.T) {
	svc, st := projectFixture(t)
	ctx := context.Background()
	id, err := svc.SaveProject(ctx, domain.LocalUser, screeningProject())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := svc.st.Project(ctx, id)
	p.Name, p.Targets = "两癌筛查（扩面）", p.Targets[:1]
	if got, err := svc.SaveProject(ctx, domain.LocalUser, p); err != nil || got != id {
		t.Fatalf("update gave id %d, %v", got, err)
	}
	if p2, _ := svc.st.Project(ctx, id); p2.Name != "两癌筛查（扩面）" || len(p2.Targets) != 1 || p2.Version != p.Version+1 {
		t.Errorf("update not stored, or its version not moved on from %d: %+v", p.Version, p2)
	}
	p.Version++ // as the editor, which reads the project again after saving

	// Moving to a department that has submitted is refused, and so is
	// moving out of one.
	submitted := domain.PrepPosition{State: domain.StateSubmitted, Round: 1}
	if err := st.SetDeptPosition(ctx, domain.LocalUser, projYear, "302", submitted); err != nil {
		t.Fatal(err)
	}
	p.DeptCode = "302"
	if _, err := svc.SaveProject(ctx, domain.LocalUser, p); !reflect.DeepEqual(problemKeys(err), []string{"problem.prep.not_editable"}) {
		t.Errorf("moving into a submitted department: %v", err)
	}
	if err := st.SetDeptPosition(ctx, domain.LocalUser, projYear, "302", domain.PrepPosition{State: domain.StateReturned, Round: 1}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", submitted); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveProject(ctx, domain.LocalUser, p); !reflect.DeepEqual(problemKeys(err), []string{"problem.prep.not_editable"}) {
		t.Errorf("moving out of a submitted department: %v", err)
	}
	if err := st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", domain.PrepPosition{State: domain.StateControlIssued, Round: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveProject(ctx, domain.LocalUser, p); err != nil {
		t.Fatalf("moving between editable departments: %v", err)
	}
	p.Version++
	if ps, _ := svc.Projects(ctx, domain.LocalUser, projYear, "302"); len(ps) != 1 || ps[0].ID != id {
		t.Errorf("302 has %+v, want the moved project", ps)
	}

	p.Year, p.StartYear, p.EndYear = 2028, 2028, 2028
	if _, err := svc.SaveProject(ctx, domain.LocalUser, p); !reflect.DeepEqual(problemKeys(err), []string{"problem.project.year_moved"}) {
		t.Errorf("moving to another year: %v", err)
	}
	p.ID, p.Year = 9999, projYear
	if _, err := svc.SaveProject(ctx, domain.LocalUser, p); !reflect.DeepEqual(problemKeys(err), []string{"problem.project.not_found"}) {
		t.Errorf("updating a deleted project: %v", err)
	}
}

func TestProjectChangesFollowTheCycle(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(st *store.Store) error
		want  string // problem key, "" when changes are allowed
	}{
		{"draft", func(*store.Store) error { return nil }, ""},
		{"returned", func(st *store.Store) error {
			return st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", domain.PrepPosition{State: domain.StateReturned, Round: 1})
		}, ""},
		{"control figures issued", func(st *store.Store) error {
			return st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", domain.PrepPosition{State: domain.StateControlIssued, Round: 2})
		}, ""},
		{"submitted", func(st *store.Store) error {
			return st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", domain.PrepPosition{State: domain.StateSubmitted, Round: 1})
		}, "problem.prep.not_editable"},
		{"revised", func(st *store.Store) error {
			return st.SetDeptPosition(ctx, domain.LocalUser, projYear, "301", domain.PrepPosition{State: domain.StateRevised, Round: 2})
		}, "problem.prep.not_editable"},
		{"locked", func(st *store.Store) error { return st.LockCycle(ctx, domain.LocalUser, projYear) }, "problem.prep.locked"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svc, st := projectFixture(t)
			// One project exists before the department's state changes.
			id, err := svc.SaveProject(ctx, domain.LocalUser, screeningProject())
			if err != nil {
				t.Fatal(err)
			}
			if err := c.setup(st); err != nil {
				t.Fatal(err)
			}
			want := []string(nil)
			if c.want != "" {
				want = []string{c.want}
			}
			if got := problemKeys(svc.ProjectsEditable(ctx, domain.LocalUser, projYear, "301")); !reflect.DeepEqual(got, want) {
				t.Errorf("ProjectsEditable: %v, want %v", got, want)
			}
			if _, err := svc.SaveProject(ctx, domain.LocalUser, screeningProject()); !reflect.DeepEqual(problemKeys(err), want) {
				t.Errorf("adding: %v, want %v", err, want)
			}
			p, _ := svc.st.Project(ctx, id)
			p.Amount, p.Funding = money.FromYuan(1), domain.Funding{Business: money.FromYuan(1)}
			if _, err := svc.SaveProject(ctx, domain.LocalUser, p); !reflect.DeepEqual(problemKeys(err), want) {
				t.Errorf("changing: %v, want %v", err, want)
			}
			if err := svc.DeleteProject(ctx, domain.LocalUser, id); !reflect.DeepEqual(problemKeys(err), want) {
				t.Errorf("deleting: %v, want %v", err, want)
			}
			_, err = svc.st.Project(ctx, id)
			if deleted := store.IsNotFound(err); deleted != (c.want == "") {
				t.Errorf("project deleted = %v after a delete that should %s", deleted, map[bool]string{true: "succeed", false: "be refused"}[c.want == ""])
			}
		})
	}
}

func TestDeleteProjectRemovesItsTargets(t *testing.T) {
	svc, _ := projectFixture(t)
	ctx := context.Background()
	id, err := svc.SaveProject(ctx, domain.LocalUser, screeningProject())
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteProject(ctx, domain.LocalUser, id); err != nil {
		t.Fatal(err)
	}
	if ps, _ := svc.Projects(ctx, domain.LocalUser, projYear, "301"); len(ps) != 0 {
		t.Errorf("still listed: %+v", ps)
	}
	if err := svc.DeleteProject(ctx, domain.LocalUser, id); !reflect.DeepEqual(problemKeys(err), []string{"problem.project.not_found"}) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestProjectServiceNeedsAnActor(t *testing.T) {
	svc, _ := projectFixture(t)
	ctx := context.Background()
	nobody := domain.Actor{}
	if _, err := svc.Projects(ctx, nobody, projYear, ""); err == nil {
		t.Error("Projects without an actor")
	}
	if _, err := svc.SaveProject(ctx, nobody, screeningProject()); err == nil {
		t.Error("SaveProject without an actor")
	}
	if err := svc.DeleteProject(ctx, nobody, 1); err == nil {
		t.Error("DeleteProject without an actor")
	}
	if err := svc.ProjectsEditable(ctx, nobody, projYear, "301"); err == nil {
		t.Error("ProjectsEditable without an actor")
	}
}

// The rule "no target, no budget" as the submit step applies it to the
// projects the service has stored.
func TestStoredProjectsReadyToSubmit(t *testing.T) {
	out := domain.Target{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "1200", Unit: "人次", Direction: domain.DirHigher}
	benefit := domain.Target{Category: domain.TargetSustainable, Indicator: "长效机制", Value: "建立", Direction: domain.DirQualitative}
	satisfied := domain.Target{Category: domain.TargetSatisfaction, Indicator: "满意度", Value: "90", Unit: "%", Direction: domain.DirHigher}
	cases := []struct {
		name    string
		targets []domain.Target
		ready   bool
	}{
		{"none", nil, false},
		{"output only", []domain.Target{out}, false},
		{"benefit only", []domain.Target{benefit}, false},
		{"satisfaction does not count as benefit", []domain.Target{out, satisfied}, false},
		{"output and benefit", []domain.Target{out, benefit}, true},
		{"benefit first", []domain.Target{satisfied, benefit, out}, true},
	}
	svc, _ := projectFixture(t)
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := screeningProject()
			p.Name, p.Targets = c.name, c.targets
			id, err := svc.SaveProject(ctx, domain.LocalUser, p)
			if err != nil {
				t.Fatal(err)
			}
			saved, _ := svc.st.Project(ctx, id)
			ps := saved.ReadyToSubmit()
			if (len(ps) == 0) != c.ready {
				t.Errorf("ready = %v (%v), want %v", len(ps) == 0, ps, c.ready)
			}
			if !c.ready && !reflect.DeepEqual(problemKeys(ps), []string{"problem.project.targets"}) {
				t.Errorf("problems %v, want only the missing targets", problemKeys(ps))
			}
		})
	}
}
