package evaluation

// The 项目支出绩效自评表 (财预〔2020〕10号): a project's self-evaluation
// from its evaluation, as the finance bureau asks for it after the year.
// The service builds the model; the workbook (here) and the PDF (report)
// draw the grid Layout makes of it.

import (
	"context"
	"fmt"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// SelfEvaluationTitle is the form's title.
const SelfEvaluationTitle = "项目支出绩效自评表"

// OvershootFlag marks a target exceeded so far that it looks set too low.
const OvershootFlag = "【目标值设定偏低】"

// SelfEvaluation is the self-evaluation of one project.
type SelfEvaluation struct {
	Year     int
	Hospital string
	Dept     string
	Project  domain.Project
	// The funds block: 年初预算数 and 全年预算数 are both the project
	// amount (a project's budget is not adjusted on its own), 全年执行数
	// the project's spending through ExecutedMonth.
	Initial, Full, Executed money.Amount
	ExecutedMonth           int
	// The execution-rate indicator as scored by the evaluation: its points
	// (分值), the rate (a fraction) and the score (得分).
	RatePoints, Rate, RateScore float64
	RateHas                     bool
	Lines                       []SelfEvalLine
	// Total is the evaluation's score (as `evaluate` shows it), Grade its grade.
	Total     float64
	Grade     scoring.Grade
	Finalised bool
}

// SelfEvalLine is one target of the indicator table.
type SelfEvalLine struct {
	Labels         [2]string // 一级指标, 二级指标
	Name           string
	Target, Actual string
	Points, Score  float64
	Reason         string
	Short          bool
	Overshoot      bool
}

// SelfEvaluations builds the self-evaluation of year's project code, or of
// every evaluated project by may see when code is "". A project without
// an evaluation is refused by name; with code "" the projects not yet
// evaluated are left out.
func (s *Service) SelfEvaluations(ctx context.Context, by domain.Actor, year int, code string) ([]SelfEvaluation, error) {
	ps, names, hospital, err := s.formProjects(ctx, by, year, code)
	if err != nil {
		return nil, err
	}
	runs, err := s.Runs(ctx, by, year)
	if err != nil {
		return nil, err
	}
	byUnit := map[string]Run{}
	for _, r := range runs {
		if r.Unit.Kind == scoring.ProjectScheme {
			byUnit[r.Unit.Code] = r
		}
	}
	progress, err := s.mon.ProjectProgress(ctx, by, year, 0)
	if err != nil {
		return nil, err
	}
	var out []SelfEvaluation
	for _, p := range ps {
		r, ok := byUnit[projectUnitCode(p.ID)]
		if !ok {
			if code != "" {
				return nil, domain.NewProblem("problem.form.not_evaluated", "Project {{.Code}} has no {{.Year}} evaluation yet: start the year's evaluation on the Evaluation screen first.", "Code", p.Code, "Year", year)
			}
			continue
		}
		se := BuildSelfEvaluation(r, p)
		se.Hospital, se.Dept = hospital, names[p.DeptCode]
		for _, pp := range progress {
			if pp.ID == p.ID {
				se.Executed, se.ExecutedMonth = pp.Spent, pp.Month
			}
		}
		out = append(out, se)
	}
	if len(out) == 0 {
		return nil, domain.NewProblem("problem.evaluation.not_started", "The {{.Year}} evaluation has not been started: start it first (budgetperf evaluate start --year {{.Year}}), then enter or import the indicator values (evaluate values).", "Year", year)
	}
	return out, nil
}

// formProjects are year's projects by may see (one when code is given),
// with the departments' names and the hospital's.
func (s *Service) formProjects(ctx context.Context, by domain.Actor, year int, code string) ([]domain.Project, map[string]string, string, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, nil, "", err
	}
	if !domain.ValidYear(year) {
		return nil, nil, "", domain.YearProblem(year)
	}
	all, err := s.st.Projects(ctx, year, "")
	if err != nil {
		return nil, nil, "", err
	}
	var seen []domain.Project
	for _, p := range all {
		if permission.CanSee(by, p.DeptCode) {
			seen = append(seen, p)
		}
	}
	ps, err := domain.PickProject(seen, year, code)
	if err != nil {
		return nil, nil, "", err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return nil, nil, "", err
	}
	names := map[string]string{}
	for _, d := range depts {
		names[d.Code] = d.Name
	}
	hospital, err := s.st.Setting(ctx, "hospital_name")
	return ps, names, hospital, err
}

// BuildSelfEvaluation fills the form's figures from a project's
// evaluation: the execution rate into the funds block, every other
// indicator into the table, the total and grade as the evaluation has them.
func BuildSelfEvaluation(r Run, p domain.Project) SelfEvaluation {
	se := SelfEvaluation{Year: r.Year, Project: p, Initial: p.Amount, Full: p.Amount,
		Total: scoring.Round2(Percent(r)), Grade: r.Result.Grade, Finalised: r.Finalised}
	names := map[string]string{}
	for _, n := range r.Result.Dimensions {
		names[n.Code] = n.Name
	}
	targets := map[string]domain.Target{}
	for i, t := range p.Targets {
		targets[scoring.TargetCode(t.Category, i+1)] = t
	}
	inds := indicators(r.Scheme)
	for _, is := range r.Result.Indicators {
		if is.Code == scoring.ExecutionRateCode {
			se.RatePoints, se.RateScore, se.RateHas = is.Points, is.Score, is.Value.Has
			se.Rate = is.Value.Actual / 100
			continue
		}
		in := inds[is.Code]
		l := SelfEvalLine{Labels: [2]string{names[is.Dimension], names[is.Group]}, Name: is.Name,
			Target: in.TargetText, Points: is.Points, Score: is.Score, Reason: r.Reasons[is.Code],
			Short: is.Short, Overshoot: is.Overshoot}
		if t, ok := targets[is.Code]; ok && t.Indicator == is.Name {
			l.Target = i18n.TargetText(t)
		}
		if a := r.Texts[is.Code]; a != "" {
			l.Actual = a
			if _, numeric := domain.TargetNumber(a); numeric {
				l.Actual = i18n.WithUnit(a, in.Unit)
			}
		}
		if l.Overshoot {
			l.Reason = OvershootFlag + l.Reason
		}
		se.Lines = append(se.Lines, l)
	}
	return se
}

// Met counts the lines that earned their full points.
func (se SelfEvaluation) Met() int {
	n := 0
	for _, l := range se.Lines {
		if !l.Short && !l.Overshoot {
			n++
		}
	}
	return n
}

// selfEvalWidths are the form's eight columns, in characters.
var selfEvalWidths = []float64{11, 17, 20, 14, 14, 9, 10, 30}

// Layout lays the self-evaluation out as the bureau's grid.
func (se SelfEvaluation) Layout() workbook.Form {
	p := se.Project
	f := workbook.Form{Sheet: workbook.SheetName(p.Code, p.Name), Title: SelfEvaluationTitle, Widths: selfEvalWidths,
		Lines: []string{"填报单位：" + se.Hospital, fmt.Sprintf("年度：%d年", se.Year), "单位：万元"},
		Notes: []string{fmt.Sprintf("注：全年预算数即项目预算数（项目不单独调整预算）；全年执行数为%d年1–%d月项目支出；执行率为评价所用的预算执行率。", se.Year, se.ExecutedMonth)}}
	for _, l := range se.Lines {
		if l.Overshoot {
			f.Notes = append(f.Notes, "标注“"+OvershootFlag+"”的指标实际完成值超过年度指标值的设定倍数，按规则扣减分值。")
			break
		}
	}
	f.Rows = append(f.Rows, workbook.ProjectHead(p, se.Dept)...)
	f.Rows = append(f.Rows, se.fundRows()...)
	f.Rows = append(f.Rows,
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{{Col: 0, Down: 2, Text: "年度总体目标", Align: "C"}, workbook.Text(1, 3, "预期目标"), workbook.Text(4, 4, "实际完成情况")}},
		workbook.FormRow{Cells: []workbook.FormCell{workbook.Text(1, 3, p.AnnualGoal), workbook.Text(4, 4, se.Completion())}},
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{workbook.Text(0, 1, "一级指标"), workbook.Text(1, 1, "二级指标"), workbook.Text(2, 1, "三级指标"),
			workbook.Text(3, 1, "年度指标值"), workbook.Text(4, 1, "实际完成值"), workbook.Text(5, 1, "分值"), workbook.Text(6, 1, "得分"), workbook.Text(7, 1, "偏差原因分析及改进措施")}},
	)
	labels, rest := make([][2]string, 0, len(se.Lines)), make([][]workbook.FormCell, 0, len(se.Lines))
	for _, l := range se.Lines {
		labels = append(labels, l.Labels)
		rest = append(rest, []workbook.FormCell{workbook.Text(2, 1, l.Name), {Col: 3, Text: l.Target, Align: "C"}, {Col: 4, Text: l.Actual, Align: "C"},
			workbook.Score(5, 1, l.Points), workbook.Score(6, 1, l.Score), workbook.Text(7, 1, l.Reason)})
	}
	f.Rows = append(f.Rows, workbook.Grouped(labels, rest)...)
	grade := "未评分"
	if se.Grade != scoring.Unscored && se.Grade != "" {
		grade = GradeText(se.Grade)
	}
	f.Rows = append(f.Rows, workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(0, 5, "总分"), workbook.Score(5, 1, 100),
		{Col: 6, Text: workbook.Score(0, 1, se.Total).Text, Number: workbook.Score(0, 1, se.Total).Number, NumFmt: "0.00", Bold: true},
		workbook.Text(7, 1, "自评等级："+grade)}})
	return f
}

// fundRows is the 项目资金 block: columns 年初预算数, 全年预算数, 全年执行数,
// 分值, 执行率, 得分; the sources' rows carry their budget only.
func (se SelfEvaluation) fundRows() []workbook.FormRow {
	rows := []workbook.FormRow{{Head: true, Cells: []workbook.FormCell{{Col: 0, Down: 6, Text: "项目资金（万元）", Align: "C"}, workbook.Text(1, 1, ""),
		workbook.Text(2, 1, "年初预算数"), workbook.Text(3, 1, "全年预算数"), workbook.Text(4, 1, "全年执行数"), workbook.Text(5, 1, "分值"), workbook.Text(6, 1, "执行率"), workbook.Text(7, 1, "得分")}}}
	rate := workbook.Percent(6, 1, se.Rate)
	if !se.RateHas {
		rate = workbook.Text(6, 1, "")
	}
	rows = append(rows, workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(1, 1, "年度资金总额"), workbook.Wan(2, 1, se.Initial), workbook.Wan(3, 1, se.Full),
		workbook.Wan(4, 1, se.Executed), workbook.Score(5, 1, se.RatePoints), rate, workbook.Score(7, 1, se.RateScore)}})
	fu := se.Project.Funding
	for i, name := range []string{"其中：财政拨款", "事业收入", "上年结转", "其他资金"} {
		cells := []workbook.FormCell{workbook.Label(1, 1, name)}
		if fu.Given() {
			a := fu.Parts()[i]
			cells = append(cells, workbook.Wan(2, 1, a), workbook.Wan(3, 1, a))
		}
		cells = append(cells, workbook.Text(4, 1, "—"), workbook.Text(5, 1, "—"), workbook.Text(6, 1, "—"), workbook.Text(7, 1, "—"))
		rows = append(rows, workbook.FormRow{Cells: cells})
	}
	return rows
}

// Completion is the 实际完成情况 sentence: how many targets were met and
// the execution rate.
func (se SelfEvaluation) Completion() string {
	n := len(se.Lines)
	text := fmt.Sprintf("共%d项绩效指标，%d项达到年度指标值", n, se.Met())
	if short := n - se.Met(); short > 0 {
		text += fmt.Sprintf("，%d项未达到或设定偏低（见偏差原因分析）", short)
	}
	if se.RateHas {
		text += "；预算执行率" + workbook.Percent(0, 1, se.Rate).Text
	}
	return text + "；总分" + strconv.FormatFloat(se.Total, 'f', 2, 64) + "分。"
}

// GradeText is a grade as the bureau's forms print it.
func GradeText(g scoring.Grade) string {
	return map[scoring.Grade]string{scoring.Excellent: "优", scoring.Good: "良", scoring.Fair: "中", scoring.Poor: "差"}[g]
}

// SaveSelfEvaluations writes the self-evaluations as a workbook.
func SaveSelfEvaluations(path string, ses []SelfEvaluation, stamp string) error {
	forms := make([]workbook.Form, 0, len(ses))
	for _, se := range ses {
		forms = append(forms, se.Layout())
	}
	return workbook.SaveForms(path, SelfEvaluationTitle, forms, stamp)
}
