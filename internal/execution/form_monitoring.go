package execution

// The 绩效运行监控表 ("double monitoring", 双监控): at a month-end, a
// project's budget execution and each target's progress with its forecast
// to the year end. The service builds the model; the workbook (here) and
// the PDF (report) draw the grid Layout makes of it.

import (
	"context"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// MonitoringTitle is the form's title.
const MonitoringTitle = "项目支出绩效运行监控表"

// Monitoring is the monitoring form of one project at a month-end.
type Monitoring struct {
	Hospital string
	Project  domain.Project
	ProjectProgress
	Lines []MonitoringLine
}

// MonitoringLine is one target: its annual value, the value reported by
// the month, the forecast and, from the reported value's note
// (domain.SplitNote), the reason for a deviation (偏差原因) and the
// corrective measure (纠偏措施); empty ones are left to fill.
type MonitoringLine struct {
	Labels   [2]string
	Target   domain.Target
	Actual   string
	Forecast domain.TargetForecast
	Reason   string
	Measure  string
}

// Monitorings builds the monitoring form at the end of month (0 = the
// latest month with actuals; a month-end after it is refused, as
// monitoring refuses it) of year's project code, or of every project by
// may see when code is "".
func (s *Service) Monitorings(ctx context.Context, by domain.Actor, year, month int, code string) ([]Monitoring, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) {
		return nil, domain.YearProblem(year)
	}
	month, err := s.closedMonth(ctx, year, month)
	if err != nil {
		return nil, err
	}
	if month == 0 {
		return nil, MonthProblem(year, 1, 0)
	}
	pps, err := s.ProjectProgress(ctx, by, year, month)
	if err != nil {
		return nil, err
	}
	all, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return nil, err
	}
	ps, err := domain.PickProject(visibleProjects(by, all), year, code)
	if err != nil {
		return nil, err
	}
	hospital, err := s.st.Setting(ctx, "hospital_name")
	if err != nil {
		return nil, err
	}
	var out []Monitoring
	for _, p := range ps {
		for _, pp := range pps {
			if pp.ID == p.ID {
				out = append(out, BuildMonitoring(hospital, p, pp))
			}
		}
	}
	return out, nil
}

// BuildMonitoring puts a project's progress on the form, forecasting each
// target by domain.ForecastTarget.
func BuildMonitoring(hospital string, p domain.Project, pp ProjectProgress) Monitoring {
	m := Monitoring{Hospital: hospital, Project: p, ProjectProgress: pp}
	for _, c := range domain.TargetCategories {
		for _, tp := range pp.Targets {
			if tp.Target.Category != c {
				continue
			}
			actual := tp.Actual
			if _, numeric := domain.TargetNumber(actual); numeric {
				actual = i18n.WithUnit(actual, tp.Target.Unit)
			}
			l := MonitoringLine{Labels: workbook.TargetLabels(c), Target: tp.Target, Actual: actual,
				Forecast: domain.ForecastTarget(tp.Target, tp.Actual, pp.Month)}
			l.Reason, l.Measure = domain.SplitNote(tp.Note)
			m.Lines = append(m.Lines, l)
		}
	}
	return m
}

// monitoringWidths are the form's nine columns, in characters.
var monitoringWidths = []float64{13, 15, 18, 13, 13, 13, 9, 20, 20}

// Layout lays the monitoring form out as the bureau's grid.
func (m Monitoring) Layout() workbook.Form {
	p := m.Project
	f := workbook.Form{Sheet: workbook.SheetName(p.Code, p.Name), Title: MonitoringTitle, Widths: monitoringWidths,
		Lines: []string{"填报单位：" + m.Hospital, fmt.Sprintf("监控时点：%d年%d月末", m.Year, m.Month), "单位：万元"},
		Notes: []string{"注：" + domain.ForecastMethodText,
			"时间进度 = 已过月数 ÷ 12；执行率 = 1–M月执行数 ÷ 全年预算数。偏差原因和纠偏措施取自填报实际值时的说明（“措施：”之后为纠偏措施），空白处由项目负责人填写。"}}
	head := workbook.ProjectHead(p, m.DeptName)
	for i := range head {
		head[i].Cells[1].Span, head[i].Cells[2].Col, head[i].Cells[3].Col, head[i].Cells[3].Span = 4, 5, 6, 3
	}
	f.Rows = append(f.Rows, head...)
	f.Rows = append(f.Rows,
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{{Col: 0, Down: 2, Text: "预算执行情况（万元）", Align: "C"}, workbook.Text(1, 2, "全年预算数"),
			workbook.Text(3, 2, fmt.Sprintf("1–%d月执行数", m.Month)), workbook.Text(5, 2, "执行率"), workbook.Text(7, 2, "时间进度")}},
		workbook.FormRow{Cells: []workbook.FormCell{workbook.Wan(1, 2, m.Budget), workbook.Wan(3, 2, m.Spent), workbook.Percent(5, 2, m.SpendingRate), workbook.Percent(7, 2, m.TimeProgress)}},
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{workbook.Text(0, 1, "一级指标"), workbook.Text(1, 1, "二级指标"), workbook.Text(2, 1, "三级指标"),
			workbook.Text(3, 1, "年度指标值"), workbook.Text(4, 1, fmt.Sprintf("1–%d月实际完成值", m.Month)), workbook.Text(5, 1, "全年预计完成"),
			workbook.Text(6, 1, "预计能否完成"), workbook.Text(7, 1, "偏差原因"), workbook.Text(8, 1, "纠偏措施")}},
	)
	labels, rest := make([][2]string, 0, len(m.Lines)), make([][]workbook.FormCell, 0, len(m.Lines))
	for _, l := range m.Lines {
		labels = append(labels, l.Labels)
		forecast, likely := "", ""
		if l.Forecast.Has {
			forecast, likely = l.Forecast.Text, "否"
			if l.Forecast.Method != domain.ForecastQualitative {
				forecast = i18n.WithUnit(forecast, l.Target.Unit)
			}
			if l.Forecast.Likely {
				likely = "是"
			}
		}
		rest = append(rest, []workbook.FormCell{workbook.Text(2, 1, l.Target.Indicator), {Col: 3, Text: i18n.TargetText(l.Target), Align: "C"},
			{Col: 4, Text: l.Actual, Align: "C"}, {Col: 5, Text: forecast, Align: "C"}, {Col: 6, Text: likely, Align: "C"},
			workbook.Text(7, 1, l.Reason), workbook.Text(8, 1, l.Measure)})
	}
	f.Rows = append(f.Rows, workbook.Grouped(labels, rest)...)
	return f
}

// SaveMonitorings writes the monitoring forms as a workbook.
func SaveMonitorings(path string, ms []Monitoring, stamp string) error {
	forms := make([]workbook.Form, 0, len(ms))
	for _, m := range ms {
		forms = append(forms, m.Layout())
	}
	return workbook.SaveForms(path, MonitoringTitle, forms, stamp)
}
