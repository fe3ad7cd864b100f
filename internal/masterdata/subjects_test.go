package masterdata

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A hospital-specific subject goes under an existing one, takes its kind,
// and is refused with the reason when its code or parent is wrong.
func TestAddSubject(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	if err := s.AddSubject(ctx, domain.LocalUser, domain.Subject{Code: " 3020199 ", Name: " 院内印刷费 ", Parent: "30201"}); err != nil {
		t.Fatalf("valid subject refused: %v", err)
	}
	subjects, _ := s.Subjects(ctx, domain.LocalUser)
	var got domain.Subject
	for _, x := range subjects {
		if x.Code == "3020199" {
			got = x
		}
	}
	if got.Name != "院内印刷费" || got.Kind != domain.Expenditure || got.Origin != OriginCustom || got.Parent != "30201" {
		t.Errorf("stored %+v", got)
	}
	cases := map[string]domain.Subject{
		"problem.subject.taken":  {Code: "3020199", Name: "x", Parent: "30201"},
		"problem.subject.parent": {Code: "99901", Name: "x", Parent: "999"},
		"problem.subject.code":   {Code: "3039901", Name: "x", Parent: "30201"},
		"problem.subject.name":   {Code: "3020198", Name: " ", Parent: "30201"},
	}
	for key, sub := range cases {
		err := s.AddSubject(ctx, domain.LocalUser, sub)
		if ps := domain.AsProblems(err); len(ps) == 0 || ps[0].Key != key {
			t.Errorf("%+v: %v, want %s", sub, err, key)
		}
	}
	if err := s.AddSubject(ctx, domain.Actor{}, domain.Subject{Code: "3020197", Name: "x", Parent: "30201"}); domain.AsProblems(err) == nil {
		t.Error("a change on nobody's behalf was accepted")
	}
}
