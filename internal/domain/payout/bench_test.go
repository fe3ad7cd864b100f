package payout

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BenchmarkAllocateStaff is issue 7's figure: 200 departments and 5,000
// staff in all (25 each) allocated and then split, target under 50 ms.
func BenchmarkAllocateStaff(b *testing.B) {
	const nDepts, nStaff = 200, 5000
	r := rand.New(rand.NewSource(1))
	depts := make([]Dept, nDepts)
	staff := make(map[string][]Staff, nDepts)
	for i := range depts {
		depts[i] = Dept{Code: fmt.Sprintf("D%03d", i), Headcount: nStaff / nDepts, CoefficientMilli: 800 + int64(r.Intn(700)), Scores: randomScores(r)}
		depts[i].Scores[pw] = 1 + r.Float64()*99
	}
	for i := 0; i < nStaff; i++ {
		code := depts[i%nDepts].Code
		staff[code] = append(staff[code], Staff{Name: fmt.Sprintf("S%04d", i), PostCoefficientMilli: 1000 + int64(r.Intn(1500)), AttendanceDays: 15 + r.Intn(8), WorkDays: 22})
	}
	s := Scheme{Pool: money.FromYuan(10_000_000) + 1, Cap: money.FromYuan(12_000_000), WelfareFloor: 0.1,
		Weights: Weights{wl: 0.35, ql: 0.2, ef: 0.15, pw: 0.2, st: 0.1}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		lines, err := Allocate(s, depts)
		if err != nil {
			b.Fatal(err)
		}
		paid := 0
		for _, l := range lines {
			parts, err := SplitDepartment(l.Bonus, staff[l.Code])
			if err != nil {
				b.Fatal(err)
			}
			paid += len(parts)
		}
		if paid != nStaff {
			b.Fatalf("paid %d staff", paid)
		}
	}
}
