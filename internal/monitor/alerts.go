package monitor

import (
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

// AlertKind says what needs attention.
type AlertKind string

const (
	AlertDeptBehind  AlertKind = "dept_behind"      // spending behind time progress
	AlertOverBudget  AlertKind = "line_over_budget" // spent more than the annual budget
	AlertUnbudgeted  AlertKind = "line_unbudgeted"  // spending on a line with no budget
	AlertProjectLags AlertKind = "project_lagging"  // a project's targets lag or are not reported
)

// Alert is one thing that needs attention, with where it leads.
type Alert struct {
	Kind     AlertKind
	Severity Status // amber or red
	DeptCode string
	Subject  string // subject code, for line alerts
	Project  int64  // project id, for project alerts
	// Text says what is wrong in the user's language (through i18n.Message).
	Text *domain.Problem
	// weight orders alerts of the same severity: the larger, the earlier.
	weight float64
}

func alerts(ex Execution) []Alert {
	var out []Alert
	if ex.Month == 0 {
		return nil
	}
	for _, d := range ex.Departments {
		e := d.Expenditure
		if e.Pace == Behind {
			sev := Amber
			if e.Status == Red {
				sev = Red
			}
			out = append(out, Alert{Kind: AlertDeptBehind, Severity: sev, DeptCode: d.Code, weight: 1 - e.Ratio,
				Text: domain.NewProblem("alert.dept_behind", "{{.Dept}} has spent {{.Rate}} of its budget at time progress {{.Progress}} (ratio {{.Ratio}}).",
					"Dept", d.Name, "Rate", pct(e.ExecutionRate()), "Progress", pct(ex.TimeProgress), "Ratio", fmt2(e.Ratio))})
		}
		for _, s := range d.Subjects {
			if s.Kind != domain.Expenditure {
				continue
			}
			switch {
			case s.Budget > 0 && s.Actual > s.Budget:
				out = append(out, Alert{Kind: AlertOverBudget, Severity: Red, DeptCode: d.Code, Subject: s.Code,
					weight: float64(s.Actual-s.Budget) / float64(s.Budget),
					Text: domain.NewProblem("alert.over_budget", "{{.Dept}} · {{.Subject}}: spent {{.Actual}}, over its annual budget {{.Budget}} by {{.Over}}.",
						"Dept", d.Name, "Subject", s.Code+" "+s.Name, "Actual", money.Format(s.Actual), "Budget", money.Format(s.Budget), "Over", money.Format(s.Actual-s.Budget))})
			case s.Budget == 0 && s.Actual > 0:
				out = append(out, Alert{Kind: AlertUnbudgeted, Severity: Amber, DeptCode: d.Code, Subject: s.Code, weight: float64(s.Actual),
					Text: domain.NewProblem("alert.unbudgeted", "{{.Dept}} · {{.Subject}}: spent {{.Actual}} without a budget.",
						"Dept", d.Name, "Subject", s.Code+" "+s.Name, "Actual", money.Format(s.Actual))})
			}
		}
	}
	sortAlerts(out)
	return out
}

func sortAlerts(a []Alert) {
	sort.SliceStable(a, func(i, j int) bool {
		if a[i].Severity != a[j].Severity {
			return a[i].Severity == Red
		}
		return a[i].weight > a[j].weight
	})
}

// Counts tells how many alerts of each kind there are.
func (ex Execution) Counts() map[AlertKind]int {
	out := map[AlertKind]int{}
	for _, a := range ex.Alerts {
		out[a.Kind]++
	}
	return out
}

// projectAlerts flags projects whose targets lag: a red target (red alert)
// or targets still unreported after the first quarter (amber).
func projectAlerts(projects []ProjectProgress) []Alert {
	var out []Alert
	for _, p := range projects {
		if !p.Lagging {
			continue
		}
		sev := Amber
		if p.Level == domain.LevelRed {
			sev = Red
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
		out = append(out, Alert{Kind: AlertProjectLags, Severity: sev, DeptCode: p.DeptCode, Project: p.ID, Text: text, weight: float64(len(red))})
	}
	return out
}
