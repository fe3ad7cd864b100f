package masterdata

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

func problemKey(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// Everyone signed in reads the master data; only the administrator and
// the budget office change departments and the hospital's name.
func TestMasterdataRoles(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	dept := domain.Department{Code: "101", Name: "产科", Type: domain.Clinical, Headcount: 80, CoefficientMilli: 1150}
	const ok, denied = "", "problem.access.denied"
	tests := []struct {
		actor      domain.Actor
		read, edit string
	}{
		{domain.LocalUser, ok, ok},
		{domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}, ok, ok},
		{domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"101"}}, ok, denied},
		{domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}, ok, denied},
		{domain.Actor{Login: "shenji", Role: domain.RoleAuditor}, ok, denied},
		{domain.Actor{}, "problem.no_actor", "problem.no_actor"},
	}
	for _, tt := range tests {
		reads := map[string]error{}
		_, reads["departments"] = s.Departments(ctx, tt.actor)
		_, reads["subjects"] = s.Subjects(ctx, tt.actor)
		_, reads["is empty"] = s.IsEmpty(ctx, tt.actor)
		_, reads["hospital name"] = s.HospitalName(ctx, tt.actor)
		_, reads["English name"] = s.HospitalNameEn(ctx, tt.actor)
		for what, err := range reads {
			if got := problemKey(err); got != tt.read {
				t.Errorf("%s (%s) reads %s: %q, want %q", tt.actor.Login, tt.actor.Role, what, got, tt.read)
			}
		}
		edits := map[string]error{
			"save department":   s.SaveDepartment(ctx, tt.actor, dept),
			"set hospital name": s.SetHospitalName(ctx, tt.actor, "某市妇幼保健院", ""),
		}
		for what, err := range edits {
			if got := problemKey(err); got != tt.edit {
				t.Errorf("%s (%s) %s: %q, want %q", tt.actor.Login, tt.actor.Role, what, got, tt.edit)
			}
		}
	}
}

// Creating and changing a department and the hospital's names records
// each changed field with its old and new value, nothing for the rest.
func TestMasterdataAuditTrail(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	office := domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}
	d := domain.Department{Code: "101", Name: "产科", Type: domain.Clinical, Headcount: 80, CoefficientMilli: 1150}
	if err := s.SaveDepartment(ctx, office, d); err != nil {
		t.Fatal(err)
	}
	d.Name, d.NameEn, d.Headcount, d.CoefficientMilli = "产一科", "Obstetrics I", 82, 1200
	if err := s.SaveDepartment(ctx, domain.LocalUser, d); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDepartment(ctx, domain.LocalUser, d); err != nil { // unchanged: nothing recorded
		t.Fatal(err)
	}
	if err := s.SetHospitalName(ctx, office, "某市妇幼保健院", "City MCH Hospital"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHospitalName(ctx, office, "某市妇幼保健院", ""); err != nil {
		t.Fatal(err)
	}
	entries, err := s.st.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ login, entity, key, field, old, new, reason string }
	want := []row{
		{"caiwu", logbook.EntityDepartment, "101", "name", "", "产科", "created"},
		{"caiwu", logbook.EntityDepartment, "101", "type", "", "clinical", "created"},
		{"caiwu", logbook.EntityDepartment, "101", "headcount", "", "80", "created"},
		{"caiwu", logbook.EntityDepartment, "101", "coefficient", "", "1.150", "created"},
		{"local", logbook.EntityDepartment, "101", "name", "产科", "产一科", ""},
		{"local", logbook.EntityDepartment, "101", "name_en", "", "Obstetrics I", ""},
		{"local", logbook.EntityDepartment, "101", "headcount", "80", "82", ""},
		{"local", logbook.EntityDepartment, "101", "coefficient", "1.150", "1.200", ""},
		{"caiwu", logbook.EntitySetting, "hospital_name", "value", "", "某市妇幼保健院", ""},
		{"caiwu", logbook.EntitySetting, "hospital_name_en", "value", "", "City MCH Hospital", ""},
		{"caiwu", logbook.EntitySetting, "hospital_name_en", "value", "City MCH Hospital", "", ""},
	}
	if len(entries) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(entries), len(want), entries)
	}
	for i, w := range want {
		e := entries[i]
		if got := (row{e.Login, e.Entity, e.EntityKey, e.Field, e.Old, e.New, e.Reason}); got != w {
			t.Errorf("entry %d: %+v, want %+v", i, got, w)
		}
	}
	if r, err := audit.New(s.st).Verify(ctx, domain.LocalUser); err != nil {
		t.Errorf("the trail does not verify: %+v", r)
	}
}

func TestCoefficientText(t *testing.T) {
	for milli, want := range map[int64]string{1000: "1.000", 1150: "1.150", 5: "0.005", 0: "0.000", -250: "-0.250", 12345: "12.345"} {
		if got := coefficientText(milli); got != want {
			t.Errorf("%d: %q, want %q", milli, got, want)
		}
	}
}
