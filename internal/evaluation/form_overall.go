package evaluation

// The hospital's 整体支出绩效自评: the year's budget execution by revenue
// and expenditure class, the departments' and projects' evaluation results
// and the count by grade, with the problems and measures to write. The
// service builds the model; the workbook (here) and the PDF (report) draw
// the grid Layout makes of it.

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// OverallTitle is the form's title.
const OverallTitle = "整体支出绩效自评表"

// Overall is the hospital's overall self-evaluation of a year.
type Overall struct {
	Year, Month int // Month: actuals through it
	Hospital    string
	// Revenue and Expenditure are the classes (top-level subjects) with
	// their budget and actual; RevenueTotal and ExpenditureTotal the
	// hospital's, as monitoring computes them.
	Revenue, Expenditure           []ClassLine
	RevenueTotal, ExpenditureTotal pace.Measure
	Departments, Projects          []UnitResult
	DeptCounts, ProjectCounts      GradeCounts
	Problems                       []string
}

// ClassLine is a revenue or expenditure class of the year.
type ClassLine struct {
	Code, Name string
	pace.Measure
}

// UnitResult is a department's or project's evaluation result.
type UnitResult struct {
	Code, Name string
	Score      float64
	Grade      scoring.Grade // scoring.Unscored when not scored
	Finalised  bool
}

// GradeCounts counts results by grade: excellent, good, fair, poor, then
// unscored.
type GradeCounts [5]int

// Total is the number of units counted.
func (g GradeCounts) Total() int { return g[0] + g[1] + g[2] + g[3] + g[4] }

func (g *GradeCounts) add(grade scoring.Grade) {
	for i, o := range scoring.Grades {
		if o == grade {
			g[i]++
			return
		}
	}
	g[4]++
}

// OverallSelfEvaluation builds the hospital's overall self-evaluation of
// year. It covers the whole hospital, so a department head is refused.
func (s *Service) OverallSelfEvaluation(ctx context.Context, by domain.Actor, year int) (Overall, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return Overall{}, err
	}
	if by.Role == domain.RoleDeptHead {
		return Overall{}, domain.NewProblem("problem.form.whole_hospital", "{{.User}} is a department head and reads their own departments only; the overall self-evaluation covers the whole hospital.", "User", by.Login)
	}
	ex, err := s.mon.Execution(ctx, by, year, 0)
	if err != nil {
		return Overall{}, err
	}
	runs, err := s.Results(ctx, by, year)
	if err != nil {
		return Overall{}, err
	}
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return Overall{}, err
	}
	projects, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return Overall{}, err
	}
	o := Overall{Year: year, Month: ex.Month, RevenueTotal: ex.Total.Revenue.Measure, ExpenditureTotal: ex.Total.Expenditure.Measure}
	if o.Hospital, err = s.st.Setting(ctx, "hospital_name"); err != nil {
		return Overall{}, err
	}
	o.Revenue, o.Expenditure = classLines(ex, subjects)
	codes := map[string]string{}
	for _, p := range projects {
		codes[projectUnitCode(p.ID)] = p.Code
	}
	for _, r := range runs {
		u := UnitResult{Code: r.Unit.Code, Name: r.Unit.Name, Grade: scoring.Unscored, Finalised: r.Finalised}
		if r.Scored() {
			u.Score, u.Grade = scoring.Round2(Percent(r)), r.Result.Grade
		}
		if r.Unit.Kind == scoring.ProjectScheme {
			u.Code = codes[r.Unit.Code]
			o.Projects = append(o.Projects, u)
			o.ProjectCounts.add(u.Grade)
		} else {
			o.Departments = append(o.Departments, u)
			o.DeptCounts.add(u.Grade)
		}
	}
	o.Problems = overallProblems(o, ex.TimeProgress)
	return o, nil
}

// classLines sums each department's subjects into their top-level
// subject (the class: 301 工资福利支出, 4101 事业收入 …), in code order.
func classLines(ex pace.Execution, subjects []domain.Subject) (revenue, expenditure []ClassLine) {
	byCode := map[string]domain.Subject{}
	for _, s := range subjects {
		byCode[s.Code] = s
	}
	root := func(code string) domain.Subject {
		s, ok := byCode[code]
		for i := 0; ok && s.Parent != "" && i < 10; i++ {
			p, found := byCode[s.Parent]
			if !found {
				break
			}
			s = p
		}
		if !ok {
			s = domain.Subject{Code: code, Name: code}
		}
		return s
	}
	at := map[string]int{}
	var lines []ClassLine
	var kinds []domain.SubjectKind
	for _, d := range ex.Departments {
		for _, sr := range d.Subjects {
			r := root(sr.Code)
			i, ok := at[r.Code]
			if !ok {
				i = len(lines)
				at[r.Code] = i
				lines = append(lines, ClassLine{Code: r.Code, Name: r.Name})
				kinds = append(kinds, sr.Kind)
			}
			lines[i].Measure = lines[i].Measure.Add(sr.Measure)
		}
	}
	for i, l := range lines {
		if kinds[i] == domain.Revenue {
			revenue = append(revenue, l)
		} else {
			expenditure = append(expenditure, l)
		}
	}
	sortClasses(revenue)
	sortClasses(expenditure)
	return revenue, expenditure
}

func sortClasses(ls []ClassLine) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Code < ls[j-1].Code; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// overallProblems are the facts the problems cell starts from: spending
// behind time progress, units graded fair or poor, and how many project
// targets fell short.
func overallProblems(o Overall, timeProgress float64) []string {
	var out []string
	if rate := o.ExpenditureTotal.ExecutionRate(); o.ExpenditureTotal.Budget > 0 && rate < timeProgress {
		out = append(out, fmt.Sprintf("支出预算执行率%s，低于时间进度%s。", workbook.Percent(0, 1, rate).Text, workbook.Percent(0, 1, timeProgress).Text))
	}
	for _, g := range []struct {
		label string
		units []UnitResult
	}{{"科室", o.Departments}, {"项目", o.Projects}} {
		var weak []string
		for _, u := range g.units {
			if u.Grade == scoring.Fair || u.Grade == scoring.Poor {
				weak = append(weak, u.Name+"（"+strconv.FormatFloat(u.Score, 'f', 2, 64)+"分）")
			}
		}
		if len(weak) > 0 {
			out = append(out, fmt.Sprintf("评价等级为中或差的%s：%s。", g.label, strings.Join(weak, "、")))
		}
	}
	return out
}

// overallWidths are the form's eight columns, in characters.
var overallWidths = []float64{13, 14, 20, 14, 14, 14, 12, 14}

// Layout lays the overall self-evaluation out as a grid of five parts.
func (o Overall) Layout() workbook.Form {
	f := workbook.Form{Sheet: fmt.Sprintf("%d整体自评", o.Year), Title: OverallTitle, Widths: overallWidths,
		Lines: []string{"填报单位：" + o.Hospital, fmt.Sprintf("年度：%d年（执行数截至%d月末）", o.Year, o.Month), "单位：万元"}}
	f.Rows = append(f.Rows, section("一、预算执行情况"),
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{workbook.Text(0, 1, "类别"), workbook.Text(1, 2, "科目"), workbook.Text(3, 2, "全年预算数"),
			workbook.Text(5, 2, fmt.Sprintf("1–%d月执行数", o.Month)), workbook.Text(7, 1, "执行率")}})
	f.Rows = append(f.Rows, classRows("收入", "收入合计", o.Revenue, o.RevenueTotal)...)
	f.Rows = append(f.Rows, classRows("支出", "支出合计", o.Expenditure, o.ExpenditureTotal)...)
	f.Rows = append(f.Rows, resultRows("二、科室绩效评价结果", "科室编码", "科室名称", o.Departments)...)
	f.Rows = append(f.Rows, resultRows("三、项目支出绩效自评结果", "项目编码", "项目名称", o.Projects)...)
	f.Rows = append(f.Rows, section("四、评价等级分布"),
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{workbook.Text(0, 2, "类别"), workbook.Text(2, 1, "优（≥90）"), workbook.Text(3, 1, "良（80–90）"),
			workbook.Text(4, 1, "中（60–80）"), workbook.Text(5, 1, "差（<60）"), workbook.Text(6, 1, "未评分"), workbook.Text(7, 1, "合计")}},
		countRow("科室", o.DeptCounts), countRow("项目", o.ProjectCounts),
		section("五、存在的问题及改进措施"),
		workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(0, 1, "存在的问题"), workbook.Text(1, 7, strings.Join(o.Problems, "\n"))}},
		workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(0, 1, "改进措施"), workbook.Text(1, 7, "\n\n")}},
	)
	return f
}

func section(title string) workbook.FormRow {
	return workbook.FormRow{Head: true, Cells: []workbook.FormCell{{Col: 0, Span: 8, Text: title}}}
}

// classRows are one kind's classes under its label, closed by its total.
func classRows(kind, total string, ls []ClassLine, sum pace.Measure) []workbook.FormRow {
	rows := make([]workbook.FormRow, 0, len(ls)+1)
	for i, l := range ls {
		r := workbook.FormRow{Cells: []workbook.FormCell{workbook.Text(1, 2, l.Code+" "+l.Name), workbook.Wan(3, 2, l.Budget),
			workbook.Wan(5, 2, l.Actual), workbook.Percent(7, 1, l.ExecutionRate())}}
		if i == 0 {
			r.Cells = append(r.Cells, workbook.FormCell{Col: 0, Down: len(ls) + 1, Text: kind, Align: "C"})
		}
		rows = append(rows, r)
	}
	last := workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(1, 2, total), workbook.Wan(3, 2, sum.Budget),
		workbook.Wan(5, 2, sum.Actual), workbook.Percent(7, 1, sum.ExecutionRate())}}
	if len(ls) == 0 {
		last.Cells = append(last.Cells, workbook.FormCell{Col: 0, Text: kind, Align: "C"})
	}
	return append(rows, last)
}

// resultRows lists units with their score, grade and state.
func resultRows(title, codeHead, nameHead string, us []UnitResult) []workbook.FormRow {
	rows := []workbook.FormRow{section(title), {Head: true, Cells: []workbook.FormCell{workbook.Text(0, 1, "序号"), workbook.Text(1, 1, codeHead),
		workbook.Text(2, 2, nameHead), workbook.Text(4, 1, "得分"), workbook.Text(5, 1, "等级"), workbook.Text(6, 2, "状态")}}}
	for i, u := range us {
		score, grade := workbook.Text(4, 1, "—"), "未评分"
		if u.Grade != scoring.Unscored {
			score, grade = workbook.Score(4, 1, u.Score), GradeText(u.Grade)
		}
		state := "未定稿"
		if u.Finalised {
			state = "已定稿"
		}
		rows = append(rows, workbook.FormRow{Cells: []workbook.FormCell{{Col: 0, Text: strconv.Itoa(i + 1), Align: "C"}, workbook.Text(1, 1, u.Code),
			workbook.Text(2, 2, u.Name), score, {Col: 5, Text: grade, Align: "C"}, {Col: 6, Span: 2, Text: state, Align: "C"}}})
	}
	return rows
}

func countRow(label string, g GradeCounts) workbook.FormRow {
	cells := []workbook.FormCell{workbook.Label(0, 2, label)}
	for i, n := range g {
		cells = append(cells, workbook.FormCell{Col: 2 + i, Text: strconv.Itoa(n), Number: strconv.Itoa(n), NumFmt: "0"})
	}
	return workbook.FormRow{Cells: append(cells, workbook.FormCell{Col: 7, Text: strconv.Itoa(g.Total()), Number: strconv.Itoa(g.Total()), NumFmt: "0"})}
}

// SaveOverall writes the overall self-evaluation as a workbook.
func SaveOverall(path string, o Overall, stamp string) error {
	return workbook.SaveForms(path, OverallTitle, []workbook.Form{o.Layout()}, stamp)
}
