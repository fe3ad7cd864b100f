package evaluation

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingHospitalScheme holds the code of the scheme EvaluateHospital opens
// the hospital-wide evaluation on.
const settingHospitalScheme = "evaluation.hospital_scheme"

// HospitalSchemes are the built-in national schemes a hospital evaluation
// starts from, in menu order.
var HospitalSchemes = []string{HospitalSecondarySchemeCode, HospitalTertiarySchemeCode, TCMSecondarySchemeCode, TCMTertiarySchemeCode, MCHSchemeCode}

// HospitalScheme is the code of the scheme the hospital is evaluated on:
// the one chosen in the library, else the secondary assessment.
func (s *Service) HospitalScheme(ctx context.Context, by domain.Actor) (string, error) {
	if err := permission.SignedIn(by); err != nil {
		return "", err
	}
	return hospitalScheme(ctx, s.st.Q)
}

func hospitalScheme(ctx context.Context, q store.Q) (string, error) {
	v, err := q.Setting(ctx, settingHospitalScheme)
	if err != nil || strings.TrimSpace(v) == "" {
		return HospitalSecondarySchemeCode, err
	}
	return strings.TrimSpace(v), nil
}

// SetHospitalScheme chooses the scheme the hospital is evaluated on (any
// department scheme of the library; the national ones are listed in
// HospitalSchemes), recorded in the audit trail. A hospital evaluation
// already opened keeps the scheme it was opened on.
func (s *Service) SetHospitalScheme(ctx context.Context, by domain.Actor, code string) error {
	if err := permission.Check(by, permission.IndicatorsEdit, ""); err != nil {
		return err
	}
	code = strings.TrimSpace(code)
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := EnsureTemplatesIn(ctx, tx.Q, by); err != nil {
			return err
		}
		sc, _, err := tx.Scheme(ctx, code)
		if store.IsNotFound(err) {
			return noScheme(code)
		}
		if err != nil {
			return err
		}
		if sc.Kind != scoring.DepartmentScheme {
			return domain.NewProblem("problem.evaluation.hospital_scheme_kind", "{{.Scheme}} evaluates projects; the hospital is evaluated on an assessment scheme such as the secondary or tertiary national assessment.", "Scheme", sc.Name)
		}
		return setSettingAudited(ctx, tx, by, settingHospitalScheme, code)
	})
}

// setSettingAudited changes a setting and records its old and new value in
// the caller's transaction; an unchanged value records nothing.
func setSettingAudited(ctx context.Context, tx *store.Tx, by domain.Actor, key, value string) error {
	old, err := tx.Setting(ctx, key)
	if err != nil {
		return err
	}
	if err := tx.SetSetting(ctx, key, value); err != nil {
		return err
	}
	e, ok := logbook.Change(logbook.EntitySetting, key, "value", old, value, "")
	if !ok {
		return nil
	}
	return tx.AppendAudit(ctx, by.Login, e)
}
