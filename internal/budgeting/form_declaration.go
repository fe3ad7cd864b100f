package budgeting

// The 项目支出绩效目标申报表 (财预〔2020〕10号): a project's target
// declaration as the finance bureau asks for it with the budget. The
// service builds the model; the workbook (here) and the PDF (report) both
// draw the grid Layout makes of it.

import (
	"context"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// DeclarationTitle is the form's title.
const DeclarationTitle = "项目支出绩效目标申报表"

// Declaration is the target declaration of one project.
type Declaration struct {
	Year     int
	Hospital string // 填报单位
	Dept     string // the department's name (实施科室)
	Project  domain.Project
	// Total is the funding block's 资金总额: the project amount.
	Total money.Amount
}

// Declarations builds the declaration of year's project code, or of every
// project by may see when code is "", in department and project order.
func (s *Service) Declarations(ctx context.Context, by domain.Actor, year int, code string) ([]Declaration, error) {
	all, err := s.Projects(ctx, by, year, "")
	if err != nil {
		return nil, err
	}
	ps, err := domain.PickProject(all, year, code)
	if err != nil {
		return nil, err
	}
	hospital, err := s.st.Setting(ctx, "hospital_name")
	if err != nil {
		return nil, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, d := range depts {
		names[d.Code] = d.Name
	}
	out := make([]Declaration, 0, len(ps))
	for _, p := range ps {
		out = append(out, Declaration{Year: year, Hospital: hospital, Dept: names[p.DeptCode], Project: p, Total: p.Amount})
	}
	return out, nil
}

// declarationWidths are the form's eight columns, in characters.
var declarationWidths = []float64{12, 14, 18, 18, 12, 12, 14, 16}

// Layout lays the declaration out as the bureau's grid: the project's
// particulars, the funding block in 万元, the overall targets and the
// target table (一级/二级/三级指标, 指标值 with ≥ ≤ = by direction).
func (d Declaration) Layout() workbook.Form {
	p := d.Project
	f := workbook.Form{Sheet: workbook.SheetName(p.Code, p.Name), Title: DeclarationTitle, Widths: declarationWidths,
		Lines: []string{"填报单位：" + d.Hospital, fmt.Sprintf("年度：%d年", d.Year), "单位：万元"}}
	f.Rows = append(f.Rows, workbook.ProjectHead(p, d.Dept)...)
	f.Rows = append(f.Rows, workbook.FundingRows(d.Total, p.Funding)...)
	f.Rows = append(f.Rows,
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{{Col: 0, Down: 2, Text: "总体目标", Align: "C"}, workbook.Text(1, 3, "长期目标"), workbook.Text(4, 4, "年度目标")}},
		workbook.FormRow{Cells: []workbook.FormCell{workbook.Text(1, 3, p.LongTermGoal), workbook.Text(4, 4, p.AnnualGoal)}},
		workbook.FormRow{Head: true, Cells: []workbook.FormCell{workbook.Text(0, 1, "一级指标"), workbook.Text(1, 1, "二级指标"),
			workbook.Text(2, 2, "三级指标"), workbook.Text(4, 2, "指标值"), workbook.Text(6, 2, "备注")}},
	)
	labels, rest := make([][2]string, 0, len(p.Targets)), make([][]workbook.FormCell, 0, len(p.Targets))
	for _, t := range workbook.OrderedTargets(p.Targets) {
		labels = append(labels, workbook.TargetLabels(t.Category))
		note := ""
		if t.Direction == domain.DirQualitative {
			note = "定性指标"
		}
		rest = append(rest, []workbook.FormCell{workbook.Text(2, 2, t.Indicator), {Col: 4, Span: 2, Text: i18n.TargetText(t), Align: "C"}, workbook.Text(6, 2, note)})
	}
	f.Rows = append(f.Rows, workbook.Grouped(labels, rest)...)
	f.Rows = append(f.Rows, workbook.FormRow{Cells: []workbook.FormCell{workbook.Label(0, 1, "审核意见"), workbook.Text(1, 7, "")}})
	return f
}

// SaveDeclarations writes the declarations as a workbook, a sheet each.
func SaveDeclarations(path string, ds []Declaration, stamp string) error {
	forms := make([]workbook.Form, 0, len(ds))
	for _, d := range ds {
		forms = append(forms, d.Layout())
	}
	return workbook.SaveForms(path, DeclarationTitle, forms, stamp)
}
