package bonus

import (
	"context"
	"slices"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingWeights holds the hospital's dimension weights, the current
// public-welfare weight among them ("workload=0.3,quality=0.25,…").
const settingWeights = "bonus.weights"

// Settings are the hospital's performance-pay settings: the floor of the
// public-welfare weight, the dimension weights (the current public-welfare
// weight among them, the default of every allocation) and the subjects of
// reward performance pay whose approved budget caps the pool.
type Settings struct {
	Floor    float64
	Weights  payout.Weights
	Subjects []string
}

// WelfareWeight is the current public-welfare weight.
func (st Settings) WelfareWeight() float64 { return st.Weights[scoring.BonusPublicWelfare] }

// Settings reads the hospital's performance-pay settings.
func (s *Service) Settings(ctx context.Context, by domain.Actor) (Settings, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return Settings{}, err
	}
	return readSettings(ctx, s.st.Q)
}

func readSettings(ctx context.Context, q store.Q) (Settings, error) {
	subjects, err := rewardSubjects(ctx, q)
	if err != nil {
		return Settings{}, err
	}
	return Settings{Floor: floorOf(ctx, q), Weights: weightsOf(ctx, q), Subjects: subjects}, nil
}

// weightsOf is the stored weights, or the defaults when none are stored
// (or what is stored cannot be read).
func weightsOf(ctx context.Context, q store.Q) payout.Weights {
	if v, err := q.Setting(ctx, settingWeights); err == nil && v != "" {
		if w, err := payout.ParseWeights(v, nil); err == nil && len(w.Validate(0)) == 0 {
			return w
		}
	}
	return DefaultWeights.WithPublicWelfare(DefaultWeights[scoring.BonusPublicWelfare])
}

// SetSettings stores the hospital's performance-pay settings in one
// transaction, each change in the audit trail. The weights must sum to
// 100% with the public-welfare weight at or above the floor, and each
// reward-pay subject must be an expenditure subject of the catalogue.
func (s *Service) SetSettings(ctx context.Context, by domain.Actor, set Settings) error {
	if err := permission.Check(by, permission.BonusCompute, ""); err != nil {
		return err
	}
	ps := set.Weights.Validate(set.Floor)
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return err
	}
	ps = append(ps, checkSubjects(set.Subjects, subjects)...)
	if len(ps) > 0 {
		return ps
	}
	// key, value, and the value that stands for no setting at all: a
	// default left as it is is not written (nor recorded as a change).
	values := [][3]string{
		{settingWelfareFloor, weightText(set.Floor), weightText(DefaultWelfareFloor)},
		{settingWeights, payout.FormatWeights(set.Weights), payout.FormatWeights(DefaultWeights)},
		{settingRewardSubjects, strings.Join(set.Subjects, ","), strings.Join(DefaultRewardSubjects, ",")},
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		var t trail
		for _, kv := range values {
			prev, err := tx.Setting(ctx, kv[0])
			if err != nil {
				return err
			}
			if prev == kv[1] || (prev == "" && kv[1] == kv[2]) {
				continue
			}
			t.add(logbook.EntitySetting, kv[0], "value", prev, kv[1])
			if err := tx.SetSetting(ctx, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return t.record(ctx, tx, by)
	})
}

// checkSubjects refuses an empty list and codes that are not expenditure
// subjects of the catalogue.
func checkSubjects(codes []string, catalogue []domain.Subject) domain.Problems {
	if len(codes) == 0 {
		return domain.Problems{domain.NewProblem("problem.bonus.subjects_none", "Name at least one subject of reward performance pay, such as 30107 (绩效工资).")}
	}
	var ps domain.Problems
	for _, c := range codes {
		i := slices.IndexFunc(catalogue, func(s domain.Subject) bool { return s.Code == c })
		if i < 0 || catalogue[i].Kind != domain.Expenditure {
			ps = append(ps, domain.NewProblem("problem.bonus.subject_unknown", "\"{{.Code}}\" is not an expenditure subject of the catalogue: name the subjects of reward performance pay by their codes, such as 30107.", "Code", c))
		}
	}
	return ps
}
