package execution

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
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
	if err := permission.Check(by, permission.Read, ""); err != nil {
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
	return BuildProjectProgress(year, month, visibleProjects(by, projects), depts, values, spending), nil
}

// visibleProjects keeps the projects of the departments by may see.
func visibleProjects(by domain.Actor, projects []domain.Project) []domain.Project {
	if by.Role != domain.RoleDeptHead {
		return projects
	}
	var out []domain.Project
	for _, p := range projects {
		if permission.CanSee(by, p.DeptCode) {
			out = append(out, p)
		}
	}
	return out
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
			Name: p.Name, Type: p.Type, Budget: p.Amount, TimeProgress: pace.TimeProgress(month)}
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
