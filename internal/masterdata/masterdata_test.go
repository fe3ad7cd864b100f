package masterdata

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
)

func TestBuiltInSubjects(t *testing.T) {
	subjects, err := BuiltInSubjects()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]domain.Subject{}
	for _, s := range subjects {
		if s.Parent != "" {
			if _, ok := seen[s.Parent]; !ok {
				t.Errorf("%s comes before its parent %s", s.Code, s.Parent)
			}
		}
		if _, dup := seen[s.Code]; dup {
			t.Errorf("code %s twice", s.Code)
		}
		seen[s.Code] = s
	}
	for code, want := range map[string]domain.SubjectKind{"30201": domain.Expenditure, "4101010102": domain.Revenue, "500101": domain.Expenditure, "301": domain.Expenditure} {
		if seen[code].Kind != want {
			t.Errorf("%s kind %q, want %q", code, seen[code].Kind, want)
		}
	}
	if seen["30101"].Name != "基本工资" || seen["30101"].NameEn == "" {
		t.Errorf("30101 = %+v", seen["30101"])
	}
}

func newService(t *testing.T) *Service {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st)
	if err := s.EnsureCatalogue(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEnsureCatalogueIsIdempotent(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	before, _ := s.Subjects(ctx, domain.LocalUser)
	if err := s.EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Subjects(ctx, domain.LocalUser)
	builtIn, _ := BuiltInSubjects()
	if len(before) != len(builtIn) || len(after) != len(before) {
		t.Errorf("catalogue sizes: built-in %d, first %d, second %d", len(builtIn), len(before), len(after))
	}
}

func TestSaveDepartmentRules(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	good := domain.Department{Code: " 101 ", Name: " 产科 ", Type: domain.Clinical, Headcount: 80, CoefficientMilli: 1150}
	if err := s.SaveDepartment(ctx, domain.LocalUser, good); err != nil {
		t.Fatalf("valid department refused: %v", err)
	}
	depts, _ := s.Departments(ctx, domain.LocalUser)
	if len(depts) != 2 || depts[1].Code != "101" || depts[1].Name != "产科" {
		t.Errorf("stored %+v (codes and names are trimmed)", depts)
	}
	cases := map[string]domain.Department{
		"problem.dept.builtin":      {Code: "000", Name: "全院", Type: domain.Administrative, CoefficientMilli: 1000},
		"problem.dept.type_invalid": {Code: "102", Name: "外科", Type: "surgery", CoefficientMilli: 1000},
	}
	for key, d := range cases {
		err := s.SaveDepartment(ctx, domain.LocalUser, d)
		if ps := domain.AsProblems(err); len(ps) == 0 || ps[0].Key != key {
			t.Errorf("%+v: %v, want %s", d, err, key)
		}
	}
	if err := s.SaveDepartment(ctx, domain.Actor{}, good); domain.AsProblems(err) == nil {
		t.Error("a change on nobody's behalf was accepted")
	}
}
