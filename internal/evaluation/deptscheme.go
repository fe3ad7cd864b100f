package evaluation

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// DepartmentSchemeFor is the code of the scheme a department of type t is
// evaluated on, the one StartYear chooses; the demo uses it so that its
// evaluations follow the same choice.
func DepartmentSchemeFor(t domain.DeptType) string {
	return schemeFor(startUnit{unit: Unit{Kind: scoring.DepartmentScheme}, deptType: t})
}
