package evaluation

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingApplicationSubjects holds the expenditure subjects a department's
// result application applies to, as comma-separated codes.
const settingApplicationSubjects = "evaluate.application_subjects"

// DefaultApplicationSubjects are the subjects a grade's budget change
// applies to until the hospital chooses others: discretionary spending —
// goods and services (302) and capital spending (310) of the economic
// classification, other running and other administrative costs (500199,
// 510199) of the hospital's expense items. Personnel costs (301, 500101,
// 510101), subsidies to individuals (303), drugs and medical materials
// that follow the patients treated, depreciation and provisions are rigid:
// an evaluation result does not cut them.
var DefaultApplicationSubjects = []string{"302", "310", "500199", "510199"}

// ApplicationSubjects lists the subjects results apply to, in code order.
func (s *Service) ApplicationSubjects(ctx context.Context, by domain.Actor) ([]domain.Subject, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	return applicationSubjectList(ctx, s.st.Q)
}

// applicationSubjectList reads the setting against the subject catalogue.
// Codes no longer in the catalogue are dropped; a setting left with none
// (or never saved) falls back to the default, so preparation is never
// blocked by a setting edited by hand.
func applicationSubjectList(ctx context.Context, q store.Q) ([]domain.Subject, error) {
	v, err := q.Setting(ctx, settingApplicationSubjects)
	if err != nil {
		return nil, err
	}
	all, err := q.Subjects(ctx)
	if err != nil {
		return nil, err
	}
	pick := func(codes []string) []domain.Subject {
		var out []domain.Subject
		for _, sub := range all {
			if sub.Kind == domain.Expenditure && slices.Contains(codes, sub.Code) {
				out = append(out, sub)
			}
		}
		return out
	}
	if out := pick(splitCodes(v)); len(out) > 0 {
		return out, nil
	}
	return pick(DefaultApplicationSubjects), nil
}

// SetApplicationSubjects chooses the expenditure subjects results apply to
// (each with the items under it), recorded in the audit trail. Every code
// must be an expenditure subject of the catalogue, and one at least given.
// Open suggestions take the new base the next time they are listed;
// decided ones keep the base they were decided on.
func (s *Service) SetApplicationSubjects(ctx context.Context, by domain.Actor, codes []string) error {
	if err := permission.Check(by, permission.IndicatorsEdit, ""); err != nil {
		return err
	}
	codes = splitCodes(strings.Join(codes, ","))
	if len(codes) == 0 {
		return domain.NewProblem("problem.evaluation.apply_subjects_empty", "Choose at least one expenditure subject for evaluation results to apply to (e.g. 302 goods and services, 310 capital spending).")
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		all, err := tx.Subjects(ctx)
		if err != nil {
			return err
		}
		for _, c := range codes {
			i := slices.IndexFunc(all, func(sub domain.Subject) bool { return sub.Code == c })
			if i < 0 || all[i].Kind != domain.Expenditure {
				return domain.NewProblem("problem.evaluation.apply_subject_unknown", "{{.Code}} is not an expenditure subject of the catalogue: evaluation results apply to expenditure budgets only.", "Code", c)
			}
		}
		return setSettingAudited(ctx, tx, by, settingApplicationSubjects, strings.Join(codes, ","))
	})
}

// splitCodes reads codes separated by commas, spaces or 、, without
// repeats, in code order.
func splitCodes(v string) []string {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' || r == ';' })
	slices.Sort(f)
	return slices.Compact(f)
}

// appliesTo says a budget line's subject is one of subjects or an item
// under one of them (30201 under 302).
func appliesTo(subjects []domain.Subject, code string) bool {
	for _, s := range subjects {
		if s.Code == code || s.IsAncestorOf(code) {
			return true
		}
	}
	return false
}

// Base is a unit's result-application base in a year.
type Base struct {
	Kind   scoring.SchemeKind
	Code   string
	Amount money.Amount
}

// ApplicationBases are the bases year's units would have their grades
// applied to — a department's budget on the subjects results apply to
// (returned too), a project's amount — the figures Suggestions uses, for
// the evaluation report.
func (s *Service) ApplicationBases(ctx context.Context, by domain.Actor, year int) ([]Base, []domain.Subject, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, nil, err
	}
	subs, err := applicationSubjectList(ctx, s.st.Q)
	if err != nil {
		return nil, nil, err
	}
	bases, err := expenditureBases(ctx, s.st.Q, year, subs)
	if err != nil {
		return nil, nil, err
	}
	// A department head sees the bases of their departments and of
	// their projects only.
	projectDept := map[string]string{}
	ps, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return nil, nil, err
	}
	for _, p := range ps {
		projectDept[strconv.FormatInt(p.ID, 10)] = p.DeptCode
	}
	out := make([]Base, 0, len(bases))
	for k, a := range bases {
		dept := k.code
		if k.kind == string(scoring.ProjectScheme) {
			dept = projectDept[k.code]
		}
		if by.Role == domain.RoleDeptHead && !permission.CanSee(by, dept) {
			continue
		}
		out = append(out, Base{Kind: scoring.SchemeKind(k.kind), Code: k.code, Amount: a})
	}
	return out, subs, nil
}
