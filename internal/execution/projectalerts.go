package execution

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
)

// projectAlerts flags projects whose targets lag: a red target (red alert)
// or targets still unreported after the first quarter (amber).
func projectAlerts(projects []ProjectProgress) []pace.Alert {
	var out []pace.Alert
	for _, p := range projects {
		if !p.Lagging {
			continue
		}
		sev := pace.Amber
		if p.Level == domain.LevelRed {
			sev = pace.Red
		}
		var red []string
		for _, t := range p.Targets {
			if t.Assessment.Level == domain.LevelRed {
				red = append(red, t.Target.Indicator)
			}
		}
		text := domain.NewProblem("alert.project_unreported", "{{.Dept}} · {{.Project}}: {{.Count}} targets have no value reported yet.",
			"Dept", p.DeptName, "Project", p.Name, "Count", p.Unreported)
		if len(red) > 0 {
			text = domain.NewProblem("alert.project_lagging", "{{.Dept}} · {{.Project}}: targets behind what the month expects: {{.Targets}}.",
				"Dept", p.DeptName, "Project", p.Name, "Targets", strings.Join(red, "、"))
		}
		out = append(out, pace.Alert{Kind: pace.AlertProjectLags, Severity: sev, DeptCode: p.DeptCode, Project: p.ID, Text: text, Weight: float64(len(red))})
	}
	return out
}
