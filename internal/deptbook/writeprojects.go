package deptbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// A project block's rows, from its title row, and its target rows.
const (
	blockParticulars = 1
	blockMoney       = 2
	blockMoney2      = 3
	blockGoal        = 4
	blockTargetHead  = 5
	blockTargets     = 6
	// spareTargets are the empty target rows after a project's own.
	spareTargets = 4
	minTargets   = 8
)

// The words of the target table, as the window shows them in Chinese.
var (
	directionWords = map[domain.Direction]string{domain.DirHigher: "≥（越高越好）", domain.DirLower: "≤（越低越好）",
		domain.DirEqual: "＝（等于）", domain.DirQualitative: "定性"}
	typeWords = map[domain.ProjectType]string{domain.ProjectEquipment: "设备购置", domain.ProjectIT: "信息化建设",
		domain.ProjectPublicHealth: "公共卫生项目", domain.ProjectConstruction: "基本建设", domain.ProjectTraining: "人才培养", domain.ProjectOther: "其他"}
)

// targetRows is how many target rows a project's block has.
func targetRows(p domain.Project) int { return max(len(p.Targets)+spareTargets, minTargets) }

// writeProjects writes a block per project and returns the cells of the
// project amounts (for the proposal sheet's total) and the hidden
// sheet's rows that say where each block is.
func writeProjects(w *sheetWriter, b Book) (amounts []string, layout [][]string) {
	sh, st := ProjectSheet, w.st
	w.text(sh, "A1", fmt.Sprintf("%d年度项目支出及绩效目标表　　科室：[%s] %s　　金额单位：元", b.Year, b.DeptCode, b.DeptName), st.title)
	w.merge(sh, "A1", "F1")
	row := 3
	var targetRanges []string
	if len(b.Projects) == 0 {
		w.text(sh, "A3", "本科室本年度没有项目支出。需要新增项目的，请与预算办联系，由预算办在系统中建立项目后重新下发本表。", st.info)
		w.merge(sh, "A3", "F3")
	}
	for i, p := range b.Projects {
		writeBlock(w, b, i+1, p, row)
		amounts = append(amounts, fmt.Sprintf("B%d", row+blockMoney))
		n := targetRows(p)
		first := row + blockTargets
		targetRanges = append(targetRanges, fmt.Sprintf("%%s%d:%%s%d", first, first+n-1))
		layout = append(layout, []string{"project", p.Code, fmt.Sprint(row), fmt.Sprint(n)})
		row += blockTargets + n + 1
	}
	for col, width := range map[string]float64{"A": 16, "B": 34, "C": 16, "D": 24, "E": 16, "F": 18} {
		w.fail(w.f.SetColWidth(sh, col, col, width))
	}
	w.fail(w.f.SetRowHeight(sh, 1, 28))
	if len(b.Projects) > 0 {
		addDropLists(w, targetRanges)
	}
	return amounts, layout
}

// writeBlock writes one project: its particulars protected, its amount,
// funding, person responsible, annual goal and targets to fill in.
func writeBlock(w *sheetWriter, b Book, n int, p domain.Project, r int) {
	sh, st := ProjectSheet, w.st
	at := func(col string, off int) string { return fmt.Sprintf("%s%d", col, r+off) }
	w.text(sh, at("A", 0), fmt.Sprintf("项目%d：[%s] %s", n, p.Code, p.Name), st.totalLabel)
	w.merge(sh, at("A", 0), at("F", 0))
	subject := p.SubjectCode + " " + b.SubjectNames[p.SubjectCode]
	cells := []string{"项目类型", typeWords[p.Type], "支出科目", subject, "实施期限", fmt.Sprintf("%d年—%d年", p.StartYear, p.EndYear)}
	for i, c := range cells {
		style := st.text
		if i%2 == 0 {
			style = st.label
		}
		w.text(sh, at(string(rune('A'+i)), blockParticulars), c, style)
	}
	amount := p.Amount
	fu := p.Funding
	var parts [4]*money.Amount
	if fu.Given() {
		parts = [4]*money.Amount{&fu.Fiscal, &fu.Business, &fu.Carryover, &fu.Other}
	}
	w.text(sh, at("A", blockMoney), "项目金额", st.label)
	w.inputAmount(sh, at("B", blockMoney), &amount, st.inAmount)
	w.text(sh, at("C", blockMoney), "其中：财政拨款", st.label)
	w.inputAmount(sh, at("D", blockMoney), parts[0], st.inAmount)
	w.text(sh, at("E", blockMoney), "事业收入", st.label)
	w.inputAmount(sh, at("F", blockMoney), parts[1], st.inAmount)
	w.text(sh, at("A", blockMoney2), "上年结转", st.label)
	w.inputAmount(sh, at("B", blockMoney2), parts[2], st.inAmount)
	w.text(sh, at("C", blockMoney2), "其他资金", st.label)
	w.inputAmount(sh, at("D", blockMoney2), parts[3], st.inAmount)
	w.text(sh, at("E", blockMoney2), "项目负责人", st.label)
	w.inputText(sh, at("F", blockMoney2), p.Responsible, st.inText)
	w.text(sh, at("A", blockGoal), "年度绩效目标", st.label)
	w.inputText(sh, at("B", blockGoal), p.AnnualGoal, st.inText)
	w.merge(sh, at("B", blockGoal), at("F", blockGoal))
	w.fail(w.f.SetRowHeight(sh, r+blockGoal, 48))
	for i, h := range []string{"指标类别", "指标名称", "指标值", "计量单位", "指标方向", "一级指标"} {
		w.text(sh, at(string(rune('A'+i)), blockTargetHead), h, st.head)
	}
	targets := workbook.OrderedTargets(p.Targets)
	for i := range targetRows(p) {
		var t domain.Target
		if i < len(targets) {
			t = targets[i]
		}
		writeTarget(w, r+blockTargets+i, t)
	}
}

// writeTarget writes one row of a target table: five cells to fill, and
// the level-1 dimension the category falls under, worked out by formula.
func writeTarget(w *sheetWriter, row int, t domain.Target) {
	sh, st := ProjectSheet, w.st
	category := ""
	if t.Category.Valid() {
		category, _ = t.Category.GroupName()
	}
	for i, v := range []string{category, t.Indicator, t.Value, t.Unit, directionWords[t.Direction]} {
		w.inputText(sh, fmt.Sprintf("%c%d", 'A'+i, row), v, st.inText)
	}
	w.formula(sh, fmt.Sprintf("F%d", row), fmt.Sprintf(`IF(A%[1]d="","",IF(OR(A%[1]d="数量指标",A%[1]d="质量指标",A%[1]d="时效指标",A%[1]d="成本指标"),"产出指标",IF(A%[1]d="服务对象满意度指标","满意度指标","效益指标")))`, row), st.text)
}

// addDropLists offers the categories and directions as lists in the
// target tables' first and fifth columns; ranges are "%s9:%s16" with
// the column left to fill.
func addDropLists(w *sheetWriter, ranges []string) {
	var cats, dirs []string
	for _, c := range domain.TargetCategories {
		zh, _ := c.GroupName()
		cats = append(cats, zh)
	}
	for _, d := range domain.Directions {
		dirs = append(dirs, directionWords[d])
	}
	for _, l := range []struct {
		col  string
		keys []string
	}{{"A", cats}, {"E", dirs}} {
		dv := excelize.NewDataValidation(true)
		var refs []string
		for _, r := range ranges {
			refs = append(refs, fmt.Sprintf(r, l.col, l.col))
		}
		dv.SetSqref(strings.Join(refs, " "))
		w.fail(dv.SetDropList(l.keys))
		w.fail(w.f.AddDataValidation(ProjectSheet, dv))
	}
}
