package payout

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Bounds that keep staff weights inside int64 and catch typing slips: a
// post coefficient above 100 or a period longer than a year is a mistake.
const (
	maxPostMilli = 100_000
	maxWorkDays  = 366
	// maxLCM bounds the common multiple of work days used for exact
	// weights; beyond it (odd mixes of periods) weights are scaled instead.
	maxLCM = 1_000_000_000
	// fallbackScale is the scale of rounded weights when work days differ
	// too much for exact ones: a relative error below 1e-9.
	fallbackScale = 1_000_000_000
)

// Staff is a person of a department with their post coefficient in
// thousandths and attendance in the period.
type Staff struct {
	Name, Post           string
	PostCoefficientMilli int64
	AttendanceDays       int
	WorkDays             int
}

// SplitDepartment splits a department's bonus among its staff in
// proportion to post coefficient × attendance days ÷ work days, exact to
// the fen by largest remainder; amounts come in the order of staff. When
// all work days are equal (the usual case) the weights are exact integers;
// otherwise they are brought to a common multiple of the work days.
func SplitDepartment(amount money.Amount, staff []Staff) ([]money.Amount, error) {
	var ps domain.Problems
	if amount < 0 {
		ps = append(ps, domain.NewProblem("problem.bonus.split_negative", "The department's bonus is {{.Amount}} yuan: a negative amount cannot be split among staff.", "Amount", money.FormatPlain(amount)))
	}
	if len(staff) == 0 {
		ps = append(ps, domain.NewProblem("problem.bonus.no_staff", "The department has no staff to split its bonus among: import the staff list."))
	}
	for i, s := range staff {
		row := i + 1
		if strings.TrimSpace(s.Name) == "" {
			ps = append(ps, domain.NewProblem("problem.bonus.staff_name", "Staff row {{.Row}} has no name: enter who is paid.", "Row", row))
		}
		if s.PostCoefficientMilli < 0 || s.PostCoefficientMilli > maxPostMilli {
			ps = append(ps, domain.NewProblem("problem.bonus.post_coefficient", "{{.Name}} (row {{.Row}}) has the post coefficient {{.Coefficient}}: enter a value from 0 to 100, such as 1.2.", "Name", s.Name, "Row", row, "Coefficient", domain.FormatCoefficient(s.PostCoefficientMilli)))
		}
		if s.WorkDays <= 0 || s.WorkDays > maxWorkDays {
			ps = append(ps, domain.NewProblem("problem.bonus.work_days", "{{.Name}} (row {{.Row}}) has {{.Days}} work days in the period: enter 1 to 366.", "Name", s.Name, "Row", row, "Days", s.WorkDays))
		} else if s.AttendanceDays < 0 || s.AttendanceDays > s.WorkDays {
			ps = append(ps, domain.NewProblem("problem.bonus.attendance_days", "{{.Name}} (row {{.Row}}) attended {{.Days}} days of {{.WorkDays}}: enter 0 up to the work days.", "Name", s.Name, "Row", row, "Days", s.AttendanceDays, "WorkDays", s.WorkDays))
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	if amount == 0 {
		return make([]money.Amount, len(staff)), nil
	}
	parts, err := money.Allocate(amount, staffWeights(staff))
	if err != nil {
		return nil, domain.NewProblem("problem.bonus.no_attendance", "Nobody in the department has both a post coefficient and attendance days, so its bonus of {{.Amount}} yuan cannot be split: check the staff list.", "Amount", money.FormatPlain(amount))
	}
	return parts, nil
}

// staffWeights is coefficient × attendance × (L ÷ work days) with L the
// least common multiple of the work days, exact; if L exceeds maxLCM it is
// round(coefficient × attendance × 1e9 ÷ work days). Both fit in int64
// for checked input (1e5 × 366 × 1e9 < 9.2e18).
func staffWeights(staff []Staff) []int64 {
	l := int64(1)
	for _, s := range staff {
		l = l / gcd(l, int64(s.WorkDays)) * int64(s.WorkDays)
		if l > maxLCM {
			break
		}
	}
	w := make([]int64, len(staff))
	for i, s := range staff {
		base := s.PostCoefficientMilli * int64(s.AttendanceDays)
		if l <= maxLCM {
			w[i] = base * (l / int64(s.WorkDays))
		} else {
			w[i] = money.RoundDiv(base*fallbackScale, int64(s.WorkDays))
		}
	}
	return w
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
