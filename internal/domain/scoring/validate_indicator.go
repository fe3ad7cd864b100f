package scoring

import "github.com/budgetperf/budgetperf/internal/domain"

// indicator checks one indicator's scoring set-up; points are its node's.
func (v *validator) indicator(ind Indicator, points float64, label string) {
	if !ind.Rule.Valid() {
		v.add(domain.NewProblem("problem.evaluate.rule_invalid", "Indicator {{.Node}} has no valid scoring rule ({{.Rule}}): choose proportional, inverse, threshold, linear band, deduction or qualitative.", "Node", label, "Rule", string(ind.Rule)))
	}
	if !ind.Direction.Valid() {
		v.add(domain.NewProblem("problem.evaluate.direction_invalid", "Indicator {{.Node}} has no valid direction ({{.Direction}}): choose higher is better, lower is better, within a range, or monitored.", "Node", label, "Direction", string(ind.Direction)))
		return
	}
	if ind.Direction == Monitor {
		if points != 0 {
			v.add(domain.NewProblem("problem.evaluate.monitor_points", "Indicator {{.Node}} is monitored, not scored, but carries {{.Points}} points: set its points to 0, or give it a scored direction.", "Node", label, "Points", num(points)))
		}
		return // a monitored indicator is observed only: its rule is never applied
	}
	kv := []any{"Node", label, "Direction", ind.Direction.Term(), "Target", num(ind.Target), "Low", num(ind.Low), "High", num(ind.High)}
	positiveTarget := finite(ind.Target) && ind.Target > 0
	switch ind.Rule {
	case Proportional:
		if ind.Direction != Higher {
			v.add(domain.NewProblem("problem.evaluate.proportional_direction", "Indicator {{.Node}} scores actual ÷ target, which rewards higher values, but it is {{.Direction}}: make it higher is better, or use the inverse rule.", kv...))
		}
		if !positiveTarget {
			v.add(domain.NewProblem("problem.evaluate.target_missing", "Indicator {{.Node}} needs a target above 0 to be scored against (it is {{.Target}}): enter the annual target, or use the threshold or deduction rule for a target of 0.", kv...))
		}
	case Inverse:
		if ind.Direction != Lower {
			v.add(domain.NewProblem("problem.evaluate.inverse_direction", "Indicator {{.Node}} scores target ÷ actual, which rewards lower values, but it is {{.Direction}}: make it lower is better, or use the proportional rule.", kv...))
		}
		if !positiveTarget {
			v.add(domain.NewProblem("problem.evaluate.target_missing", "Indicator {{.Node}} needs a target above 0 to be scored against (it is {{.Target}}): enter the annual target, or use the threshold or deduction rule for a target of 0.", kv...))
		}
	case Threshold:
		if ind.Direction == InRange {
			if !finite(ind.Low) || !finite(ind.High) || ind.Low >= ind.High {
				v.add(domain.NewProblem("problem.evaluate.range_empty", "Indicator {{.Node}} is scored within a range, but {{.Low}}–{{.High}} is not one: enter a lower bound below the upper bound.", kv...))
			}
		} else if !finite(ind.Target) {
			v.add(domain.NewProblem("problem.evaluate.target_invalid", "Indicator {{.Node}} has no usable target ({{.Target}}): enter the annual target.", kv...))
		}
	case LinearBand:
		switch {
		case !finite(ind.Low) || !finite(ind.High) || ind.Low == ind.High:
			v.add(domain.NewProblem("problem.evaluate.band_empty", "Indicator {{.Node}} is scored along a band from {{.Low}} (no points) to {{.High}} (full points): the two must be different numbers.", kv...))
		case ind.Direction == InRange:
			v.add(domain.NewProblem("problem.evaluate.band_range", "Indicator {{.Node}} is scored along a band, which rewards one direction, but it is {{.Direction}}: make it higher or lower is better, or use the threshold rule for a range.", kv...))
		case ind.Direction == Higher && ind.Low > ind.High, ind.Direction == Lower && ind.Low < ind.High:
			v.add(domain.NewProblem("problem.evaluate.band_direction", "Indicator {{.Node}} is {{.Direction}}, but its band gives no points at {{.Low}} and full points at {{.High}}: swap the two, or change the direction.", kv...))
		}
	case Deduction:
		if !finite(ind.DeductPer) || ind.DeductPer <= 0 {
			v.add(domain.NewProblem("problem.evaluate.deduct_missing", "Indicator {{.Node}} deducts points per occurrence, but the deduction is {{.DeductPer}}: enter the points taken for each occurrence (above 0).", "Node", label, "DeductPer", num(ind.DeductPer)))
		}
	}
}
