package bonus

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
)

// A department head reads the allocation of their own departments only:
// their departments' rows, sensitivity curves and staff, never another
// department's amount or people, whether the run is a draft or approved.
// The pool, the cap, the weights and the drivers are the hospital's scheme,
// not any department's figure, and stay. The allocation itself is always
// computed over every department — only what is shown is filtered — so a
// department head's figures are the ones the budget office sees.

// wholeHospital is the reader the allocation is computed as: one who sees
// every department's finalised evaluation (see above). It changes nothing.
func wholeHospital(by domain.Actor) domain.Actor {
	if by.Role != domain.RoleDeptHead {
		return by
	}
	return domain.Actor{Login: by.Login, Name: by.Name, Role: domain.RoleAuditor}
}

// visibleResult keeps the departments of res that by may see.
func visibleResult(by domain.Actor, res Result) Result {
	if by.Role != domain.RoleDeptHead {
		return res
	}
	var depts []Dept
	for _, d := range res.Departments {
		if permission.CanSee(by, d.Code) {
			depts = append(depts, d)
		}
	}
	res.Departments = depts
	if res.Sensitivity != nil {
		sens := map[string][]money.Amount{}
		for code, curve := range res.Sensitivity {
			if permission.CanSee(by, code) {
				sens[code] = curve
			}
		}
		res.Sensitivity = sens
	}
	return res
}

// visibleStaff keeps the staff of the departments by may see.
func visibleStaff(by domain.Actor, lines []StaffLine) []StaffLine {
	if by.Role != domain.RoleDeptHead {
		return lines
	}
	var out []StaffLine
	for _, l := range lines {
		if permission.CanSee(by, l.DeptCode) {
			out = append(out, l)
		}
	}
	return out
}
