package demo

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The demo's project budgets (项目支出) of the current year, each the
// whole of one of its budget lines, with their performance target tables,
// the targets' values reported at each month-end through September and
// the lines' monthly spending. At September they tell the double-monitoring
// story: three on track, two slipping, the equipment renewal behind
// (delivery delayed) and health education far ahead of targets set too low.

// targetSpec is a target with its September value. The earlier months
// are derived: quantities grow evenly to it, rates wander a little around
// it, words stay as they are.
type targetSpec struct {
	cat                    domain.TargetCategory
	indicator, value, unit string
	dir                    domain.Direction
	sep                    string // the value reported at the end of September
	quarterly              bool   // surveys: reported in March, June and September only
}

// projectSpec is a demo project budgeted under the line (dept, subject).
type projectSpec struct {
	dept, subject, name string
	typ                 domain.ProjectType
	startsPriorYear     bool
	description         string
	targets             []targetSpec
}

// projectForms is what the bureau's forms ask of a demo project: who
// answers for it, its overall targets and its funding shares in percent
// (fiscal, business income, carry-over, other).
type projectForms struct {
	responsible, longTerm, annual string
	shares                        [4]int64
}

// projectFormSpecs follows projectSpecs, one per project.
var projectFormSpecs = []projectForms{
	{"王丽华", "到2027年辖区适龄农村妇女宫颈癌筛查覆盖率达到50%，早诊早治，降低两癌死亡率。", "完成20000名农村妇女宫颈癌、乳腺癌免费筛查，阳性病例全部随访，早诊率不低于70%。", [4]int64{70, 30, 0, 0}},
	{"陈建国", "新生儿遗传代谢病和听力筛查率稳定在98%和95%以上，确诊患儿全部纳入规范治疗。", "全年筛查新生儿9000人，可疑阳性病例召回率不低于95%。", [4]int64{60, 40, 0, 0}},
	{"刘芳", "提升基层孕产妇和儿童健康管理能力，孕产妇系统管理率保持在90%以上。", "下乡督导基层机构48次，培训基层妇幼人员600人次，年终考核结算。", [4]int64{80, 0, 20, 0}},
	{"赵敏", "提高孕产妇健康素养，孕早期建册率达到85%以上。", "孕妇学校授课120场，健康教育覆盖20000人次，知识知晓率不低于85%。", [4]int64{50, 50, 0, 0}},
	{"孙伟", "按设备更新规划逐年更新老旧医疗设备，设备完好率保持在95%以上。", "年内完成12台监护类设备招标采购、到货和验收。", [4]int64{0, 100, 0, 0}},
	{"周强", "三年内电子病历系统应用水平达到五级，建成智慧医院。", "本年新上线临床子系统12个，年底前通过电子病历五级评审。", [4]int64{30, 40, 30, 0}},
	{"吴静", "建成覆盖全市的无创产前基因检测平台，高风险孕妇产前诊断率达到90%以上。", "完成平台设备安装调试，全年检测3000例，报告按时发放率不低于98%。", [4]int64{40, 55, 0, 5}},
}

// withForms fills p's form fields from f, splitting the amount by its
// shares so that the sources add up to the amount to the fen.
func withForms(p domain.Project, f projectForms) (domain.Project, error) {
	parts, err := money.Allocate(p.Amount, f.shares[:])
	if err != nil {
		return p, err
	}
	p.Funding = domain.Funding{Fiscal: parts[0], Business: parts[1], Carryover: parts[2], Other: parts[3]}
	p.Responsible, p.LongTermGoal, p.AnnualGoal = f.responsible, f.longTerm, f.annual
	p.Attribute = domain.ProjectNew
	if p.StartYear < p.Year {
		p.Attribute = domain.ProjectContinuing
	}
	return p, nil
}

var (
	more = domain.DirHigher
	less = domain.DirLower
	same = domain.DirEqual
	word = domain.DirQualitative
)

var projectSpecs = []projectSpec{
	{"301", "30227", "农村妇女两癌筛查项目", domain.ProjectPublicHealth, false, "辖区35–64岁农村妇女宫颈癌、乳腺癌免费筛查，阅片委托及阳性病例随访。", []targetSpec{
		{domain.TargetQuantity, "宫颈癌筛查人数", "20000", "人", more, "15600", false},
		{domain.TargetQuality, "筛查结果随访率", "95", "%", more, "96.2", false},
		{domain.TargetCost, "人均筛查成本", "45", "元/人", less, "42.6", false},
		{domain.TargetSocial, "早诊率", "70", "%", more, "73.5", false},
		{domain.TargetSatisfaction, "服务对象满意度", "90", "%", more, "93.1", true},
	}},
	{"302", "30218", "新生儿疾病筛查项目", domain.ProjectPublicHealth, false, "新生儿遗传代谢病及听力筛查，可疑阳性病例召回、确诊和干预。", []targetSpec{
		{domain.TargetQuantity, "新生儿遗传代谢病筛查人数", "9000", "人", more, "6900", false},
		{domain.TargetQuality, "新生儿遗传代谢病筛查率", "98", "%", more, "97.1", false},
		{domain.TargetQuality, "新生儿听力筛查率", "95", "%", more, "96.3", false},
		{domain.TargetTimeliness, "可疑阳性病例召回率", "95", "%", more, "100", false},
		{domain.TargetSocial, "确诊患儿规范治疗率", "95", "%", more, "100", false},
	}},
	{"303", "30227", "基层妇幼健康服务能力提升项目", domain.ProjectPublicHealth, false, "委托社区卫生服务中心开展孕产妇和儿童健康管理，下乡督导和基层人员培训，年终考核后结算。", []targetSpec{
		{domain.TargetQuantity, "下乡督导基层机构次数", "48", "次", more, "38", false},
		{domain.TargetQuantity, "基层妇幼人员培训人次", "600", "人次", more, "480", false},
		{domain.TargetQuality, "孕产妇系统管理率", "90", "%", more, "92.5", false},
		{domain.TargetSocial, "孕产妇死亡率", "12", "1/10万", less, "8.6", false},
		{domain.TargetSatisfaction, "基层机构满意度", "90", "%", more, "92", true},
	}},
	{"304", "30202", "孕产妇健康教育项目", domain.ProjectPublicHealth, false, "孕妇学校授课、健康教育资料印制和线上科普。", []targetSpec{
		{domain.TargetQuantity, "孕妇学校授课场次", "120", "场", more, "138", false},
		{domain.TargetQuantity, "健康教育覆盖人次", "20000", "人次", more, "26800", false},
		{domain.TargetQuality, "孕产妇健康知识知晓率", "85", "%", more, "90.4", false},
		{domain.TargetSocial, "孕早期建册率", "85", "%", more, "88.6", false},
		{domain.TargetSatisfaction, "孕产妇满意度", "90", "%", more, "95", true},
	}},
	{"502", "31003", "医疗设备更新项目", domain.ProjectEquipment, false, "院级统筹更新监护仪、胎心监护仪、新生儿暖箱等医疗设备，公开招标采购。", []targetSpec{
		{domain.TargetQuantity, "设备购置数量", "12", "台", more, "4", false},
		{domain.TargetTimeliness, "设备按期到货率", "95", "%", more, "58", false},
		{domain.TargetQuality, "设备验收合格率", "100", "%", same, "100", false},
		{domain.TargetSustainable, "设备完好率", "95", "%", more, "96.5", false},
		{domain.TargetSatisfaction, "临床科室满意度", "90", "%", more, "86.5", true},
	}},
	{"503", "31007", "智慧医院信息系统（电子病历五级）建设项目", domain.ProjectIT, true, "电子病历系统应用水平五级建设，新增临床子系统并改造互联网医院。", []targetSpec{
		{domain.TargetQuantity, "新上线子系统数量", "12", "个", more, "9", false},
		{domain.TargetQuality, "系统运行可用率", "99.5", "%", more, "99.8", false},
		{domain.TargetTimeliness, "通过电子病历系统应用水平五级评审", "年底前通过", "", word, "部分", false},
		{domain.TargetSocial, "患者线上预约就诊比例", "50", "%", more, "52.3", false},
		{domain.TargetSatisfaction, "医务人员使用满意度", "85", "%", more, "88", true},
	}},
	{"305", "31003", "无创产前基因检测平台建设项目", domain.ProjectEquipment, false, "新建无创产前基因检测平台（测序仪及配套设备），开展孕妇外周血胎儿游离DNA检测。", []targetSpec{
		{domain.TargetQuantity, "无创产前基因检测例数", "3000", "例", more, "2350", false},
		{domain.TargetTimeliness, "检测报告按时发放率", "98", "%", more, "99.2", false},
		{domain.TargetQuality, "通过省临床检验中心室间质评", "通过", "", word, "达成", false},
		{domain.TargetSocial, "高风险孕妇产前诊断率", "90", "%", more, "93.8", false},
		{domain.TargetSatisfaction, "孕妇满意度", "90", "%", more, "94.5", true},
	}},
}

// rateWander is how far a rate strays from its September value in months
// 1–9, in tenths of a point: it settles as the year's numbers grow.
var rateWander = [actualMonths]int64{-12, -8, -5, -6, -3, -2, 1, -1, 0}

// demoProject is a project ready to store, with its reports.
type demoProject struct {
	project  domain.Project
	values   []store.TargetValue // ProjectID is set when the project is stored
	spending [actualMonths]money.Amount
}

// projects builds the demo projects of ds's current year from its budget
// lines and actuals.
func projects(ds Dataset) ([]demoProject, error) {
	current := ds.Budgets[len(ds.Budgets)-1]
	year := current.Year
	amounts := map[[2]string]money.Amount{}
	for _, l := range current.Lines {
		amounts[[2]string{l.DeptCode, l.SubjectCode}] = l.Amount
	}
	var out []demoProject
	for k, s := range projectSpecs {
		amount, ok := amounts[[2]string{s.dept, s.subject}]
		if !ok {
			return nil, fmt.Errorf("demo project %s: no %d line %s/%s", s.name, year, s.dept, s.subject)
		}
		p := domain.Project{Year: year, DeptCode: s.dept, Name: s.name, Type: s.typ, SubjectCode: s.subject,
			Amount: amount, StartYear: year, EndYear: year, Description: s.description}
		if s.startsPriorYear {
			p.StartYear = year - 1
		}
		p, err := withForms(p, projectFormSpecs[k])
		if err != nil {
			return nil, fmt.Errorf("demo project %s: %w", s.name, err)
		}
		dp := demoProject{project: p}
		for i, t := range s.targets {
			dp.project.Targets = append(dp.project.Targets, domain.Target{Category: t.cat, Indicator: t.indicator,
				Value: t.value, Unit: t.unit, Direction: t.dir})
			for m := 1; m <= actualMonths; m++ {
				if t.quarterly && m%3 != 0 {
					continue
				}
				v, err := monthValue(t, m)
				if err != nil {
					return nil, fmt.Errorf("demo project %s, %s: %w", s.name, t.indicator, err)
				}
				dp.values = append(dp.values, store.TargetValue{Position: i + 1, Month: m, Value: v})
			}
		}
		for _, a := range ds.Actuals {
			if a.Year == year && a.DeptCode == s.dept && a.SubjectCode == s.subject && a.Month <= actualMonths {
				dp.spending[a.Month-1] = dp.spending[a.Month-1].Add(a.Amount)
			}
		}
		out = append(out, dp)
	}
	return out, nil
}

// monthValue is what t reported at the end of month m: a quantity grows
// evenly to its September figure, a rate wanders around it, words stay.
func monthValue(t targetSpec, m int) (string, error) {
	if t.dir == domain.DirQualitative {
		return t.sep, nil
	}
	target := domain.Target{Indicator: t.indicator, Value: t.value, Unit: t.unit, Direction: t.dir}
	if !target.IsRate() {
		n, err := strconv.ParseInt(t.sep, 10, 64)
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(money.RoundDiv(n*int64(m), actualMonths), 10), nil
	}
	// Rates in tenths of a point, never above 100%.
	v, err := tenths(t.sep)
	if err != nil {
		return "", err
	}
	v += rateWander[m-1]
	if t.unit == "%" {
		v = min(v, 1000)
	}
	if v%10 == 0 {
		return strconv.FormatInt(v/10, 10), nil
	}
	return fmt.Sprintf("%d.%d", v/10, v%10), nil
}

// tenths reads a rate with at most one decimal (96.2) in tenths (962).
func tenths(s string) (int64, error) {
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || len(frac) > 1 || w < 0 {
		return 0, fmt.Errorf("rate %q: give at most one decimal", s)
	}
	f := int64(0)
	if frac != "" {
		if f, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return 0, fmt.Errorf("rate %q: %w", s, err)
		}
	}
	return w*10 + f, nil
}

// insertProjects stores the demo projects with their reports and spending.
func insertProjects(ctx context.Context, tx *store.Tx, by domain.Actor, ds Dataset) error {
	dps, err := projects(ds)
	if err != nil {
		return err
	}
	for _, dp := range dps {
		if ps := dp.project.ReadyToSubmit(); len(ps) > 0 {
			return ps
		}
		id, err := tx.SaveProject(ctx, by, dp.project)
		if err != nil {
			return err
		}
		for _, v := range dp.values {
			v.ProjectID = id
			if err := tx.SaveTargetValue(ctx, by, v); err != nil {
				return err
			}
		}
		for i, a := range dp.spending {
			if a != 0 {
				if err := tx.SaveProjectSpending(ctx, by, id, i+1, a); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
