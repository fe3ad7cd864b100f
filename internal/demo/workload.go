package demo

import (
	"context"
	"hash/fnv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// workloadRange is the span of workload scores by department type: the
// demo's stand-in for the hospital's own workload accounting (points per
// service, normalised to 100), which the indicator library does not hold.
var workloadRange = map[domain.DeptType][2]int{
	domain.Clinical:         {72, 96},
	domain.MedicalTechnical: {68, 92},
	domain.PublicHealth:     {60, 82},
	domain.Administrative:   {65, 85},
	domain.Logistics:        {62, 84},
}

// insertWorkloadScores enters a workload score for every department in
// the prior and the current year, so the bonus's workload dimension is
// not empty; the scores are fixed per department and year.
func insertWorkloadScores(ctx context.Context, tx *store.Tx, by domain.Actor, depts []domain.Department, year int) error {
	for _, y := range []int{year - 1, year} {
		for _, d := range depts {
			r, ok := workloadRange[d.Type]
			if !ok || d.Code == "000" {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(d.Code))
			h.Write([]byte{byte(y), byte(y >> 8)})
			score := float64(r[0]) + float64(h.Sum32()%uint32((r[1]-r[0])*10+1))/10
			if err := tx.SetBonusScore(ctx, y, d.Code, scoring.BonusWorkload, &score, by.Login); err != nil {
				return err
			}
			// Its source, as every entered score names one (issue 20).
			if err := tx.SetBonusScoreSource(ctx, y, d.Code, scoring.BonusWorkload, "工作量点数"); err != nil {
				return err
			}
		}
	}
	return nil
}
