package evaluation

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// UnitRun is year's evaluation of the unit people call ref: a department
// by its code, a project by its code (项目编码). A unit without an
// evaluation, or one the actor may not see, is refused in words.
func (s *Service) UnitRun(ctx context.Context, by domain.Actor, year int, ref string) (Run, error) {
	runs, err := s.Runs(ctx, by, year)
	if err != nil {
		return Run{}, err
	}
	ref = strings.TrimSpace(ref)
	for _, r := range runs {
		if strings.EqualFold(r.Unit.Ref, ref) {
			return r, nil
		}
	}
	return Run{}, domain.NewProblem("problem.evaluation.no_unit", "The {{.Year}} evaluation has no department or project with the code {{.Code}}. Check the code (departments list, budget projects) and that the year's evaluation has been started.",
		"Year", year, "Code", ref)
}

// Targets maps each indicator code of sc to its target as the forms print
// it (scoring.TargetLabel).
func Targets(sc scoring.Scheme) map[string]string {
	out := map[string]string{}
	for code, in := range indicators(sc) {
		out[code] = scoring.TargetLabel(in)
	}
	return out
}
