package payout

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// randomWeights draws weights that sum to 1 with the given public-welfare
// weight, some dimensions possibly 0.
func randomWeights(r *rand.Rand, p float64) Weights {
	w := Weights{}
	for _, d := range Dimensions {
		if r.Intn(5) > 0 {
			w[d] = r.Float64()
		}
	}
	return w.WithPublicWelfare(p)
}

func randomScores(r *rand.Rand) map[Dimension]float64 {
	s := map[Dimension]float64{}
	for _, d := range Dimensions {
		switch r.Intn(4) {
		case 0: // missing: scores 0
		case 1:
			s[d] = float64(r.Intn(101)) // whole points, often equal
		default:
			s[d] = r.Float64() * 100
		}
	}
	return s
}

func randomDept(r *rand.Rand, code string) Dept {
	return Dept{
		Code:             code,
		Headcount:        r.Intn(300),
		CoefficientMilli: int64(r.Intn(3000)),
		Scores:           randomScores(r),
	}
}

// TestAllocateProperties checks thousands of random schemes: the parts sum
// exactly to the pool, none is negative, each is within one fen of its
// exact share, and departments with equal inputs (copies under another
// code) get amounts within one fen of each other.
func TestAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for iter := 0; iter < 5000; iter++ {
		pool := money.Amount(1 + r.Int63n(1_000_000_000_000))
		s := Scheme{Pool: pool, Cap: pool + money.Amount(r.Int63n(1000)), Weights: randomWeights(r, r.Float64()*0.6)}
		n := 1 + r.Intn(40)
		var depts []Dept
		twins := map[string]string{} // copy → original
		for i := 0; i < n; i++ {
			d := randomDept(r, fmt.Sprintf("D%03d", i))
			depts = append(depts, d)
			if r.Intn(4) == 0 {
				c := d
				c.Code = d.Code + "-twin"
				depts = append(depts, c)
				twins[c.Code] = d.Code
			}
		}
		r.Shuffle(len(depts), func(i, j int) { depts[i], depts[j] = depts[j], depts[i] })
		lines, err := Allocate(s, depts)
		if err != nil {
			if ps := domain.AsProblems(err); len(ps) == 1 && ps[0].Key == "problem.bonus.no_shares" {
				continue // every department had a zero factor
			}
			t.Fatalf("iter %d: %v", iter, err)
		}
		var sum money.Amount
		totalShare := new(big.Int)
		byCode := map[string]money.Amount{}
		for i, l := range lines {
			if l.Bonus < 0 {
				t.Fatalf("iter %d: %s negative: %v", iter, l.Code, l.Bonus)
			}
			if i > 0 && lines[i-1].Code >= l.Code {
				t.Fatalf("iter %d: lines not in code order", iter)
			}
			sum += l.Bonus
			totalShare.Add(totalShare, big.NewInt(l.Share))
			byCode[l.Code] = l.Bonus
		}
		if sum != pool {
			t.Fatalf("iter %d: parts sum to %v, pool %v", iter, sum, pool)
		}
		for _, l := range lines {
			floor := new(big.Int).Mul(big.NewInt(pool.Fen()), big.NewInt(l.Share))
			floor.Quo(floor, totalShare)
			if d := l.Bonus.Fen() - floor.Int64(); d < 0 || d > 1 {
				t.Fatalf("iter %d: %s got %v, exact floor %s", iter, l.Code, l.Bonus, floor)
			}
		}
		for c, orig := range twins {
			if d := byCode[c] - byCode[orig]; d < -1 || d > 1 {
				t.Fatalf("iter %d: equal departments got %v and %v", iter, byCode[orig], byCode[c])
			}
		}
	}
}

// TestWelfareWeightRaisesWelfareDepartment: when departments have equal
// scores in the other dimensions, the one with the highest public-welfare
// score gains as the public-welfare weight rises, whatever the headcounts,
// coefficients and other weights.
func TestWelfareWeightRaisesWelfareDepartment(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for iter := 0; iter < 3000; iter++ {
		common := map[Dimension]float64{}
		for _, d := range Dimensions {
			common[d] = 10 + r.Float64()*90
		}
		n := 2 + r.Intn(30)
		depts := make([]Dept, n)
		top := 0.0
		for i := range depts {
			sc := map[Dimension]float64{}
			for d, v := range common {
				sc[d] = v
			}
			sc[pw] = r.Float64() * 90
			if i > 0 && sc[pw] > top {
				top = sc[pw]
			}
			depts[i] = Dept{Code: fmt.Sprintf("D%02d", i), Headcount: 1 + r.Intn(200), CoefficientMilli: 1 + int64(r.Intn(3000)), Scores: sc}
		}
		depts[0].Scores[pw] = top + 1 + r.Float64()*(99-top) // strictly above all others
		base := Weights{}
		for _, d := range Dimensions {
			base[d] = 0.05 + r.Float64()
		}
		p1 := r.Float64() * 0.9
		p2 := p1 + 0.05 + r.Float64()*(0.95-p1)
		pool := money.Amount(100_000_000 + r.Int63n(10_000_000_000))
		// at gives D00's bonus and its exact fraction of the shares.
		at := func(p float64) (money.Amount, float64) {
			lines, err := Allocate(Scheme{Pool: pool, Cap: pool, Weights: base.WithPublicWelfare(p)}, depts)
			if err != nil {
				t.Fatalf("iter %d: %v", iter, err)
			}
			total := new(big.Int)
			for _, l := range lines {
				total.Add(total, big.NewInt(l.Share))
			}
			frac, _ := new(big.Rat).SetFrac(big.NewInt(lines[0].Share), total).Float64()
			return lines[0].Bonus, frac
		}
		a, fa := at(p1)
		b, fb := at(p2)
		if fb <= fa || b <= a {
			t.Fatalf("iter %d: public-welfare weight %.3f → %.3f moved D00 (welfare %.1f vs ≤ %.1f) from %v (%.6f) to %v (%.6f)",
				iter, p1, p2, depts[0].Scores[pw], top, a, fa, b, fb)
		}
	}
}

// Sensitivity agrees with the properties too: every step sums to the pool.
func TestSensitivityProperties(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for iter := 0; iter < 300; iter++ {
		pool := money.Amount(1 + r.Int63n(1_000_000_000))
		var depts []Dept
		for i := 0; i < 1+r.Intn(20); i++ {
			d := randomDept(r, fmt.Sprintf("D%02d", i))
			d.Headcount, d.CoefficientMilli = 1+d.Headcount, 1+d.CoefficientMilli
			d.Scores[pw] = 1 + r.Float64()*99 // every step has a share
			depts = append(depts, d)
		}
		s := Scheme{Pool: pool, Cap: pool, Weights: randomWeights(r, 0.2)}
		got, err := Sensitivity(s, depts, DefaultSteps[1:])
		if err != nil {
			t.Fatalf("iter %d: %v", iter, err)
		}
		for i := range DefaultSteps[1:] {
			var sum money.Amount
			for _, amounts := range got {
				sum += amounts[i]
			}
			if sum != pool {
				t.Fatalf("iter %d step %d: sum %v, pool %v", iter, i, sum, pool)
			}
		}
	}
}

// TestSplitProperties: staff splits sum exactly and equal people get
// equal amounts within a fen.
func TestSplitProperties(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for iter := 0; iter < 3000; iter++ {
		amount := money.Amount(r.Int63n(100_000_000_000))
		work := []int{20, 21, 22, 23, 250, 365}
		var staff []Staff
		for i := 0; i < 1+r.Intn(60); i++ {
			w := work[r.Intn(len(work))]
			staff = append(staff, Staff{Name: "x", PostCoefficientMilli: int64(r.Intn(3000)), AttendanceDays: r.Intn(w + 1), WorkDays: w})
		}
		staff[0].AttendanceDays, staff[0].PostCoefficientMilli = staff[0].WorkDays, 1000
		staff = append(staff, staff[0]) // a twin of the first
		parts, err := SplitDepartment(amount, staff)
		if err != nil {
			t.Fatalf("iter %d: %v", iter, err)
		}
		var sum money.Amount
		for _, p := range parts {
			if p < 0 {
				t.Fatalf("iter %d: negative part", iter)
			}
			sum += p
		}
		if sum != amount {
			t.Fatalf("iter %d: sum %v, amount %v", iter, sum, amount)
		}
		if d := parts[0] - parts[len(parts)-1]; d < -1 || d > 1 {
			t.Fatalf("iter %d: twins got %v and %v", iter, parts[0], parts[len(parts)-1])
		}
	}
}
