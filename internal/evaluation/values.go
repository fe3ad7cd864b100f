package evaluation

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// indicators maps a scheme's level-3 indicators by code.
func indicators(sc scoring.Scheme) map[string]scoring.Indicator {
	out := map[string]scoring.Indicator{}
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil {
				code := n.Code
				if code == "" {
					code = n.Indicator.Code
				}
				in := *n.Indicator
				if in.Name == "" {
					in.Name = n.Name
				}
				out[code] = in
			}
			walk(n.Children)
		}
	}
	walk(sc.Roots)
	return out
}

// Values reads the stored values of an evaluation into scoring values.
// A value that no longer reads (typed before the indicator's rule was
// changed) counts as missing rather than failing the whole run.
func Values(sc scoring.Scheme, stored []store.EvaluationValue) map[string]scoring.Value {
	inds := indicators(sc)
	out := map[string]scoring.Value{}
	for _, v := range stored {
		in, ok := inds[v.IndicatorCode]
		if !ok {
			continue
		}
		if val, ok := ParseActual(in, v.Actual, v.Occurrences); ok {
			out[v.IndicatorCode] = val
		}
	}
	return out
}

// ParseActual reads an actual as typed: a number for the numeric rules
// (thousands separators allowed; a trailing % is dropped, so "95%" is the
// number 95 — percent indicators keep their value in percent, as their
// targets are), 达成/部分/未达成 (or the English words) for a qualitative
// one. A deduction indicator counts occurrences; its actual, when typed,
// is the count. ok is false when the text does not read; an empty text
// (and no occurrences) is a missing value, not an error.
func ParseActual(in scoring.Indicator, text string, occurrences int) (scoring.Value, bool) {
	text = strings.TrimSpace(text)
	rule := in.Rule
	if in.Direction == scoring.Monitor {
		// Monitored indicators are observed figures, never scored: a number
		// whatever rule the scheme carries.
		rule = scoring.Proportional
	}
	switch rule {
	case scoring.Deduction:
		if text == "" {
			return scoring.Value{Has: occurrences > 0, Occurrences: max(occurrences, 0)}, true
		}
		n, ok := number(text)
		if !ok || n < 0 || n != math.Trunc(n) || n > 1e6 {
			return scoring.Value{}, false
		}
		return scoring.Value{Has: true, Occurrences: int(n)}, true
	case scoring.Qualitative:
		if text == "" {
			return scoring.Value{}, true
		}
		a, ok := domain.ParseAchievement(text)
		return scoring.Value{Has: ok, Achievement: a}, ok
	}
	if text == "" {
		return scoring.Value{}, true
	}
	n, ok := number(text)
	return scoring.Value{Has: ok, Actual: n}, ok
}

// number reads 1,234.5, 95%, ９５％ (full-width), −3 and (3) as numbers.
func number(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '−' || r == '－':
			return '-'
		case r == ',' || r == '，' || r == ' ' || r == '\u00a0':
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "%"), "％")
	neg := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if neg {
		s = s[1 : len(s)-1]
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// SetValue stores an indicator's actual (as typed), its occurrences
// (deduction rule) and the reason for a deviation with its corrective
// measure. An empty actual clears the value (it is then missing); for a
// deduction indicator type the count, "0" included, or give occurrences.
// A finalised evaluation is locked.
func (s *Service) SetValue(ctx context.Context, by domain.Actor, id int64, indicatorCode, actual string, occurrences int, reason string) error {
	_, err := s.SetValueAt(ctx, by, id, 0, indicatorCode, actual, occurrences, reason)
	return err
}

// SetValueAt is SetValue from the evaluation as read at version seen (0:
// not checked): refused with who and when if someone saved a value of it
// since. It returns the evaluation's new version, for the next save.
func (s *Service) SetValueAt(ctx context.Context, by domain.Actor, id int64, seen domain.Version, indicatorCode, actual string, occurrences int, reason string) (domain.Version, error) {
	if err := permission.SignedIn(by); err != nil {
		return 0, err
	}
	var v domain.Version
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := setValueAudited(ctx, tx, by, id, indicatorCode, actual, occurrences, reason); err != nil {
			return err
		}
		var err error
		if v, err = tx.ClaimEvaluation(ctx, id, seen, by.Login); err != nil {
			var c *domain.Changed
			if errors.As(err, &c) {
				r, _ := loadRun(ctx, tx.Q, id)
				return domain.ChangedProblem(c, domain.Term{Key: "record.evaluation", Default: "evaluation"}, r.Unit.Name)
			}
		}
		return err
	})
	return v, err
}

// SetValueIn is SetValue inside a caller's transaction (the demo uses it).
func SetValueIn(ctx context.Context, q store.Q, by domain.Actor, id int64, indicatorCode, actual string, occurrences int, reason string) error {
	e, err := q.Evaluation(ctx, id)
	if store.IsNotFound(err) {
		return noRun(id)
	}
	if err != nil {
		return err
	}
	if e.Finalised {
		return lockedProblem(e)
	}
	sc, err := q.SchemeByID(ctx, e.SchemeID)
	if err != nil {
		return err
	}
	in, ok := indicators(sc)[indicatorCode]
	if !ok {
		return domain.NewProblem("problem.evaluation.no_indicator", "The indicator system {{.Scheme}} has no indicator {{.Code}}.", "Scheme", sc.Name, "Code", indicatorCode)
	}
	if occurrences < 0 {
		return domain.NewProblem("problem.evaluation.occurrences", "{{.Indicator}}: the number of occurrences cannot be negative.", "Indicator", in.Name)
	}
	if _, ok := ParseActual(in, actual, occurrences); !ok {
		if in.Rule == scoring.Qualitative && in.Direction != scoring.Monitor {
			return domain.NewProblem("problem.evaluation.qualitative", "{{.Indicator}}: “{{.Value}}” is not a judgement; type 达成 (achieved), 部分 (partly) or 未达成 (not achieved).", "Indicator", in.Name, "Value", actual)
		}
		return domain.NewProblem("problem.evaluation.number", "{{.Indicator}}: “{{.Value}}” is not a number; type e.g. 95, 95% or 1,234.5.", "Indicator", in.Name, "Value", actual)
	}
	return q.SetEvaluationValue(ctx, by, id, store.EvaluationValue{
		IndicatorCode: indicatorCode, Actual: strings.TrimSpace(actual), Occurrences: occurrences, Reason: strings.TrimSpace(reason),
	})
}

func lockedProblem(e store.Evaluation) error {
	return domain.NewProblem("problem.evaluation.locked", "This evaluation was finalised on {{.At}} by {{.By}} — locked.",
		"At", e.FinalisedAt.Format("2006-01-02 15:04"), "By", domain.UserTerm(e.FinalisedBy))
}

// Finalise scores the evaluation, stores its score and grade and locks
// it. An unscored evaluation (no value entered) has nothing to finalise
// and is refused. Every indicator short of its target (or missing) needs a reason for
// the deviation and a corrective measure first; the refusal lists them all.
func (s *Service) Finalise(ctx context.Context, by domain.Actor, id int64) error {
	if err := permission.SignedIn(by); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return finaliseAudited(ctx, tx, by, id)
	})
}

// FinaliseIn is Finalise inside a caller's transaction.
func FinaliseIn(ctx context.Context, q store.Q, by domain.Actor, id int64) error {
	r, err := loadRun(ctx, q, id)
	if err != nil {
		return err
	}
	if r.Finalised {
		return lockedProblem(store.Evaluation{FinalisedAt: r.FinalisedAt, FinalisedBy: r.FinalisedBy})
	}
	if !r.Scored() {
		return unscoredFinalise(r)
	}
	var ps domain.Problems
	for _, is := range r.Result.Indicators {
		if is.Short && strings.TrimSpace(r.Reasons[is.Code]) == "" {
			ps = append(ps, domain.NewProblem("problem.evaluation.reason_needed",
				"{{.Code}} {{.Indicator}} scored {{.Score}} of {{.Points}} points: give the reason for the deviation and the corrective measure before finalising.",
				"Code", is.Code, "Indicator", is.Name, "Score", strconv.FormatFloat(scoring.Round2(is.Score), 'f', -1, 64),
				"Points", strconv.FormatFloat(is.Points, 'f', -1, 64)))
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return q.FinaliseEvaluation(ctx, by, id, scoring.Round2(r.Result.Total), string(r.Result.Grade))
}
