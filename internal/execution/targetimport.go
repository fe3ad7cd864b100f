package execution

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

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
	if err := inputfile.Check(path); err != nil {
		return 0, err
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
		var trail []logbook.Entry
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
		if err := permission.Check(by, permission.TargetsRecord, d); err != nil {
			return err
		}
	}
	return nil
}

// matchTargetRows finds the project and target of every row and checks its
// value, returning the values to record and the problems, each with its cell.
func matchTargetRows(year int, rows []xlsximport.TargetValueRow, projects []domain.Project, depts []domain.Department) ([]store.TargetValue, domain.Problems) {
	m := newTargetMatcher(year, projects, depts)
	type key struct {
		project         int64
		position, month int
	}
	seen := map[key]string{}
	var out []store.TargetValue
	var probs domain.Problems
	for _, r := range rows {
		p, pr := m.project(r)
		if pr != nil {
			probs = append(probs, pr)
			continue
		}
		position, pr := m.position(p, r)
		if pr != nil {
			probs = append(probs, pr)
			continue
		}
		if pr := cellEntryProblem(p.Targets[position-1], r); pr != nil {
			probs = append(probs, pr)
			continue
		}
		k := key{p.ID, position, r.Month}
		if other, dup := seen[k]; dup {
			probs = append(probs, domain.NewProblem("problem.progress.duplicate",
				"{{.Sheet}}!{{.Cell}}: the month {{.Month}} value of \"{{.Indicator}}\" of \"{{.Project}}\" is also given at {{.Other}}; keep one.",
				"Sheet", r.Sheet, "Cell", r.ValueCell, "Month", r.Month, "Indicator", r.Indicator, "Project", p.Name, "Other", other))
			continue
		}
		seen[k] = r.Sheet + "!" + r.ValueCell
		out = append(out, store.TargetValue{ProjectID: p.ID, Position: position, Month: r.Month, Value: r.Value, Note: r.Note})
	}
	return out, probs
}

// targetMatcher finds the project and target a workbook row names, the
// names compared as nameKey does.
type targetMatcher struct {
	year     int
	byName   map[string][]domain.Project
	deptCode map[string]string // code, name or English name → code
}

func newTargetMatcher(year int, projects []domain.Project, depts []domain.Department) *targetMatcher {
	m := &targetMatcher{year: year, byName: map[string][]domain.Project{}, deptCode: map[string]string{}}
	for _, p := range projects {
		m.byName[nameKey(p.Name)] = append(m.byName[nameKey(p.Name)], p)
	}
	for _, d := range depts {
		for _, n := range []string{d.Code, d.Name, d.NameEn} {
			if n != "" {
				m.deptCode[nameKey(n)] = d.Code
			}
		}
	}
	return m
}

// project is the one project of the year named on row r, narrowed to the
// row's department when it gives one.
func (m *targetMatcher) project(r xlsximport.TargetValueRow) (domain.Project, *domain.Problem) {
	cands := m.byName[nameKey(r.Project)]
	if len(cands) == 0 {
		return domain.Project{}, domain.NewProblem("problem.progress.unknown_project",
			"{{.Sheet}}!{{.Cell}}: there is no {{.Year}} project named \"{{.Name}}\"; write the name exactly as in Budget preparation.",
			"Sheet", r.Sheet, "Cell", r.ProjectCell, "Year", m.year, "Name", r.Project)
	}
	if r.Dept != "" {
		code, ok := m.deptCode[nameKey(r.Dept)]
		if !ok {
			return domain.Project{}, domain.NewProblem("problem.progress.unknown_dept",
				"{{.Sheet}}!{{.Cell}}: there is no department \"{{.Dept}}\".", "Sheet", r.Sheet, "Cell", r.DeptCell, "Dept", r.Dept)
		}
		var inDept []domain.Project
		for _, p := range cands {
			if p.DeptCode == code {
				inDept = append(inDept, p)
			}
		}
		if len(inDept) == 0 {
			return domain.Project{}, domain.NewProblem("problem.progress.other_dept",
				"{{.Sheet}}!{{.Cell}}: project \"{{.Name}}\" belongs to department {{.Owner}}, not to \"{{.Dept}}\".",
				"Sheet", r.Sheet, "Cell", r.DeptCell, "Name", r.Project, "Owner", cands[0].DeptCode, "Dept", r.Dept)
		}
		cands = inDept
	}
	if len(cands) > 1 {
		return domain.Project{}, domain.NewProblem("problem.progress.ambiguous_project",
			"{{.Sheet}}!{{.Cell}}: {{.Count}} projects of {{.Year}} are named \"{{.Name}}\"; add a 科室 (department) column to say which.",
			"Sheet", r.Sheet, "Cell", r.ProjectCell, "Count", len(cands), "Year", m.year, "Name", r.Project)
	}
	return cands[0], nil
}

// position is the 1-based position of the one target of p that row r
// names.
func (m *targetMatcher) position(p domain.Project, r xlsximport.TargetValueRow) (int, *domain.Problem) {
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
		return 0, domain.NewProblem("problem.progress.unknown_indicator",
			"{{.Sheet}}!{{.Cell}}: project \"{{.Project}}\" has no target \"{{.Indicator}}\"; its targets are: {{.Targets}}.",
			"Sheet", r.Sheet, "Cell", r.IndicatorCell, "Project", p.Name, "Indicator", r.Indicator, "Targets", strings.Join(names, "、"))
	case len(positions) > 1:
		return 0, domain.NewProblem("problem.progress.ambiguous_indicator",
			"{{.Sheet}}!{{.Cell}}: project \"{{.Project}}\" has {{.Count}} targets named \"{{.Indicator}}\"; enter this value on the project's targets screen instead.",
			"Sheet", r.Sheet, "Cell", r.IndicatorCell, "Project", p.Name, "Count", len(positions), "Indicator", r.Indicator)
	}
	return positions[0], nil
}

// nameKey is a name as compared between a workbook and the database:
// without spaces, with full-width brackets as ASCII ones, ASCII lower-case.
func nameKey(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "　", "").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}
