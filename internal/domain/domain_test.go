package domain

import "testing"

func TestParseCoefficient(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1", 1000, true},
		{"1.15", 1150, true},
		{" 0.8 ", 800, true},
		{".5", 500, true},
		{"1.125", 1125, true},
		{"1.1255", 0, false},
		{"", 0, false},
		{"-1", 0, false},
		{"1,5", 0, false},
		{"abc", 0, false},
		{"1.x", 0, false},
	}
	for _, c := range cases {
		got, err := ParseCoefficient(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseCoefficient(%q) = %d, %v; want %d ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
	if FormatCoefficient(1150) != "1.150" || FormatCoefficient(800) != "0.800" {
		t.Errorf("FormatCoefficient: %s %s", FormatCoefficient(1150), FormatCoefficient(800))
	}
}

func TestDepartmentValidate(t *testing.T) {
	ok := Department{Code: "101", Name: "产科", Type: Clinical, Headcount: 10, CoefficientMilli: 1000}
	if ps := ok.Validate(); len(ps) != 0 {
		t.Errorf("valid department refused: %v", ps)
	}
	bad := Department{Code: "", Name: " ", Type: "surgery", Headcount: -1, CoefficientMilli: 0}
	ps := bad.Validate()
	keys := map[string]bool{}
	for _, p := range ps {
		keys[p.Key] = true
	}
	for _, k := range []string{"problem.dept.code_empty", "problem.dept.name_empty", "problem.dept.type_invalid", "problem.dept.headcount_negative", "problem.dept.coefficient_range"} {
		if !keys[k] {
			t.Errorf("Validate did not report %s (got %v)", k, ps)
		}
	}
}

func TestProblemRendersArguments(t *testing.T) {
	p := NewProblem("k", "Year {{.Year}} is wrong", "Year", 1999)
	if p.Error() != "Year 1999 is wrong" {
		t.Errorf("got %q", p.Error())
	}
	if AsProblems(p)[0] != p {
		t.Error("AsProblems lost the problem")
	}
}
