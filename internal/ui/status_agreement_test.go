package ui

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/cli"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/monitor"
	"github.com/budgetperf/budgetperf/internal/report"
)

// unitStatus is what a surface shows for one unit ("" = the hospital):
// the words of its expenditure pace and status and of its revenue status.
type unitStatus struct{ Pace, Expenditure, Revenue string }

// Issue 16: for every department of the demo at every month-end, the
// dashboard, the Execution table, the execution report's data and
// `monitor --json` show the same pace and status, and the alerts list
// names every department the table shows red.
func TestOneStatusOnEverySurface(t *testing.T) {
	const year = 2026
	path := demoDB(t, year)
	s, _ := startApp(t, path, "zh")
	for m := 1; m <= 12; m++ {
		t.Run(strconv.Itoa(m), func(t *testing.T) {
			dash := dashboardStatuses(s, m)
			table, red := executionStatuses(s, m)
			cliStat, cliAlerts := cliStatuses(t, path, year, m)
			rows, err := report.ExecutionStatuses(s.ctx, s.svc, s.actor, year, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(dash) < 20 || len(dash) != len(cliStat) || len(rows) != len(cliStat) {
				t.Fatalf("dashboard %d units, monitor --json %d, report %d", len(dash), len(cliStat), len(rows))
			}
			for _, r := range rows {
				rep := unitStatus{r.Pace, r.Expenditure, r.Revenue}
				want := cliStat[r.Code]
				if rep != want {
					t.Errorf("unit %q: report %+v, monitor --json %+v", r.Code, rep, want)
				}
				if got := dash[r.Code]; got.Pace != want.Pace || got.Expenditure != want.Expenditure {
					t.Errorf("unit %q: dashboard %+v, monitor --json %+v", r.Code, got, want)
				}
				if got, ok := table[r.Code]; ok && (got.Expenditure != want.Expenditure || got.Revenue != want.Revenue) {
					t.Errorf("unit %q: Execution table %+v, monitor --json %+v", r.Code, got, want)
				}
			}
			if m == 9 && (red["103"] == "" || red["104"] == "") {
				t.Errorf("at September 儿科 and 新生儿科 are no longer red: %v", red)
			}
			alerted := map[string]string{}
			for _, a := range s.execution.alerts.items {
				alerted[a.DeptCode] += alertLine(a) + "\n"
			}
			for code, name := range red {
				if !strings.Contains(alerted[code], name) {
					t.Errorf("%s (%s) is red in the Execution table but not in the alerts list", name, code)
				}
				if !cliAlerts[code] {
					t.Errorf("%s (%s) is red but not among the alerts of monitor --json", name, code)
				}
			}
		})
	}
}

// dashboardStatuses reads the dashboard's department table at month m.
func dashboardStatuses(s *Shell, m int) map[string]unitStatus {
	d := s.dashboard
	d.month = m
	d.Refresh()
	out := map[string]unitStatus{}
	for r := 0; r <= len(d.table.rows); r++ {
		code := ""
		if r > 0 {
			code = d.table.rows[r-1].Code
		}
		pace, _, _ := d.table.cell(r, colPace)
		st, _, _ := d.table.cell(r, colStatus)
		out[code] = unitStatus{Pace: pace, Expenditure: st}
	}
	return out
}

// executionStatuses reads the Execution screen's department table at
// month m, expenditure then revenue, and the departments it shows red
// (code → name).
func executionStatuses(s *Shell, m int) (map[string]unitStatus, map[string]string) {
	e := s.execution
	e.monthChosen = m
	e.Refresh()
	e.goTo("", "")
	out := map[string]unitStatus{}
	red := map[string]string{}
	for _, kind := range []domain.SubjectKind{domain.Expenditure, domain.Revenue} {
		e.kindShown = kind
		e.show()
		for r := 0; r < e.table.rows; r++ {
			code := e.table.codes[r]
			st, _, imp := e.table.cells(r, len(figureHeader)-1)
			u := out[code]
			if kind == domain.Revenue {
				u.Revenue = st
			} else {
				u.Expenditure = st
			}
			out[code] = u
			if code != "" && imp == levelImportance(monitor.Red) {
				name, _, _ := e.table.cells(r, 1)
				red[code] = name
			}
		}
	}
	e.kindShown = domain.Expenditure
	e.show()
	return out, red
}

// cliStatuses runs `monitor --json` in-process at month m.
func cliStatuses(t *testing.T, path string, year, m int) (map[string]unitStatus, map[string]bool) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := []string{"--db", path, "--lang", "zh", "monitor", "--year", strconv.Itoa(year), "--month", strconv.Itoa(m), "--json"}
	if code := cli.Run(args, &stdout, &stderr, nil); code != cli.ExitOK {
		t.Fatalf("monitor: exit %d %s", code, stderr.String())
	}
	type measure struct {
		StatusText string `json:"status_text"`
	}
	var got struct {
		Total struct {
			measure
			PaceText string  `json:"pace_text"`
			Revenue  measure `json:"revenue"`
		} `json:"total"`
		Departments []struct {
			Code string `json:"code"`
			measure
			PaceText string  `json:"pace_text"`
			Revenue  measure `json:"revenue"`
		} `json:"departments"`
		Alerts []struct {
			Code string `json:"code"`
		} `json:"alerts"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	out := map[string]unitStatus{"": {got.Total.PaceText, got.Total.StatusText, got.Total.Revenue.StatusText}}
	for _, d := range got.Departments {
		out[d.Code] = unitStatus{d.PaceText, d.StatusText, d.Revenue.StatusText}
	}
	alerts := map[string]bool{}
	for _, a := range got.Alerts {
		alerts[a.Code] = true
	}
	return out, alerts
}

// The 预警 tab, as drawn, lists 儿科 and 新生儿科, which the Execution table
// marks red in September, with the status's own word.
func TestAlertsTabListsTheRedDepartments(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.win.Resize(fyne.NewSize(1400, 1000))
	s.openAlerts()
	e := s.execution
	e.monthChosen = 9
	e.Refresh()
	e.tabs.Select(e.alertTb)
	e.alerts.list.Refresh()
	shown := strings.Join(texts(e.alerts.root), "\n")
	for _, name := range []string{"儿科", "新生儿科", "超支预警"} {
		if !strings.Contains(shown, name) {
			t.Errorf("the alerts tab does not show %s:\n%s", name, shown)
		}
	}
}
