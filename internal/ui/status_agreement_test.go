package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/cli"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/report"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// unitStatus is what a surface shows for one unit ("" = the hospital):
// the words of its expenditure pace and status and of its revenue status.
type unitStatus struct{ Pace, Expenditure, Revenue string }

// Issue 16: for every department of the demo at every month-end with
// actuals — all twelve of 2025, January to September of 2026 (later
// month-ends are refused) — the dashboard, the Execution table, the
// execution report's data and `monitor --json` show the same pace and
// status, the rate charts colour each bar by that status's level, and
// the alerts list names every department the table shows red.
func TestOneStatusOnEverySurface(t *testing.T) {
	path := demoDB(t, 2026)
	s, _ := startApp(t, path, "zh")
	for _, y := range []struct{ year, latest int }{{2025, 12}, {2026, 9}} {
		s.year = y.year
		latest, err := s.svc.Execution.LatestMonth(s.ctx, s.actor, y.year)
		if err != nil || latest != y.latest {
			t.Fatalf("%d: actuals through %d (%v), want %d", y.year, latest, err, y.latest)
		}
		for m := 1; m <= latest; m++ {
			t.Run(fmt.Sprintf("%d-%02d", y.year, m), func(t *testing.T) { checkOneStatus(t, s, path, y.year, m) })
		}
	}
}

// checkOneStatus compares every surface at month-end m of year.
func checkOneStatus(t *testing.T, s *Shell, path string, year, m int) {
	dash, dashLevels := dashboardStatuses(s, m)
	table, red := executionStatuses(s, m)
	cliStat, cliAlerts, cliLevels := cliStatuses(t, path, year, m)
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
		if rep != want || r.ExpenditureLevel != cliLevels[r.Code] {
			t.Errorf("unit %q: report %+v %s, monitor --json %+v %s", r.Code, rep, r.ExpenditureLevel, want, cliLevels[r.Code])
		}
		if got := dash[r.Code]; got.Pace != want.Pace || got.Expenditure != want.Expenditure {
			t.Errorf("unit %q: dashboard %+v, monitor --json %+v", r.Code, got, want)
		}
		if got, ok := table[r.Code]; ok && (got.Expenditure != want.Expenditure || got.Revenue != want.Revenue) {
			t.Errorf("unit %q: Execution table %+v, monitor --json %+v", r.Code, got, want)
		}
	}
	for code, imp := range dashLevels {
		if imp != kit.LevelImportance(cliLevels[code]) {
			t.Errorf("unit %q: dashboard status coloured %v, its level is %s", code, imp, cliLevels[code])
		}
	}
	checkBarLevels(t, "dashboard", s.dashboard.byDept, s.dashboard.ratedDepartments(), cliLevels)
	checkBarLevels(t, "Execution", s.execution.rate, s.dashboard.ratedDepartments(), cliLevels)
	if year == 2026 && m == 9 && (red["103"] == "" || red["104"] == "") {
		t.Errorf("at September 儿科 and 新生儿科 are no longer red: %v", red)
	}
	alerted := map[string]string{}
	for _, a := range s.execution.alerts.Items() {
		alerted[a.DeptCode] += kit.AlertLine(a) + "\n"
	}
	for code, name := range red {
		if !strings.Contains(alerted[code], name) {
			t.Errorf("%s (%s) is red in the Execution table but not in the alerts list", name, code)
		}
		if !cliAlerts[code] {
			t.Errorf("%s (%s) is red but not among the alerts of monitor --json", name, code)
		}
	}
}

// checkBarLevels checks that each bar of a rate chart (one per code, in
// order) has the level of its department's status in monitor --json.
func checkBarLevels(t *testing.T, where string, v *kit.ChartView, codes []string, levels map[string]pace.Level) {
	t.Helper()
	c := v.Chart()
	if len(c.Levels) != len(codes) || len(c.Category) != len(codes) {
		t.Fatalf("%s rate chart: %d bars, %d levels, %d departments", where, len(c.Category), len(c.Levels), len(codes))
	}
	for i, code := range codes {
		if want := levels[code].BandLevel(); c.Levels[i] != want {
			t.Errorf("%s rate chart: bar %s (%s) level %d, its status is %s (%d)", where, c.Category[i], code, c.Levels[i], levels[code], want)
		}
	}
}

// dashboardStatuses reads the dashboard's department table at month m,
// and how each unit's status is coloured. A pace is never red.
func dashboardStatuses(s *Shell, m int) (map[string]unitStatus, map[string]widget.Importance) {
	d := s.dashboard
	d.month = m
	d.Refresh()
	out := map[string]unitStatus{}
	imps := map[string]widget.Importance{}
	for r := 0; r <= len(d.table.rows); r++ {
		code := ""
		if r > 0 {
			code = d.table.rows[r-1].Code
		}
		pace, _, paceImp := d.table.cell(r, colPace)
		st, _, imp := d.table.cell(r, colStatus)
		out[code] = unitStatus{Pace: pace, Expenditure: st}
		imps[code] = imp
		if paceImp == widget.DangerImportance {
			imps[code] = -1 // never a level's colour: reported as a mismatch
		}
	}
	return out, imps
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
			if code != "" && imp == kit.LevelImportance(pace.Red) {
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
func cliStatuses(t *testing.T, path string, year, m int) (map[string]unitStatus, map[string]bool, map[string]pace.Level) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := []string{"--db", path, "--lang", "zh", "monitor", "--year", strconv.Itoa(year), "--month", strconv.Itoa(m), "--json"}
	if code := cli.Run(args, &stdout, &stderr, nil); code != cli.ExitOK {
		t.Fatalf("monitor: exit %d %s", code, stderr.String())
	}
	type measure struct {
		StatusText string `json:"status_text"`
		Level      string `json:"level"`
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
	levels := map[string]pace.Level{"": pace.Level(got.Total.Level)}
	for _, d := range got.Departments {
		out[d.Code] = unitStatus{d.PaceText, d.StatusText, d.Revenue.StatusText}
		levels[d.Code] = pace.Level(d.Level)
	}
	alerts := map[string]bool{}
	for _, a := range got.Alerts {
		alerts[a.Code] = true
	}
	return out, alerts, levels
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
	e.alerts.List.Refresh()
	shown := strings.Join(texts(e.alerts.Root), "\n")
	for _, name := range []string{"儿科", "新生儿科", "超支预警"} {
		if !strings.Contains(shown, name) {
			t.Errorf("the alerts tab does not show %s:\n%s", name, shown)
		}
	}
}
