package evaluation

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingProjectRules keeps the hospital's project self-evaluation rules
// (weights, the factor of a target set too low and its deduction) as JSON.
const settingProjectRules = "evaluation.project_rules"

// ProjectRules reads the rules projects are judged by, the policy's
// defaults until the hospital saves its own.
func (s *Service) ProjectRules(ctx context.Context, by domain.Actor) (scoring.ProjectRules, error) {
	if err := permission.SignedIn(by); err != nil {
		return scoring.ProjectRules{}, err
	}
	return projectRules(ctx, s.st.Q)
}

func projectRules(ctx context.Context, q store.Q) (scoring.ProjectRules, error) {
	v, err := q.Setting(ctx, settingProjectRules)
	if err != nil {
		return scoring.ProjectRules{}, err
	}
	var r scoring.ProjectRules
	// A setting that no longer reads (edited by hand) falls back to the
	// policy's defaults rather than blocking the evaluation.
	if v == "" || json.Unmarshal([]byte(v), &r) != nil || len(r.Validate()) > 0 {
		return scoring.DefaultProjectRules, nil
	}
	return r, nil
}

// SetProjectRules stores the rules for evaluations started from now on;
// running evaluations keep the scheme they started with. The change is
// recorded in the audit trail.
func (s *Service) SetProjectRules(ctx context.Context, by domain.Actor, r scoring.ProjectRules) error {
	if err := permission.Check(by, permission.IndicatorsEdit, ""); err != nil {
		return err
	}
	if ps := r.Validate(); len(ps) > 0 {
		return ps
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		old, err := tx.Setting(ctx, settingProjectRules)
		if err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, settingProjectRules, string(b)); err != nil {
			return err
		}
		if e, ok := logbook.Change(logbook.EntitySetting, settingProjectRules, "value", old, string(b), ""); ok {
			return tx.AppendAudit(ctx, by.Login, e)
		}
		return nil
	})
}

// projectSchemeID saves the scheme built from project p's own approved
// targets and returns its id; ok is false when p has no output or benefit
// target, so that the generic MoF template has to do.
func projectSchemeID(ctx context.Context, q store.Q, by domain.Actor, p domain.Project, r scoring.ProjectRules) (int64, bool, error) {
	sc, ok := scoring.SchemeForProject(p, r)
	if !ok {
		return 0, false, nil
	}
	if ps := sc.Validate(); len(ps) > 0 {
		return 0, false, ps
	}
	id, err := q.SaveProjectScheme(ctx, by, sc, p.ID)
	return id, err == nil, err
}

// fillTargets enters, into a new project evaluation, each target's latest
// value from monitoring (the year-to-date figure or current rate reported
// at or before the month, achieved/partly/not for a qualitative target).
// What the monitoring does not know stays empty for the user to enter.
func fillTargets(ctx context.Context, q store.Q, by domain.Actor, id int64, p domain.Project, latest map[int]string) error {
	for i, t := range p.Targets {
		v, ok := latest[i+1]
		if !ok || v == "" {
			continue
		}
		code := scoring.TargetCode(t.Category, i+1)
		if err := q.SetEvaluationValue(ctx, by, id, store.EvaluationValue{IndicatorCode: code, Actual: v}); err != nil {
			return err
		}
	}
	return nil
}

// projectUnitCode is the unit code of project id in evaluations.
func projectUnitCode(id int64) string { return strconv.FormatInt(id, 10) }

// StartProjectIn opens, inside the caller's transaction, year's evaluation
// of project p on the scheme built from its own targets, filled with the
// latest target values (by row) and the execution rate (a fraction; < 0
// when unknown). The demo uses it for the prior year's projects; StartYear
// does the same for a whole year. It returns the evaluation's id.
func StartProjectIn(ctx context.Context, q store.Q, by domain.Actor, p domain.Project, latest map[int]string, rate float64) (int64, error) {
	rules, err := projectRules(ctx, q)
	if err != nil {
		return 0, err
	}
	sid, ok, err := projectSchemeID(ctx, q, by, p, rules)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, domain.NewProblem("problem.evaluation.no_targets", "Project {{.Name}} has no output or benefit target to be judged against: add its target table first.", "Name", p.Name)
	}
	id, _, err := q.InsertEvaluation(ctx, by, p.Year, string(scoring.ProjectScheme), projectUnitCode(p.ID), sid)
	if err != nil {
		return 0, err
	}
	if err := fillTargets(ctx, q, by, id, p, latest); err != nil {
		return 0, err
	}
	if rate < 0 {
		return id, nil
	}
	sc, err := q.SchemeByID(ctx, sid)
	if err != nil {
		return 0, err
	}
	return id, fillRate(ctx, q, by, id, sc, budgetFigures{rate: rate})
}

// RunIn reads evaluation id with its result inside the caller's
// transaction (the demo's), without a role check.
func RunIn(ctx context.Context, q store.Q, id int64) (Run, error) { return loadRun(ctx, q, id) }
