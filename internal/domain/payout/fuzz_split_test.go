package payout

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// FuzzSplitDepartment splits arbitrary amounts among arbitrary staff
// (coefficients, attendance and work days out of range included): it must
// never panic, and whenever it accepts the list the parts sum exactly to
// the amount and none is negative.
func FuzzSplitDepartment(f *testing.F) {
	f.Add(int64(1_000_001), []byte{10, 22, 22, 15, 20, 22, 0, 0, 22})
	f.Add(int64(1), []byte{1, 1, 1})
	f.Add(int64(-7), []byte{})
	f.Add(int64(9_000_000_000_000), []byte{255, 255, 255, 100, 200, 250})
	f.Fuzz(func(t *testing.T, amount int64, raw []byte) {
		var staff []Staff
		for i := 0; i+3 <= len(raw); i += 3 {
			staff = append(staff, Staff{Name: fmt.Sprint(i), PostCoefficientMilli: int64(raw[i]) * 37, AttendanceDays: int(raw[i+1]) % 40, WorkDays: int(raw[i+2])%380 - 5})
		}
		parts, err := SplitDepartment(money.Amount(amount), staff)
		if err != nil {
			return
		}
		var sum money.Amount
		for _, p := range parts {
			if p < 0 {
				t.Fatalf("negative part %v", p)
			}
			sum += p
		}
		if sum != money.Amount(amount) || len(parts) != len(staff) {
			t.Fatalf("sum %v of %d parts, amount %v, %d staff", sum, len(parts), amount, len(staff))
		}
	})
}

// TestTwoLevelProperties: random hospitals (1–80 departments, 1–60 people
// each, random pools) allocated and split: every level sums exactly, no
// part is negative.
func TestTwoLevelProperties(t *testing.T) {
	r := rand.New(rand.NewSource(20))
	for iter := 0; iter < 300; iter++ {
		var depts []Dept
		staff := map[string][]Staff{}
		for i := 0; i < 1+r.Intn(80); i++ {
			d := randomDept(r, fmt.Sprintf("D%02d", i))
			d.Scores[pw] = 1 + r.Float64()*99
			depts = append(depts, d)
			for k := 0; k < 1+r.Intn(60); k++ {
				staff[d.Code] = append(staff[d.Code], Staff{Name: "x", PostCoefficientMilli: 500 + int64(r.Intn(2500)), AttendanceDays: 1 + r.Intn(22), WorkDays: 22})
			}
		}
		pool := money.Amount(r.Int63n(1_000_000_000_00))
		s := Scheme{Pool: pool, Cap: pool, WelfareFloor: 0.1, Weights: randomWeights(r, 0.1+r.Float64()*0.5)}
		if _, err := exactAllocation(s, depts, staff); err != nil {
			t.Fatalf("iter %d: %v", iter, err)
		}
	}
}
