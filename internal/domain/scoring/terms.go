package scoring

import (
	"slices"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Term is the rule's name for messages and menus.
func (r Rule) Term() domain.Term {
	switch r {
	case Proportional:
		return domain.Term{Key: "evaluate.rule.proportional", Default: "proportional (actual ÷ target)"}
	case Inverse:
		return domain.Term{Key: "evaluate.rule.inverse", Default: "inverse (target ÷ actual)"}
	case Threshold:
		return domain.Term{Key: "evaluate.rule.threshold", Default: "threshold (all or nothing)"}
	case LinearBand:
		return domain.Term{Key: "evaluate.rule.linear_band", Default: "linear band"}
	case Deduction:
		return domain.Term{Key: "evaluate.rule.deduction", Default: "deduction per occurrence"}
	case Qualitative:
		return domain.Term{Key: "evaluate.rule.qualitative", Default: "qualitative (achieved / partly / not)"}
	}
	return domain.Term{Key: "evaluate.rule.unknown", Default: "none"}
}

// Valid reports whether r is a known rule.
func (r Rule) Valid() bool { return slices.Contains(Rules, r) }

// Term is the direction's name for messages and menus.
func (d Direction) Term() domain.Term {
	switch d {
	case Higher:
		return domain.Term{Key: "evaluate.direction.higher", Default: "higher is better"}
	case Lower:
		return domain.Term{Key: "evaluate.direction.lower", Default: "lower is better"}
	case InRange:
		return domain.Term{Key: "evaluate.direction.range", Default: "within a range"}
	case Monitor:
		return domain.Term{Key: "evaluate.direction.monitor", Default: "monitored, not scored"}
	}
	return domain.Term{Key: "evaluate.direction.unknown", Default: "none"}
}

// Valid reports whether d is a known direction.
func (d Direction) Valid() bool {
	switch d {
	case Higher, Lower, InRange, Monitor:
		return true
	}
	return false
}

// levelTerm names a node by its depth: 1 dimension, 2 group, 3 indicator.
func levelTerm(depth int) domain.Term {
	switch depth {
	case 1:
		return domain.Term{Key: "evaluate.level.dimension", Default: "Dimension"}
	case 2:
		return domain.Term{Key: "evaluate.level.group", Default: "Group"}
	}
	return domain.Term{Key: "evaluate.level.indicator", Default: "Indicator"}
}
