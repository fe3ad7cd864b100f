package report

import (
	"io"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Reports are reading the whole hospital: every role but a department head
// (who reads their own departments only) generates them; every role
// chooses their unit; a call on nobody's behalf is refused.
func TestReportRoles(t *testing.T) {
	svc := demo(t)
	t.Cleanup(func() { _ = SetAmountUnit(ctx, svc, domain.LocalUser, DefaultUnit) })
	tests := []struct {
		actor        domain.Actor
		want, report string
	}{
		{domain.LocalUser, "", ""},
		{domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}, "", ""},
		{domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"101"}}, "", "problem.report.whole_hospital"},
		{domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}, "", ""},
		{domain.Actor{Login: "shenji", Role: domain.RoleAuditor}, "", ""},
		{domain.Actor{}, "problem.no_actor", "problem.no_actor"},
	}
	key := func(err error) string {
		if ps := domain.AsProblems(err); len(ps) > 0 {
			return ps[0].Key
		}
		if err != nil {
			return err.Error()
		}
		return ""
	}
	for _, tt := range tests {
		who := string(tt.actor.Role) + "/" + tt.actor.Login
		if got := key(GenerateRequest(ctx, svc, tt.actor, Request{Kind: Execution, Year: 2026, Month: 9}, io.Discard, nil)); got != tt.report {
			t.Errorf("%s generates: %q, want %q", who, got, tt.report)
		}
		if _, err := AmountUnit(ctx, svc, tt.actor); key(err) != tt.want {
			t.Errorf("%s reads the unit: %v, want %q", who, err, tt.want)
		}
		if err := SetAmountUnit(ctx, svc, tt.actor, money.TenThousand); key(err) != tt.want {
			t.Errorf("%s sets the unit: %v, want %q", who, err, tt.want)
		}
	}
}
