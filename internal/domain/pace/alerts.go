package pace

import (
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// AlertKind says what needs attention.
type AlertKind string

const (
	AlertDeptOverspent AlertKind = "dept_overspent"   // expenditure above plan beyond the band (超支预警)
	AlertDeptLagging   AlertKind = "dept_lagging"     // expenditure below plan beyond the band (滞后预警)
	AlertDeptShortfall AlertKind = "dept_shortfall"   // revenue below plan beyond the band (短收预警)
	AlertDeptBehind    AlertKind = "dept_behind"      // spending behind time progress, within the plan's bands
	AlertOverBudget    AlertKind = "line_over_budget" // spent more than the annual budget
	AlertUnbudgeted    AlertKind = "line_unbudgeted"  // spending on a line with no budget
	AlertProjectLags   AlertKind = "project_lagging"  // a project's targets lag or are not reported
)

// AlertKinds lists every kind.
var AlertKinds = []AlertKind{AlertDeptOverspent, AlertDeptLagging, AlertDeptShortfall, AlertDeptBehind, AlertOverBudget, AlertUnbudgeted, AlertProjectLags}

// statusKinds are the alerts raised by a department's status.
var statusKinds = map[Status]AlertKind{StatusOverspent: AlertDeptOverspent, StatusLagging: AlertDeptLagging, StatusShortfall: AlertDeptShortfall}

// Key is the translation key of the kind's word. A department's status
// alert and its pace alert use the status's and the pace's own word, so
// that 超支预警 or 慢于序时 reads the same in the table and the alerts.
func (k AlertKind) Key() string {
	for st, kind := range statusKinds {
		if kind == k {
			return st.Key()
		}
	}
	if k == AlertDeptBehind {
		return Behind.Key()
	}
	return "alert.kind." + string(k)
}

// Alert is one thing that needs attention, with where it leads.
type Alert struct {
	Kind     AlertKind
	Severity Level // amber or red
	DeptCode string
	Subject  string             // subject code, for line alerts
	Project  int64              // project id, for project alerts
	Of       domain.SubjectKind // revenue or expenditure, for department alerts
	// Text says what is wrong; i18n.Message puts it in the user's language.
	Text *domain.Problem
	// Weight orders alerts of the same severity: the larger, the earlier.
	Weight float64 `json:"-"`
}

// alerts lists every department whose status is an alert (red), every
// department behind time progress that is not already red, and the lines
// spent beyond or without a budget.
func alerts(ex Execution) []Alert {
	var out []Alert
	if ex.Month == 0 {
		return nil
	}
	for _, d := range ex.Departments {
		red := false
		for _, kind := range []domain.SubjectKind{domain.Expenditure, domain.Revenue} {
			if a, ok := statusAlert(ex, d, kind); ok {
				out = append(out, a)
				red = red || kind == domain.Expenditure
			}
		}
		if e := d.Expenditure; e.Pace == Behind && !red {
			out = append(out, Alert{Kind: AlertDeptBehind, Severity: Amber, DeptCode: d.Code, Of: domain.Expenditure, Weight: 1 - e.Ratio,
				Text: domain.NewProblem("alert.dept_behind", "{{.Dept}} has spent {{.Rate}} of its budget at time progress {{.Progress}} (ratio {{.Ratio}}).",
					"Dept", d.Name, "Rate", domain.Percent(e.ExecutionRate()), "Progress", domain.Percent(ex.TimeProgress), "Ratio", domain.Ratio(e.Ratio))})
		}
		out = append(out, lineAlerts(d)...)
	}
	SortAlerts(out)
	return out
}

// statusAlert is the alert of a department's figures of kind, when their
// status is one.
func statusAlert(ex Execution, d DeptRow, kind domain.SubjectKind) (Alert, bool) {
	f := d.Of(kind)
	ak, ok := statusKinds[f.Status]
	if !ok {
		return Alert{}, false
	}
	dev, hasPlan := f.Deviation()
	var devText any = "—" // no plan to deviate from
	if hasPlan {
		devText = domain.SignedPercent(dev)
	}
	weight := dev
	if weight < 0 {
		weight = -weight
	}
	if !hasPlan {
		weight = 1e9
	}
	return Alert{Kind: ak, Severity: f.Status.Level(), DeptCode: d.Code, Of: kind, Weight: weight,
		Text: domain.NewProblem("alert."+string(ak), statusAlertText[ak],
			"Dept", d.Name, "Actual", money.Format(f.Actual), "Plan", money.Format(f.PlanToDate), "Deviation", devText,
			"Band", domain.Percent(ex.Thresholds.AmberWithin))}, true
}

// statusAlertText are the English defaults of the status alerts.
var statusAlertText = map[AlertKind]string{
	AlertDeptOverspent: "{{.Dept}} has spent {{.Actual}} against a plan to date of {{.Plan}} ({{.Deviation}}), over plan by more than {{.Band}}.",
	AlertDeptLagging:   "{{.Dept}} has spent {{.Actual}} against a plan to date of {{.Plan}} ({{.Deviation}}), under plan by more than {{.Band}}.",
	AlertDeptShortfall: "{{.Dept}} has taken in {{.Actual}} against a plan to date of {{.Plan}} ({{.Deviation}}), short of plan by more than {{.Band}}.",
}

// lineAlerts flags a department's expenditure lines spent beyond their
// annual budget or without one.
func lineAlerts(d DeptRow) []Alert {
	var out []Alert
	for _, s := range d.Subjects {
		if s.Kind != domain.Expenditure {
			continue
		}
		switch {
		case s.Budget > 0 && s.Actual > s.Budget:
			out = append(out, Alert{Kind: AlertOverBudget, Severity: Red, DeptCode: d.Code, Subject: s.Code, Of: domain.Expenditure,
				Weight: float64(s.Actual-s.Budget) / float64(s.Budget),
				Text: domain.NewProblem("alert.over_budget", "{{.Dept}} · {{.Subject}}: spent {{.Actual}}, over its annual budget {{.Budget}} by {{.Over}}.",
					"Dept", d.Name, "Subject", s.Code+" "+s.Name, "Actual", money.Format(s.Actual), "Budget", money.Format(s.Budget), "Over", money.Format(s.Actual-s.Budget))})
		case s.Budget == 0 && s.Actual > 0:
			out = append(out, Alert{Kind: AlertUnbudgeted, Severity: Amber, DeptCode: d.Code, Subject: s.Code, Of: domain.Expenditure, Weight: float64(s.Actual),
				Text: domain.NewProblem("alert.unbudgeted", "{{.Dept}} · {{.Subject}}: spent {{.Actual}} without a budget.",
					"Dept", d.Name, "Subject", s.Code+" "+s.Name, "Actual", money.Format(s.Actual))})
		}
	}
	return out
}

// SortAlerts puts red before amber, then the larger weight first; stable,
// so equal alerts keep their order.
func SortAlerts(a []Alert) {
	sort.SliceStable(a, func(i, j int) bool {
		if a[i].Severity != a[j].Severity {
			return a[i].Severity == Red
		}
		return a[i].Weight > a[j].Weight
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
