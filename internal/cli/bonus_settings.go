package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "bonus settings", summary: "cli.bonus_settings.summary", run: runBonusSettings})
}

type bonusSettingsJSON struct {
	WelfareFloor   float64  `json:"welfare_floor"`
	WelfareWeight  float64  `json:"welfare_weight"`
	Weights        dimsJSON `json:"weights"`
	RewardSubjects []string `json:"reward_subjects"`
}

// bonusSettingsFlags are what `bonus settings` was asked to change; an
// empty text leaves the setting as it is.
type bonusSettingsFlags struct {
	floor, weight, weights, subjects string
	json                             bool
}

func (f bonusSettingsFlags) changes() bool {
	return f.floor != "" || f.weight != "" || f.weights != "" || f.subjects != ""
}

// apply changes set as the flags say: --weights first, then
// --welfare-weight (the others rescaled), then the floor and the subjects.
func (f bonusSettingsFlags) apply(set bonus.Settings) (bonus.Settings, error) {
	var err error
	if f.weights != "" {
		if set.Weights, err = payout.ParseWeights(f.weights, set.Weights); err != nil {
			return set, err
		}
	}
	if f.floor != "" {
		if set.Floor, err = domain.ParseRatio(f.floor); err != nil {
			return set, err
		}
	}
	if f.weight != "" {
		w, err := domain.ParseRatio(f.weight)
		if err != nil {
			return set, err
		}
		if p := payout.CheckWelfareWeight(w, max(set.Floor, 0)); p != nil {
			return set, p
		}
		set.Weights = set.Weights.WithPublicWelfare(w)
	}
	if f.subjects != "" {
		set.Subjects = strings.FieldsFunc(f.subjects, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
	}
	return set, nil
}

// bonus settings: show, and with options set, the hospital's
// performance-pay settings (floor, weights, reward-pay subjects).
func runBonusSettings(env *Env, args []string) error {
	fs := newFlags(env, "bonus settings", "", "cli.bonus_settings.about")
	floor := fs.String("welfare-floor", "", "cli.flag.welfare_floor")
	weight := fs.String("welfare-weight", "", "cli.flag.welfare_weight_setting")
	weights := fs.String("weights", "", "cli.flag.bonus_weights")
	subjects := fs.String("reward-subjects", "", "cli.flag.reward_subjects")
	j := fs.Bool("json", false, "cli.flag.json")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	f := bonusSettingsFlags{floor: *floor, weight: *weight, weights: *weights, subjects: *subjects, json: *j}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	set, err := svc.Bonus.Settings(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	if f.changes() {
		if set, err = f.apply(set); err != nil {
			return err
		}
		if err := svc.Bonus.SetSettings(env.ctx, env.Actor, set); err != nil {
			return err
		}
		if !f.json {
			env.printf("%s\n", i18n.T("cli.bonus_settings.saved"))
		}
	}
	if f.json {
		return writeJSON(env.Stdout, bonusSettingsJSON{WelfareFloor: set.Floor, WelfareWeight: set.WelfareWeight(), Weights: dims(set.Weights), RewardSubjects: set.Subjects})
	}
	var parts []string
	for _, d := range payout.Dimensions {
		parts = append(parts, i18n.T("indui.bonus."+string(d))+" "+i18n.WeightPercent(set.Weights[d]))
	}
	env.printf("%s\n", i18n.T("cli.bonus_settings.show", "Floor", i18n.WeightPercent(set.Floor), "Weight", i18n.WeightPercent(set.WelfareWeight()),
		"Weights", strings.Join(parts, " · "), "Subjects", strings.Join(set.Subjects, ", ")))
	return nil
}
