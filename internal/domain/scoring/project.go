package scoring

import (
	"fmt"
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// ProjectRules are the hospital's settings for judging a project against
// its own targets (财预〔2020〕10号): the points of the four level-1
// dimensions, and what happens to a target exceeded far beyond its value.
type ProjectRules struct {
	Execution, Output, Benefit, Satisfaction float64
	// OverFactor: a result beyond OverFactor × the target is flagged
	// 目标值设定偏低 and loses OverDeduct of its points (0 = flag only).
	OverFactor, OverDeduct float64
}

// DefaultProjectRules are the policy's weights 10 / 50 / 30 / 10, a factor
// of 1.5 and a fifth of the points taken from a target set too low.
var DefaultProjectRules = ProjectRules{Execution: 10, Output: 50, Benefit: 30, Satisfaction: 10, OverFactor: 1.5, OverDeduct: 0.2}

// Validate refuses weights that do not add up to 100 or are negative, a
// factor not above 1 and a deduction outside 0–100%.
func (r ProjectRules) Validate() domain.Problems {
	var ps domain.Problems
	ws := []float64{r.Execution, r.Output, r.Benefit, r.Satisfaction}
	sum := 0.0
	for _, w := range ws {
		if !finite(w) || w < 0 {
			ps = append(ps, domain.NewProblem("problem.project_rules.weight", "A dimension's points cannot be negative."))
			break
		}
		sum += w
	}
	if math.Abs(sum-100) > 1e-6 {
		ps = append(ps, domain.NewProblem("problem.project_rules.sum", "The points of budget execution, output, benefit and satisfaction add up to {{.Sum}}; they must add up to 100.", "Sum", num(sum)))
	}
	if !finite(r.OverFactor) || r.OverFactor <= 1 {
		ps = append(ps, domain.NewProblem("problem.project_rules.factor", "The factor beyond which a target counts as set too low must be above 1 (e.g. 1.5)."))
	}
	if !finite(r.OverDeduct) || r.OverDeduct < 0 || r.OverDeduct > 1 {
		ps = append(ps, domain.NewProblem("problem.project_rules.deduct", "The share of points taken from a target set too low must be between 0% and 100%."))
	}
	return ps
}

// Codes of the level-1 dimensions of a project's own scheme. Groups are
// <dimension>.<n> in the order of domain.TargetCategories, targets
// <group>.<row of the target table>, and the execution-rate indicator
// ExecutionRateCode.
const (
	ProjectOutputCode       = "1"
	ProjectBenefitCode      = "2"
	ProjectSatisfactionCode = "3"
	ProjectExecutionCode    = "4"
	ExecutionRateCode       = "4.1.1"
	// ExecutionRateName names the execution-rate indicator, which the
	// evaluation fills from monitoring.
	ExecutionRateName = "预算执行率"
)

// ProjectSchemeCode is the code of the scheme built for project id.
func ProjectSchemeCode(id int64) string { return "project-" + strconv.FormatInt(id, 10) }

// TargetCode is the indicator code of row pos (from 1) of a project's
// target table in category c.
func TargetCode(c domain.TargetCategory, pos int) string {
	return fmt.Sprintf("%s.%d", groupCode(c), pos)
}

func groupCode(c domain.TargetCategory) string {
	dim := ProjectSatisfactionCode
	switch c.Dimension() {
	case domain.DimOutput:
		dim = ProjectOutputCode
	case domain.DimBenefit:
		dim = ProjectBenefitCode
	}
	n := 0
	for _, o := range domain.TargetCategories {
		if o.Dimension() == c.Dimension() {
			n++
			if o == c {
				break
			}
		}
	}
	return fmt.Sprintf("%s.%d", dim, n)
}

// SchemeForProject builds the scheme a project is judged with: its own target
// table under output, benefit and satisfaction, and the budget execution
// rate. A dimension without targets is left out and its points go to the
// dimensions that have targets in proportion to theirs, so the whole stays
// 100; within a dimension the targets share its points equally (to the
// hundredth, largest remainder first). ok is false when the project has no
// output and no benefit target to judge it by.
func SchemeForProject(p domain.Project, r ProjectRules) (Scheme, bool) {
	byDim := map[domain.TargetDimension][]int{}
	for i, t := range p.Targets {
		byDim[t.Category.Dimension()] = append(byDim[t.Category.Dimension()], i)
	}
	if len(byDim[domain.DimOutput]) == 0 && len(byDim[domain.DimBenefit]) == 0 {
		return Scheme{}, false
	}
	dims := []domain.TargetDimension{domain.DimOutput, domain.DimBenefit, domain.DimSatisfaction}
	weights := map[domain.TargetDimension]float64{domain.DimOutput: r.Output, domain.DimBenefit: r.Benefit, domain.DimSatisfaction: r.Satisfaction}
	var present []int64
	for _, d := range dims {
		w := int64(0)
		if len(byDim[d]) > 0 {
			w = int64(math.Round(weights[d] * 100))
		}
		present = append(present, w)
	}
	share, err := money.Allocate(money.Amount(math.Round((100-r.Execution)*100)), present)
	if err != nil {
		return Scheme{}, false
	}
	s := Scheme{Code: ProjectSchemeCode(p.ID), Name: p.Name + " 绩效目标", NameEn: p.Name + " — performance targets",
		Kind: ProjectScheme, Total: 100, Origin: "财预〔2020〕10号；" + p.Code + " 项目绩效目标表"}
	names := [][2]string{{"产出指标", "Output"}, {"效益指标", "Benefit"}, {"满意度指标", "Satisfaction"}}
	codes := []string{ProjectOutputCode, ProjectBenefitCode, ProjectSatisfactionCode}
	for i, d := range dims {
		if len(byDim[d]) == 0 {
			continue
		}
		root := Node{Code: codes[i], Name: names[i][0], NameEn: names[i][1], Points: float64(share[i]) / 100}
		root.Children = targetGroups(p, byDim[d], share[i], r)
		s.Roots = append(s.Roots, root)
	}
	s.Roots = append(s.Roots, executionNode(r.Execution))
	return s, true
}

// targetGroups puts the targets rows (indexes into p.Targets) under their
// category groups, sharing hundredths of points equally.
func targetGroups(p domain.Project, rows []int, hundredths money.Amount, r ProjectRules) []Node {
	parts := money.AllocateEven(hundredths, len(rows))
	var groups []Node
	at := map[domain.TargetCategory]int{}
	for _, c := range domain.TargetCategories {
		for k, i := range rows {
			t := p.Targets[i]
			if t.Category != c {
				continue
			}
			g, ok := at[c]
			if !ok {
				g = len(groups)
				at[c] = g
				name, nameEn := c.GroupName()
				groups = append(groups, Node{Code: groupCode(c), Name: name, NameEn: nameEn})
			}
			pts := float64(parts[k]) / 100
			groups[g].Points += pts
			groups[g].Children = append(groups[g].Children, targetNode(t, i+1, pts, r))
		}
	}
	for i := range groups {
		groups[i].Points = Round2(groups[i].Points)
	}
	return groups
}

// targetNode is one target as an indicator scored by its direction.
func targetNode(t domain.Target, pos int, points float64, r ProjectRules) Node {
	in := Indicator{Code: TargetCode(t.Category, pos), Name: t.Indicator, Unit: t.Unit, TargetText: t.Value,
		Direction: Higher, Rule: Qualitative, Source: "项目绩效目标表"}
	v, _ := domain.TargetNumber(t.Value)
	switch t.Direction {
	case domain.DirHigher:
		in.Target, in.Rule = v, Proportional
		if v <= 0 {
			in.Rule = Threshold
		}
	case domain.DirLower:
		in.Direction, in.Target, in.Rule = Lower, v, Inverse
		if v <= 0 {
			in.Rule = Threshold
		}
	case domain.DirEqual:
		slack := math.Max(1e-6, math.Abs(v)*1e-9)
		in.Direction, in.Rule, in.Target, in.Low, in.High = InRange, Threshold, v, v-slack, v+slack
	}
	if in.Rule == Proportional || in.Rule == Inverse {
		in.OverFactor, in.OverDeduct = r.OverFactor, r.OverDeduct
	}
	return Node{Code: in.Code, Name: in.Name, Points: points, Indicator: &in}
}

// executionNode is the budget execution rate, filled from monitoring:
// executed ÷ full-year budget, full points at 100%.
func executionNode(points float64) Node {
	in := Indicator{Code: ExecutionRateCode, Name: ExecutionRateName, NameEn: "Budget execution rate", Unit: "%",
		Direction: Higher, Rule: Proportional, Target: 100, TargetText: "100", Source: "预算执行监控"}
	return Node{Code: ProjectExecutionCode, Name: ExecutionRateName, NameEn: "Budget execution", Points: points,
		Children: []Node{{Code: "4.1", Name: ExecutionRateName, NameEn: "Budget execution rate", Points: points,
			Children: []Node{{Code: in.Code, Name: in.Name, NameEn: in.NameEn, Points: points, Indicator: &in}}}}}
}

// TargetLabel is an indicator's target as the forms print it: the
// declared value with its direction (≥ 20000 人, ≤ 45 元/人, = 100 %, or
// the words of a qualitative target), else what the rule scores against.
// An indicator without a target to state (deduction, monitored) is "".
func TargetLabel(in Indicator) string {
	unit := ""
	if in.Unit != "" {
		unit = " " + in.Unit
	}
	if in.Rule == Qualitative || in.Direction == Monitor || in.Rule == Deduction {
		return in.TargetText
	}
	value := in.TargetText
	if value == "" {
		value = num(in.Target)
	}
	switch {
	case in.Direction == InRange && in.TargetText != "":
		return "= " + value + unit
	case in.Direction == InRange || in.Rule == LinearBand:
		return num(in.Low) + "–" + num(in.High) + unit
	case in.Direction == Lower:
		return "≤ " + value + unit
	}
	return "≥ " + value + unit
}
