package store

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// A run keeps which dimensions each department was measured in; a row
// written without the column (as before migration 12) reads as all
// measured, which is how it was computed.
func TestBonusRunKeepsMeasured(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	scores := map[scoring.BonusDimension]float64{scoring.BonusWorkload: 80, scoring.BonusQuality: 70}
	run := BonusRun{Year: 2026, Pool: money.FromFen(100), Cap: money.FromFen(100), CreatedBy: "t",
		Weights: map[scoring.BonusDimension]float64{scoring.BonusWorkload: 1},
		Departments: []BonusRunDept{
			{Code: "301", Name: "妇女保健科", Headcount: 1, CoefficientMilli: 1000, Scores: scores, Bonus: money.FromFen(60),
				Unmeasured: map[scoring.BonusDimension]bool{scoring.BonusQuality: true, scoring.BonusSatisfaction: true}},
			{Code: "101", Name: "产科", Headcount: 1, CoefficientMilli: 1000, Scores: scores, Bonus: money.FromFen(40)},
		}}
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		var err error
		id, err = tx.ReplaceBonusDraft(ctx, run)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	exec(t, s, `INSERT INTO bonus_run_departments (run_id, position, dept_code, dept_name, headcount, coefficient_milli,
		s_workload, s_quality, s_efficiency, s_public_welfare, s_satisfaction, composite, bonus_fen, at_zero_fen)
		VALUES (`+itoa(id)+`, 2, '999', 'old', 1, 1000, 1, 1, 1, 1, 1, 1, 0, 0)`)
	got, err := s.BonusRun(ctx, id)
	if err != nil || len(got.Departments) != 3 {
		t.Fatalf("%v %+v", err, got)
	}
	if u := got.Departments[0].Unmeasured; len(u) != 2 || !u[scoring.BonusQuality] || !u[scoring.BonusSatisfaction] {
		t.Errorf("301 unmeasured %v", u)
	}
	if u := got.Departments[1].Unmeasured; len(u) != 0 {
		t.Errorf("101 unmeasured %v, want all measured", u)
	}
	if u := got.Departments[2].Unmeasured; len(u) != 0 {
		t.Errorf("a row without the column reads as unmeasured %v", u)
	}
	if measuredMask(nil) != 31 || measuredMask(map[scoring.BonusDimension]bool{scoring.BonusPublicWelfare: true}) != 23 {
		t.Error("measured mask")
	}
}
