package payout

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func nan() float64 { return math.NaN() }

func fens(parts []money.Amount) []int64 {
	out := make([]int64, len(parts))
	for i, p := range parts {
		out[i] = p.Fen()
	}
	return out
}

func TestSplitDepartment(t *testing.T) {
	cases := []struct {
		name   string
		amount money.Amount
		staff  []Staff
		want   []int64
	}{
		{"by coefficient", 10000, []Staff{
			{Name: "甲", PostCoefficientMilli: 1500, AttendanceDays: 22, WorkDays: 22},
			{Name: "乙", PostCoefficientMilli: 1000, AttendanceDays: 22, WorkDays: 22},
			{Name: "丙", PostCoefficientMilli: 1000, AttendanceDays: 11, WorkDays: 22},
		}, []int64{5000, 3333, 1667}},
		{"equal people, one fen left", 100, []Staff{
			{Name: "a", PostCoefficientMilli: 1000, AttendanceDays: 20, WorkDays: 20},
			{Name: "b", PostCoefficientMilli: 1000, AttendanceDays: 20, WorkDays: 20},
			{Name: "c", PostCoefficientMilli: 1000, AttendanceDays: 20, WorkDays: 20},
		}, []int64{34, 33, 33}},
		// 20/20 and 22/22 are both full attendance: equal weights.
		{"different work days", 1000, []Staff{
			{Name: "a", PostCoefficientMilli: 1000, AttendanceDays: 20, WorkDays: 20},
			{Name: "b", PostCoefficientMilli: 1000, AttendanceDays: 22, WorkDays: 22},
		}, []int64{500, 500}},
		{"zero amount", 0, []Staff{{Name: "a", PostCoefficientMilli: 1000, AttendanceDays: 0, WorkDays: 20}}, []int64{0}},
		{"absent gets nothing", 999, []Staff{
			{Name: "a", PostCoefficientMilli: 1000, AttendanceDays: 0, WorkDays: 20},
			{Name: "b", PostCoefficientMilli: 1000, AttendanceDays: 5, WorkDays: 20},
		}, []int64{0, 999}},
	}
	for _, c := range cases {
		got, err := SplitDepartment(c.amount, c.staff)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if g := fens(got); len(g) != len(c.want) || !equal(g, c.want) {
			t.Errorf("%s: %v, want %v", c.name, g, c.want)
		}
	}
}

func equal(a, b []int64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// Work days whose common multiple is too large fall back to scaled
// weights; the split still sums exactly and stays in proportion.
func TestSplitDepartmentManyPeriods(t *testing.T) {
	var staff []Staff
	for d := 300; d <= 366; d++ {
		staff = append(staff, Staff{Name: "x", PostCoefficientMilli: 1000, AttendanceDays: d, WorkDays: d})
	}
	amount := money.Amount(6_700_000_67)
	got, err := SplitDepartment(amount, staff)
	if err != nil {
		t.Fatal(err)
	}
	var sum money.Amount
	for _, p := range got {
		sum += p
		if d := p - got[0]; d < -1 || d > 1 {
			t.Fatalf("full attendance should get equal amounts: %v", fens(got))
		}
	}
	if sum != amount {
		t.Errorf("sum %v, want %v", sum, amount)
	}
}

func TestSplitDepartmentRefusals(t *testing.T) {
	ok := Staff{Name: "a", PostCoefficientMilli: 1000, AttendanceDays: 20, WorkDays: 20}
	with := func(f func(*Staff)) []Staff { s := ok; f(&s); return []Staff{s} }
	cases := []struct {
		name   string
		amount money.Amount
		staff  []Staff
		want   string
	}{
		{"negative amount", -1, []Staff{ok}, "problem.bonus.split_negative"},
		{"no staff", 100, nil, "problem.bonus.no_staff"},
		{"no name", 100, with(func(s *Staff) { s.Name = "" }), "problem.bonus.staff_name"},
		{"negative coefficient", 100, with(func(s *Staff) { s.PostCoefficientMilli = -1 }), "problem.bonus.post_coefficient"},
		{"huge coefficient", 100, with(func(s *Staff) { s.PostCoefficientMilli = maxPostMilli + 1 }), "problem.bonus.post_coefficient"},
		{"no work days", 100, with(func(s *Staff) { s.WorkDays = 0 }), "problem.bonus.work_days"},
		{"too many work days", 100, with(func(s *Staff) { s.WorkDays, s.AttendanceDays = 367, 1 }), "problem.bonus.work_days"},
		{"attendance over work days", 100, with(func(s *Staff) { s.AttendanceDays = 21 }), "problem.bonus.attendance_days"},
		{"negative attendance", 100, with(func(s *Staff) { s.AttendanceDays = -1 }), "problem.bonus.attendance_days"},
		{"nobody attended", 100, with(func(s *Staff) { s.AttendanceDays = 0 }), "problem.bonus.no_attendance"},
	}
	for _, c := range cases {
		_, err := SplitDepartment(c.amount, c.staff)
		ps := domain.AsProblems(err)
		if len(ps) != 1 || ps[0].Key != c.want {
			t.Errorf("%s: err = %v, want %s", c.name, err, c.want)
		}
	}
}
