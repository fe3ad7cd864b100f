package scoring

import (
	"math"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Achievement is the judgement of a qualitative indicator. It is the
// domain's type so that domain.ParseAchievement reads the actual column.
type Achievement = domain.Achievement

const (
	Achieved    = domain.AchievedFully
	Partly      = domain.AchievedPartly
	NotAchieved = domain.AchievedNot
)

// Shares are the parts of the points a qualitative indicator earns.
type Shares struct{ Achieved, Partly, Not float64 }

// QualitativeShares are the shares Score uses. The domain's practice bands
// are 100–80% / 80–60% / 60–0%; the defaults take the top of the first band
// and the middle of the others. Shares outside 0–1 are clamped.
var QualitativeShares = Shares{Achieved: 1, Partly: 0.7, Not: 0.3}

// Value is the actual result of one indicator. Has says it was reported;
// Actual is read by the numeric rules, Achievement by Qualitative and
// Occurrences by Deduction.
type Value struct {
	Actual      float64
	Has         bool
	Achievement Achievement
	Occurrences int
}

// Score turns v into points out of points by the indicator's rule.
//
// short is true when the indicator needs a "reason for deviation and
// corrective measure" on the self-evaluation form: its value is missing
// (Has false, a NaN or infinite actual, an unknown achievement), which
// scores 0, or it earned less than its full points.
//
// Edge rules:
//   - Monitor-direction indicators are observed, not scored: 0, never short.
//   - Negative, NaN or infinite points count as 0 points.
//   - Proportional and Inverse cap over-achievement at full points and
//     never go below 0. A target of 0 or below (Validate refuses it) cannot
//     be divided by, so it is scored as a threshold: met or not.
//   - Inverse: an actual of 0 or below is the best possible result of a
//     lower-is-better indicator and earns full points.
//   - Threshold: higher → actual ≥ target; lower → actual ≤ target;
//     range → Low ≤ actual ≤ High. Comparisons allow a relative 1e-9 so a
//     rate computed as 0.95000000001 short of 0.95 still meets it.
//   - LinearBand clamps outside [Low, High]; with Low = High (refused by
//     Validate) it is a threshold at High in the indicator's direction.
//   - Deduction: points − Occurrences × DeductPer, not below 0 (negative
//     occurrences count as none).
func Score(ind Indicator, points float64, v Value) (score float64, short bool) {
	if ind.Direction == Monitor {
		return 0, false
	}
	if !finite(points) || points < 0 {
		points = 0
	}
	if !v.Has {
		return 0, true
	}
	s, ok := raw(ind, points, v)
	if !ok {
		return 0, true
	}
	if !(s > 0) { // also NaN
		s = 0
	}
	if s > points {
		s = points
	}
	if Overshoot(ind, v) {
		s = points * (1 - clamp01(ind.OverDeduct))
	}
	return s, s < points-1e-9*math.Max(1, points)
}

// Overshoot reports whether v exceeds the target so far that the target
// looks set too low (目标值设定偏低): above OverFactor × target when higher
// is better (Proportional), below target ÷ OverFactor when lower is better
// (Inverse). Indicators without a factor above 1, without a positive
// target or without a readable value never overshoot.
func Overshoot(ind Indicator, v Value) bool {
	f := ind.OverFactor
	if !v.Has || !finite(v.Actual) || !(f > 1) || !finite(f) || !(ind.Target > 0) || !finite(ind.Target) {
		return false
	}
	switch ind.Rule {
	case Proportional:
		return v.Actual > ind.Target*f+tol(ind.Target*f)
	case Inverse:
		return v.Actual < ind.Target/f-tol(ind.Target/f)
	}
	return false
}

// raw scores by rule without clamping; ok is false when the value cannot
// be read.
func raw(ind Indicator, points float64, v Value) (float64, bool) {
	switch ind.Rule {
	case Deduction:
		n := max(v.Occurrences, 0)
		return points - float64(n)*ind.DeductPer, true
	case Qualitative:
		sh, ok := share(v.Achievement)
		return sh * points, ok
	}
	if !finite(v.Actual) {
		return 0, false
	}
	a := v.Actual
	switch ind.Rule {
	case Proportional:
		if !(ind.Target > 0) || math.IsInf(ind.Target, 0) {
			return all(atLeast(a, ind.Target), points), true
		}
		return clamp01(a/ind.Target) * points, true
	case Inverse:
		if !(ind.Target > 0) || math.IsInf(ind.Target, 0) {
			return all(atMost(a, ind.Target), points), true
		}
		if a <= 0 {
			return points, true
		}
		return clamp01(ind.Target/a) * points, true
	case Threshold:
		switch ind.Direction {
		case Lower:
			return all(atMost(a, ind.Target), points), true
		case InRange:
			return all(atLeast(a, ind.Low) && atMost(a, ind.High), points), true
		}
		return all(atLeast(a, ind.Target), points), true
	case LinearBand:
		lo, hi := ind.Low, ind.High
		if lo == hi {
			if ind.Direction == Lower {
				return all(atMost(a, hi), points), true
			}
			return all(atLeast(a, hi), points), true
		}
		// (a−lo)/(hi−lo) works for either order; clamp01 turns the NaN of
		// overflowing bounds into 0.
		return clamp01((a-lo)/(hi-lo)) * points, true
	}
	return 0, false // unknown rule: nothing to score by
}

func share(a Achievement) (float64, bool) {
	switch a {
	case Achieved:
		return clamp01(QualitativeShares.Achieved), true
	case Partly:
		return clamp01(QualitativeShares.Partly), true
	case NotAchieved:
		return clamp01(QualitativeShares.Not), true
	}
	return 0, false
}

// tol is the slack of threshold comparisons, relative to the bound.
func tol(bound float64) float64 { return 1e-9 * math.Max(1, math.Abs(bound)) }

// atLeast and atMost are false against a NaN bound.
func atLeast(a, bound float64) bool { return a >= bound-tol(bound) }
func atMost(a, bound float64) bool  { return a <= bound+tol(bound) }

func all(met bool, points float64) float64 {
	if met {
		return points
	}
	return 0
}

// clamp01 limits x to [0, 1]; NaN becomes 0.
func clamp01(x float64) float64 {
	if !(x > 0) {
		return 0
	}
	return math.Min(x, 1)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Round2 rounds x to 2 decimals, half away from zero, for display and
// grading. The nudge of 1e-8 points absorbs binary error, so that 89.995
// (stored as 89.99499999…) shows as 90.00 as a person would round it.
func Round2(x float64) float64 {
	if !finite(x) || math.Abs(x) > 1e15 {
		return x // nothing below a hundredth to round
	}
	return math.Round(x*100+math.Copysign(1e-6, x)) / 100
}
