package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Loading the demo hospital changes master data: the administrator and the
// budget office may, the other roles are refused and nothing is written.
func TestLoadRoles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		actor domain.Actor
		want  string
	}{
		{domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"101"}}, "problem.access.denied"},
		{domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}, "problem.access.denied"},
		{domain.Actor{Login: "shenji", Role: domain.RoleAuditor}, "problem.access.denied"},
		{domain.Actor{}, "problem.no_actor"},
		{domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}, ""},
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	svc := NewService(st)
	for _, tt := range tests {
		_, err := svc.Load(ctx, tt.actor, testYear)
		got := ""
		if ps := domain.AsProblems(err); len(ps) > 0 {
			got = ps[0].Key
		} else if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s (%s): %q, want %q", tt.actor.Login, tt.actor.Role, got, tt.want)
		}
		n, _ := st.CountUserDepartments(ctx)
		if loaded := n > 0; loaded != (tt.want == "") {
			t.Errorf("%s (%s): %d departments after the call", tt.actor.Login, tt.actor.Role, n)
		}
	}
}
