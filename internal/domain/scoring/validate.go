package scoring

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// sumTolerance is how far points may be from adding up: weights are
// entered with at most a few decimals, so more is a real mismatch.
const sumTolerance = 0.001

// Validate lists everything wrong with the scheme before it is used:
// level-1 points add up to Total; each dimension's groups and each group's
// indicators add up to it; exactly three levels, indicators only at level 3;
// codes unique and present, names present; points not negative; each
// indicator's rule and direction known and consistent, with the target,
// band or deduction the rule needs; monitored indicators carry no points.
// Problems name the node by code and path of names.
func (s Scheme) Validate() domain.Problems {
	v := validator{seen: map[string]string{}}
	if strings.TrimSpace(s.Name) == "" {
		v.add(domain.NewProblem("problem.evaluate.scheme_name", "The indicator system has no name: name it."))
	}
	totalOK := finite(s.Total) && s.Total > 0
	if !totalOK {
		v.add(domain.NewProblem("problem.evaluate.scheme_total", "The indicator system totals {{.Total}} points: set its total above 0 (usually 100).", "Total", num(s.Total)))
	}
	if len(s.Roots) == 0 {
		v.add(domain.NewProblem("problem.evaluate.no_dimensions", "The indicator system {{.Scheme}} has no level-1 dimensions: add them (a project self-evaluation has output 50, benefit 30, satisfaction 10 and budget execution rate 10).", "Scheme", s.Name))
	} else if sum := pointsOf(s.Roots); totalOK && math.Abs(sum-s.Total) > sumTolerance {
		v.add(domain.NewProblem("problem.evaluate.total_sum", "The level-1 dimensions of {{.Scheme}} add up to {{.Sum}} points but the system totals {{.Total}}: make them equal.", "Scheme", s.Name, "Sum", num(sum), "Total", num(s.Total)))
	}
	for _, n := range s.Roots {
		v.node(n, 1, nil)
	}
	return v.ps
}

type validator struct {
	ps   domain.Problems
	seen map[string]string // code → label of the first node with it
}

// add collects p; callers build it with domain.NewProblem in place so the
// translation check finds the key and its English text.
func (v *validator) add(p *domain.Problem) { v.ps = append(v.ps, p) }

// node checks n at depth (1 dimension, 2 group, 3 indicator); path holds
// the names of its ancestors.
func (v *validator) node(n Node, depth int, path []string) {
	code, name := n.Code, n.Name
	if n.Indicator != nil {
		code, name = leafCode(n), leafName(n)
	}
	names := append(append([]string(nil), path...), name)
	label := strings.TrimSpace(code + " " + strings.Join(names, "·"))
	level := levelTerm(depth)

	switch first, dup := v.seen[code]; {
	case strings.TrimSpace(code) == "":
		v.add(domain.NewProblem("problem.evaluate.code_missing", "{{.Level}} {{.Node}} has no code: give it one, unique in the system.", "Level", level, "Node", label))
	case dup:
		v.add(domain.NewProblem("problem.evaluate.code_duplicate", "Code {{.Code}} is used by both {{.First}} and {{.Node}}: give each node its own code.", "Code", code, "First", first, "Node", label))
	default:
		v.seen[code] = label
	}
	if strings.TrimSpace(name) == "" {
		v.add(domain.NewProblem("problem.evaluate.name_missing", "{{.Level}} {{.Node}} has no name: name it.", "Level", level, "Node", label))
	}
	if n.Indicator != nil && n.Code != "" && n.Indicator.Code != "" && n.Code != n.Indicator.Code {
		v.add(domain.NewProblem("problem.evaluate.code_mismatch", "Indicator {{.Node}} has the code {{.Code}} in the tree but {{.IndicatorCode}} in its definition: use one code.", "Node", label, "Code", n.Code, "IndicatorCode", n.Indicator.Code))
	}
	if !finite(n.Points) || n.Points < 0 {
		v.add(domain.NewProblem("problem.evaluate.points_negative", "{{.Level}} {{.Node}} has {{.Points}} points: enter 0 or more.", "Level", level, "Node", label, "Points", num(n.Points)))
	}

	if depth >= 3 {
		if n.Indicator == nil {
			v.add(domain.NewProblem("problem.evaluate.not_indicator", "{{.Node}} is at level 3, where only indicators belong: say how it is scored, or move it.", "Node", label))
		} else {
			v.indicator(*n.Indicator, n.Points, label)
			if n.Indicator.RevenueUndecided {
				v.add(RevenueUndecidedProblem(label))
			}
			if p := RevenueDriverProblem(*n.Indicator, label); p != nil {
				v.add(p) // refused when the library is saved, not only at the bonus
			}
		}
		if len(n.Children) > 0 {
			v.add(domain.NewProblem("problem.evaluate.too_deep", "Indicator {{.Node}} has items below it, but the system has exactly three levels (dimension, group, indicator): make them indicators of the group instead.", "Node", label))
		}
		return
	}
	if n.Indicator != nil {
		v.add(domain.NewProblem("problem.evaluate.indicator_level", "Indicator {{.Node}} is at level {{.Depth}}: indicators belong at level 3, under a group of a dimension.", "Node", label, "Depth", depth))
		return
	}
	if len(n.Children) == 0 {
		if depth == 1 {
			v.add(domain.NewProblem("problem.evaluate.dimension_empty", "Dimension {{.Node}} has no groups: add a group with its indicators, or remove the dimension.", "Node", label))
		} else {
			v.add(domain.NewProblem("problem.evaluate.group_empty", "Group {{.Node}} has no indicators: add indicators, or remove the group.", "Node", label))
		}
		return
	}
	if sum := pointsOf(n.Children); finite(n.Points) && math.Abs(sum-n.Points) > sumTolerance {
		if depth == 1 {
			v.add(domain.NewProblem("problem.evaluate.dimension_sum", "Dimension {{.Node}} has {{.Points}} points but its groups add up to {{.Sum}}: make them equal.", "Node", label, "Points", num(n.Points), "Sum", num(sum)))
		} else {
			v.add(domain.NewProblem("problem.evaluate.group_sum", "Group {{.Node}} has {{.Points}} points but its indicators add up to {{.Sum}}: make them equal.", "Node", label, "Points", num(n.Points), "Sum", num(sum)))
		}
	}
	for _, c := range n.Children {
		v.node(c, depth+1, names)
	}
}

func pointsOf(ns []Node) float64 {
	var sum float64
	for _, n := range ns {
		sum += n.Points
	}
	return sum
}

// num shows a number as entered: up to 4 decimals, no trailing zeros.
func num(x float64) string {
	if !finite(x) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}
