package domain

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// DeptType is the kind of a department; it drives bonus coefficients and
// which indicators apply.
type DeptType string

const (
	Clinical         DeptType = "clinical"
	MedicalTechnical DeptType = "medical-technical"
	PublicHealth     DeptType = "public-health"
	Administrative   DeptType = "administrative"
	Logistics        DeptType = "logistics"
)

// DeptTypes lists the types in display order.
var DeptTypes = []DeptType{Clinical, MedicalTechnical, PublicHealth, Administrative, Logistics}

// Valid reports whether t is one of the known types.
func (t DeptType) Valid() bool { return slices.Contains(DeptTypes, t) }

// HospitalWideCode is the built-in unit that holds lines belonging to no
// single department (a hospital-wide budget sheet).
const HospitalWideCode = "000"

// Department is a budget-holding unit of the hospital.
type Department struct {
	Code      string
	Name      string
	NameEn    string
	Type      DeptType
	Headcount int
	// CoefficientMilli is the bonus coefficient in thousandths (1.000 = 1000),
	// kept as an integer so that it compares and stores exactly.
	CoefficientMilli int64
	BuiltIn          bool
}

// Coefficient is the bonus coefficient as a decimal number for display and JSON.
func (d Department) Coefficient() float64 { return float64(d.CoefficientMilli) / 1000 }

// DisplayName picks the name for the interface language.
func (d Department) DisplayName(lang string) string {
	if lang == "en" && d.NameEn != "" {
		return d.NameEn
	}
	return d.Name
}

// Validate returns every problem with d, each naming the field.
func (d Department) Validate() Problems {
	var ps Problems
	code := strings.TrimSpace(d.Code)
	switch {
	case code == "":
		ps = append(ps, NewProblem("problem.dept.code_empty", "Department code is empty: enter a code such as 101."))
	case utf8.RuneCountInString(code) > 20 || strings.ContainsAny(code, " \t\r\n"):
		ps = append(ps, NewProblem("problem.dept.code_invalid", "Department code \"{{.Code}}\" is not valid: use up to 20 letters or digits without spaces.", "Code", d.Code))
	}
	if strings.TrimSpace(d.Name) == "" {
		ps = append(ps, NewProblem("problem.dept.name_empty", "Department {{.Code}} has no name: enter its Chinese name.", "Code", d.Code))
	}
	if !d.Type.Valid() {
		ps = append(ps, NewProblem("problem.dept.type_invalid", "Department {{.Code}} has type \"{{.Type}}\": choose clinical, medical-technical, public-health, administrative or logistics.", "Code", d.Code, "Type", string(d.Type)))
	}
	if d.Headcount < 0 {
		ps = append(ps, NewProblem("problem.dept.headcount_negative", "Department {{.Code}} has a negative headcount ({{.N}}): enter 0 or more.", "Code", d.Code, "N", d.Headcount))
	}
	if d.CoefficientMilli <= 0 || d.CoefficientMilli > 10000 {
		ps = append(ps, NewProblem("problem.dept.coefficient_range", "Department {{.Code}} has a bonus coefficient outside 0.001–10: enter a value such as 1.0.", "Code", d.Code))
	}
	return ps
}
