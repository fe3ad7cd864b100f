package monitor

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/access"
	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// ProjectProgress is the "double monitoring" (双监控) of one project at the
// end of a month: its money (spending against budget and time progress)
// and the progress of each performance target.
type ProjectProgress struct {
	ID                             int64
	Year, Month                    int
	DeptCode, DeptName, DeptNameEn string
	Name                           string
	Type                           domain.ProjectType
	Budget                         money.Amount // the project amount
	Spent                          money.Amount // months 1..Month
	// MonthSpent is what was recorded for Month itself (MonthRecorded),
	// so that a screen can show it for correction.
	MonthSpent    money.Amount
	MonthRecorded bool
	SpendingRate  float64 // Spent ÷ Budget; 0 without a budget
	TimeProgress  float64
	Targets       []TargetProgress
	// Level is the most urgent target level: red > amber > not reported >
	// blue > green (domain.WorstLevel).
	Level domain.TargetLevel
	// Lagging: a target is red, or one is still unreported after the first
	// quarter.
	Lagging    bool
	Unreported int // targets with no value at or before Month
}

// TargetProgress is one target of a project at the end of a month.
type TargetProgress struct {
	Position int // the target's row in the project's table, from 1
	Target   domain.Target
	// Actual is the latest value reported at or before the month (the
	// year-to-date figure, or the current rate), reported for ActualMonth;
	// "" and 0 when nothing was reported yet.
	Actual      string
	ActualMonth int
	Note        string
	Assessment  domain.TargetAssessment
}

// ProjectProgress is the double monitoring of year's projects at the end of
// month (0 = the latest month with actuals), in department and project order.
func (s *Service) ProjectProgress(ctx context.Context, by domain.Actor, year, month int) ([]ProjectProgress, error) {
	if err := access.Check(by, access.Read, ""); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) {
		return nil, domain.YearProblem(year)
	}
	month, err := s.resolveMonth(ctx, year, month)
	if err != nil {
		return nil, err
	}
	projects, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return nil, err
	}
	values, err := s.st.TargetValues(ctx, year)
	if err != nil {
		return nil, err
	}
	spending, err := s.st.ProjectSpending(ctx, year)
	if err != nil {
		return nil, err
	}
	return BuildProjectProgress(year, month, projects, depts, values, spending), nil
}

// BuildProjectProgress computes the progress of projects at the end of month
// from the stored values and spending.
func BuildProjectProgress(year, month int, projects []domain.Project, depts []domain.Department,
	values []store.TargetValue, spending []store.ProjectSpend) []ProjectProgress {
	deptByCode := make(map[string]domain.Department, len(depts))
	for _, d := range depts {
		deptByCode[d.Code] = d
	}
	type key struct {
		project  int64
		position int
	}
	latest := map[key]store.TargetValue{}
	for _, v := range values {
		k := key{v.ProjectID, v.Position}
		if v.Month <= month && v.Month > latest[k].Month {
			latest[k] = v
		}
	}
	out := make([]ProjectProgress, 0, len(projects))
	for _, p := range projects {
		d := deptByCode[p.DeptCode]
		pp := ProjectProgress{ID: p.ID, Year: year, Month: month, DeptCode: p.DeptCode, DeptName: d.Name, DeptNameEn: d.NameEn,
			Name: p.Name, Type: p.Type, Budget: p.Amount, TimeProgress: TimeProgress(month)}
		for _, sp := range spending {
			if sp.ProjectID != p.ID || sp.Month > month {
				continue
			}
			pp.Spent = pp.Spent.Add(sp.Amount)
			if sp.Month == month {
				pp.MonthSpent, pp.MonthRecorded = sp.Amount, true
			}
		}
		if p.Amount != 0 {
			pp.SpendingRate = float64(pp.Spent) / float64(p.Amount)
		}
		levels := make([]domain.TargetLevel, 0, len(p.Targets))
		for i, t := range p.Targets {
			v := latest[key{p.ID, i + 1}]
			tp := TargetProgress{Position: i + 1, Target: t, Actual: v.Value, ActualMonth: v.Month, Note: v.Note,
				Assessment: domain.AssessTarget(t, v.Value, month)}
			pp.Targets = append(pp.Targets, tp)
			levels = append(levels, tp.Assessment.Level)
			if !tp.Assessment.Reported {
				pp.Unreported++
			}
			if tp.Assessment.Level == domain.LevelRed || tp.Assessment.Overdue(month) {
				pp.Lagging = true
			}
		}
		pp.Level = domain.WorstLevel(levels...)
		out = append(out, pp)
	}
	return out
}

// TargetEntry is the value of one target for a month as typed; an empty
// Value clears what was reported.
type TargetEntry struct {
	Position    int
	Value, Note string
}

// maxNote is the longest note kept with a value, in characters.
const maxNote = 200

// RecordTargetValue records the value of target position of a project at
// the end of month: the year-to-date figure for quantities, the current
// rate for rates, or achieved/partly/not (达成/部分/未达成) for qualitative
// targets. An empty value clears the month's report.
func (s *Service) RecordTargetValue(ctx context.Context, by domain.Actor, projectID int64, position, month int, value, note string) error {
	return s.RecordTargetValues(ctx, by, projectID, month, []TargetEntry{{Position: position, Value: value, Note: note}})
}

// RecordTargetValues records several targets of one project for month in
// one transaction; every problem is reported and then nothing is written.
// A department head records only for their own departments' projects. The
// old and new value and note of each target are recorded in the audit trail.
func (s *Service) RecordTargetValues(ctx context.Context, by domain.Actor, projectID int64, month int, entries []TargetEntry) error {
	if err := checkRecordRole(by); err != nil {
		return err
	}
	if month < 1 || month > 12 {
		return monthProblem(month)
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		p, err := existingProject(ctx, tx.Q, projectID)
		if err != nil {
			return err
		}
		if err := access.Check(by, access.TargetsRecord, p.DeptCode); err != nil {
			return err
		}
		var probs domain.Problems
		for _, e := range entries {
			if e.Position < 1 || e.Position > len(p.Targets) {
				probs = append(probs, domain.NewProblem("problem.progress.position",
					"Project \"{{.Project}}\" has no target row {{.Position}}; its table has {{.Count}} rows. Reload the list: the table may have been changed meanwhile.",
					"Project", p.Name, "Position", e.Position, "Count", len(p.Targets)))
				continue
			}
			if pr := entryProblem(p.Targets[e.Position-1], strings.TrimSpace(e.Value), e.Note); pr != nil {
				probs = append(probs, pr)
			}
		}
		if len(probs) > 0 {
			return probs
		}
		var trail []audit.Entry
		for _, e := range entries {
			v := store.TargetValue{ProjectID: projectID, Position: e.Position, Month: month,
				Value: strings.TrimSpace(e.Value), Note: strings.TrimSpace(e.Note)}
			old, _, err := tx.TargetValueAt(ctx, projectID, e.Position, month)
			if err != nil {
				return err
			}
			if v.Value == "" {
				v.Note = "" // clearing the report clears its note
				err = tx.DeleteTargetValue(ctx, projectID, e.Position, month)
			} else {
				err = tx.SaveTargetValue(ctx, by, v)
			}
			if err != nil {
				return err
			}
			trail = append(trail, targetValueTrail(p.Year, old, v, "")...)
		}
		return tx.AppendAudit(ctx, by.Login, trail...)
	})
}

// checkRecordRole refuses roles that may not record target values or
// spending for any department, before anything is read; the project's own
// department is checked once the project is read.
func checkRecordRole(by domain.Actor) error {
	return access.CheckEach(by, access.TargetsRecord, nil)
}

// targetValueKey is the audit key of one target's value for a month:
// YEAR/project ID/position/month.
func targetValueKey(year int, v store.TargetValue) string {
	return fmt.Sprintf("%d/%d/%d/%d", year, v.ProjectID, v.Position, v.Month)
}

// targetValueTrail is the audit trail of replacing old with v (either may
// be empty: nothing reported before, or the report cleared).
func targetValueTrail(year int, old, v store.TargetValue, reason string) []audit.Entry {
	var out []audit.Entry
	k := targetValueKey(year, v)
	if e, ok := audit.Change(audit.EntityTargetValue, k, "value", old.Value, v.Value, reason); ok {
		out = append(out, e)
	}
	if e, ok := audit.Change(audit.EntityTargetValue, k, "note", old.Note, v.Note, reason); ok {
		out = append(out, e)
	}
	return out
}

// entryFault is what is wrong with a typed value, if anything.
type entryFault int

const (
	faultNone entryFault = iota
	faultNote
	faultWords
	faultNumber
)

// checkEntry checks a typed value against its target: a number for
// quantitative targets, an achievement word for qualitative ones.
func checkEntry(t domain.Target, value, note string) entryFault {
	switch {
	case utf8.RuneCountInString(strings.TrimSpace(note)) > maxNote:
		return faultNote
	case value == "":
		return faultNone
	case t.Direction == domain.DirQualitative:
		if _, ok := domain.ParseAchievement(value); !ok {
			return faultWords
		}
	default:
		if _, ok := domain.TargetNumber(value); !ok {
			return faultNumber
		}
	}
	return faultNone
}

// entryProblem explains checkEntry's fault to the person typing.
func entryProblem(t domain.Target, value, note string) *domain.Problem {
	switch checkEntry(t, value, note) {
	case faultNote:
		return domain.NewProblem("problem.progress.note_long", "The note on \"{{.Indicator}}\" is longer than {{.Max}} characters; shorten it.",
			"Indicator", t.Indicator, "Max", maxNote)
	case faultWords:
		return domain.NewProblem("problem.progress.words",
			"\"{{.Indicator}}\" is a qualitative target: write 达成, 部分 or 未达成 (achieved, partly or not), not \"{{.Value}}\".",
			"Indicator", t.Indicator, "Value", value)
	case faultNumber:
		return domain.NewProblem("problem.progress.number",
			"\"{{.Value}}\" is not a number for \"{{.Indicator}}\": write the figure to date or the current rate, such as 1,200 or 95%.",
			"Indicator", t.Indicator, "Value", value)
	}
	return nil
}

// cellEntryProblem explains checkEntry's fault with the workbook cell.
func cellEntryProblem(t domain.Target, r xlsximport.TargetValueRow) *domain.Problem {
	switch checkEntry(t, r.Value, r.Note) {
	case faultNote:
		return domain.NewProblem("problem.progress.import_note_long", "{{.Sheet}}!{{.Cell}}: the note is longer than {{.Max}} characters; shorten it.",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Max", maxNote)
	case faultWords:
		return domain.NewProblem("problem.progress.import_words",
			"{{.Sheet}}!{{.Cell}}: \"{{.Indicator}}\" is a qualitative target: write 达成, 部分 or 未达成 (achieved, partly or not), not \"{{.Value}}\".",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Indicator", t.Indicator, "Value", r.Value)
	case faultNumber:
		return domain.NewProblem("problem.progress.import_number",
			"{{.Sheet}}!{{.Cell}}: \"{{.Value}}\" is not a number for \"{{.Indicator}}\": write the figure to date or the current rate, such as 1,200 or 95%.",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Indicator", t.Indicator, "Value", r.Value)
	}
	return nil
}

// maxMonthSpending bounds one month's project spending (¥1 trillion
// either way): far beyond any hospital project, and small enough that
// twelve months always add up without overflowing.
const maxMonthSpending = money.Amount(100_000_000_000_000)

// RecordProjectSpending records what a project spent in month (that month
// alone), replacing the month's earlier figure. A negative amount is a
// month whose refunds exceed its payments.
//
// A department head records only for their own departments' projects; the
// month's old and new figure are recorded in the audit trail (entity
// project, key YEAR/DEPT/project/ID as budgeting records the project,
// field spending.MONTH).
func (s *Service) RecordProjectSpending(ctx context.Context, by domain.Actor, projectID int64, month int, amount money.Amount) error {
	if err := checkRecordRole(by); err != nil {
		return err
	}
	if month < 1 || month > 12 {
		return monthProblem(month)
	}
	if amount > maxMonthSpending || amount < -maxMonthSpending {
		return domain.NewProblem("problem.progress.spending_large",
			"{{.Amount}} yuan is more than a project can spend in one month: check the figure and its unit (元 or 万元).",
			"Amount", money.FormatPlain(amount))
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		p, err := existingProject(ctx, tx.Q, projectID)
		if err != nil {
			return err
		}
		if err := access.Check(by, access.TargetsRecord, p.DeptCode); err != nil {
			return err
		}
		before, recorded, err := tx.ProjectSpendingAt(ctx, projectID, month)
		if err != nil {
			return err
		}
		if err := tx.SaveProjectSpending(ctx, by, projectID, month, amount); err != nil {
			return err
		}
		old := ""
		if recorded {
			old = before.String()
		}
		key := fmt.Sprintf("%d/%s/project/%d", p.Year, p.DeptCode, p.ID)
		if e, ok := audit.Change(audit.EntityProject, key, fmt.Sprintf("spending.%d", month), old, amount.String(), ""); ok {
			return tx.AppendAudit(ctx, by.Login, e)
		}
		return nil
	})
}

// existingProject reads project id, with a problem the user can act on
// when someone else deleted it meanwhile.
func existingProject(ctx context.Context, q store.Q, id int64) (domain.Project, error) {
	p, err := q.Project(ctx, id)
	if store.IsNotFound(err) {
		return p, domain.NewProblem("problem.project.not_found", "Project {{.ID}} no longer exists; it may have been deleted meanwhile. Reload the list.", "ID", id)
	}
	return p, err
}

// ImportTargetValues reads a workbook of target values (项目名称, 指标名称,
// 月份, 实际值, optional 科室 and 说明; or a column per month) and records
// them for year's projects in one transaction. Projects are matched by name
// (and department when the workbook gives one), targets by indicator name.
// Every problem is reported with its cell, and then nothing is written.
// It returns how many values were recorded.
//
// A department head imports only values of their own departments'
// projects; each value's old and new value is recorded in the audit trail.
func (s *Service) ImportTargetValues(ctx context.Context, by domain.Actor, year int, path string) (int, error) {
	if err := checkRecordRole(by); err != nil {
		return 0, err
	}
	if !domain.ValidYear(year) {
		return 0, domain.YearProblem(year)
	}
	res, readErr := xlsximport.ReadTargetValues(path, year)
	probs := domain.AsProblems(readErr)
	if readErr != nil && probs == nil {
		return 0, readErr
	}
	n := 0
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		projects, err := tx.Projects(ctx, year, "")
		if err != nil {
			return err
		}
		depts, err := tx.Departments(ctx)
		if err != nil {
			return err
		}
		values, mprobs := matchTargetRows(year, res.Rows, projects, depts)
		probs = append(probs, mprobs...)
		if len(probs) == 0 && len(values) == 0 {
			probs = append(probs, domain.NewProblem("problem.progress.import_empty",
				"The workbook holds no actual values: fill in the 实际值 (actual value) column or the month columns and import it again."))
		}
		if len(probs) > 0 {
			return probs
		}
		if err := checkProjectsOwned(by, values, projects); err != nil {
			return err
		}
		before, err := tx.TargetValues(ctx, year)
		if err != nil {
			return err
		}
		type slot struct {
			project         int64
			position, month int
		}
		old := make(map[slot]store.TargetValue, len(before))
		for _, v := range before {
			old[slot{v.ProjectID, v.Position, v.Month}] = v
		}
		reason := "import " + filepath.Base(path)
		var trail []audit.Entry
		for _, v := range values {
			if err := tx.SaveTargetValue(ctx, by, v); err != nil {
				return err
			}
			trail = append(trail, targetValueTrail(year, old[slot{v.ProjectID, v.Position, v.Month}], v, reason)...)
		}
		n = len(values)
		return tx.AppendAudit(ctx, by.Login, trail...)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// checkProjectsOwned refuses an import with values of a project of a
// department that by may not record for.
func checkProjectsOwned(by domain.Actor, values []store.TargetValue, projects []domain.Project) error {
	dept := make(map[int64]string, len(projects))
	for _, p := range projects {
		dept[p.ID] = p.DeptCode
	}
	checked := map[string]bool{}
	for _, v := range values {
		d := dept[v.ProjectID]
		if checked[d] {
			continue
		}
		checked[d] = true
		if err := access.Check(by, access.TargetsRecord, d); err != nil {
			return err
		}
	}
	return nil
}

// matchTargetRows finds the project and target of every row and checks its
// value, returning the values to record and the problems, each with its cell.
func matchTargetRows(year int, rows []xlsximport.TargetValueRow, projects []domain.Project, depts []domain.Department) ([]store.TargetValue, domain.Problems) {
	byName := map[string][]domain.Project{}
	for _, p := range projects {
		byName[nameKey(p.Name)] = append(byName[nameKey(p.Name)], p)
	}
	deptCode := map[string]string{}
	for _, d := range depts {
		for _, n := range []string{d.Code, d.Name, d.NameEn} {
			if n != "" {
				deptCode[nameKey(n)] = d.Code
			}
		}
	}
	type key struct {
		project         int64
		position, month int
	}
	seen := map[key]string{}
	var out []store.TargetValue
	var probs domain.Problems
	for _, r := range rows {
		cands := byName[nameKey(r.Project)]
		if len(cands) == 0 {
			probs = append(probs, domain.NewProblem("problem.progress.unknown_project",
				"{{.Sheet}}!{{.Cell}}: there is no {{.Year}} project named \"{{.Name}}\"; write the name exactly as in Budget preparation.",
				"Sheet", r.Sheet, "Cell", r.ProjectCell, "Year", year, "Name", r.Project))
			continue
		}
		if r.Dept != "" {
			code, ok := deptCode[nameKey(r.Dept)]
			if !ok {
				probs = append(probs, domain.NewProblem("problem.progress.unknown_dept",
					"{{.Sheet}}!{{.Cell}}: there is no department \"{{.Dept}}\".", "Sheet", r.Sheet, "Cell", r.DeptCell, "Dept", r.Dept))
				continue
			}
			var inDept []domain.Project
			for _, p := range cands {
				if p.DeptCode == code {
					inDept = append(inDept, p)
				}
			}
			if len(inDept) == 0 {
				probs = append(probs, domain.NewProblem("problem.progress.other_dept",
					"{{.Sheet}}!{{.Cell}}: project \"{{.Name}}\" belongs to department {{.Owner}}, not to \"{{.Dept}}\".",
					"Sheet", r.Sheet, "Cell", r.DeptCell, "Name", r.Project, "Owner", cands[0].DeptCode, "Dept", r.Dept))
				continue
			}
			cands = inDept
		}
		if len(cands) > 1 {
			probs = append(probs, domain.NewProblem("problem.progress.ambiguous_project",
				"{{.Sheet}}!{{.Cell}}: {{.Count}} projects of {{.Year}} are named \"{{.Name}}\"; add a 科室 (department) column to say which.",
				"Sheet", r.Sheet, "Cell", r.ProjectCell, "Count", len(cands), "Year", year, "Name", r.Project))
			continue
		}
		p := cands[0]
		var positions []int
		names := make([]string, len(p.Targets))
		for i, t := range p.Targets {
			names[i] = t.Indicator
			if nameKey(t.Indicator) == nameKey(r.Indicator) {
				positions = append(positions, i+1)
			}
		}
		switch {
		case len(positions) == 0:
			probs = append(probs, domain.NewProblem("problem.progress.unknown_indicator",
				"{{.Sheet}}!{{.Cell}}: project \"{{.Project}}\" has no target \"{{.Indicator}}\"; its targets are: {{.Targets}}.",
				"Sheet", r.Sheet, "Cell", r.IndicatorCell, "Project", p.Name, "Indicator", r.Indicator, "Targets", strings.Join(names, "、")))
			continue
		case len(positions) > 1:
			probs = append(probs, domain.NewProblem("problem.progress.ambiguous_indicator",
				"{{.Sheet}}!{{.Cell}}: project \"{{.Project}}\" has {{.Count}} targets named \"{{.Indicator}}\"; enter this value on the project's targets screen instead.",
				"Sheet", r.Sheet, "Cell", r.IndicatorCell, "Project", p.Name, "Count", len(positions), "Indicator", r.Indicator))
			continue
		}
		if pr := cellEntryProblem(p.Targets[positions[0]-1], r); pr != nil {
			probs = append(probs, pr)
			continue
		}
		k := key{p.ID, positions[0], r.Month}
		if other, dup := seen[k]; dup {
			probs = append(probs, domain.NewProblem("problem.progress.duplicate",
				"{{.Sheet}}!{{.Cell}}: the month {{.Month}} value of \"{{.Indicator}}\" of \"{{.Project}}\" is also given at {{.Other}}; keep one.",
				"Sheet", r.Sheet, "Cell", r.ValueCell, "Month", r.Month, "Indicator", r.Indicator, "Project", p.Name, "Other", other))
			continue
		}
		seen[k] = r.Sheet + "!" + r.ValueCell
		out = append(out, store.TargetValue{ProjectID: p.ID, Position: positions[0], Month: r.Month, Value: r.Value, Note: r.Note})
	}
	return out, probs
}

// nameKey is a name as compared between a workbook and the database:
// without spaces, with full-width brackets as ASCII ones, ASCII lower-case.
func nameKey(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "　", "").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}
