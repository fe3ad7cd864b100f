package domain

import "strings"

// SubjectKind tells revenue subjects from expenditure subjects; execution
// rates are computed for each kind separately.
type SubjectKind string

const (
	Revenue     SubjectKind = "revenue"
	Expenditure SubjectKind = "expenditure"
)

// Subject is an entry of the subject catalogue: the economic classification
// of expenditure and the hospital's revenue and expense items.
type Subject struct {
	Code   string
	Name   string
	NameEn string
	Parent string
	Kind   SubjectKind
	// Origin says where the code comes from: "classification" (the published
	// economic classification), "account" (government accounting account),
	// "item" (a detail item), or "custom" (added by the hospital).
	Origin string
}

// IsAncestorOf reports whether s's code is a strict prefix of code, which is
// how hierarchical subject codes nest (301 ⊃ 30101).
func (s Subject) IsAncestorOf(code string) bool {
	return len(code) > len(s.Code) && strings.HasPrefix(code, s.Code)
}

// DisplayName picks the name for the interface language.
func (s Subject) DisplayName(lang string) string {
	if lang == "en" && s.NameEn != "" {
		return s.NameEn
	}
	return s.Name
}

// PerformancePaySubject is 30107 绩效工资: its approved budget caps the
// year's bonus pool, so an approved bonus allocation rests on it.
const PerformancePaySubject = "30107"
