package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The prior year's projects, closed and self-evaluated against their own
// target tables: screening met every target, newborn screening fell short
// on numbers as births fell, health education beat targets set too low
// (目标值设定偏低), and the equipment renewal slipped. Each shortfall has
// its own reason and measure, as a finance office would write them.

// priorTarget is a target with its year-end value and, when it fell short
// or overshot, the reason and corrective measure.
type priorTarget struct {
	cat                    domain.TargetCategory
	indicator, value, unit string
	dir                    domain.Direction
	actual, reason         string
}

type priorProject struct {
	dept, subject, name string
	typ                 domain.ProjectType
	forms               projectForms
	targets             []priorTarget
	// execReason explains an execution rate below 100%.
	execReason string
}

var priorProjects = []priorProject{
	{"301", "30227", "农村妇女两癌筛查项目", domain.ProjectPublicHealth,
		projectForms{"王丽华", "到2027年辖区适龄农村妇女宫颈癌筛查覆盖率达到50%，早诊早治，降低两癌死亡率。", "完成18000名农村妇女两癌免费筛查，阳性病例全部随访。", [4]int64{70, 30, 0, 0}},
		[]priorTarget{
			{domain.TargetQuantity, "宫颈癌筛查人数", "18000", "人", more, "18650", ""},
			{domain.TargetQuality, "筛查结果随访率", "95", "%", more, "96.8", ""},
			{domain.TargetCost, "人均筛查成本", "45", "元/人", less, "43.2", ""},
			{domain.TargetSocial, "早诊率", "70", "%", more, "72.4", ""},
			{domain.TargetSatisfaction, "服务对象满意度", "90", "%", more, "94.2", ""},
		}, "阅片服务费按合同于次年1月结算，年内未支付部分已列入结转。"},
	{"302", "30218", "新生儿疾病筛查项目", domain.ProjectPublicHealth,
		projectForms{"陈建国", "新生儿遗传代谢病和听力筛查率稳定在98%和95%以上。", "全年筛查新生儿9500人，可疑阳性病例召回率不低于95%。", [4]int64{60, 40, 0, 0}},
		[]priorTarget{
			{domain.TargetQuantity, "新生儿遗传代谢病筛查人数", "9500", "人", more, "8420",
				"偏差原因：辖区出生人口较上年下降11%，筛查人数随之减少，筛查率仍达98.6%。改进措施：下年度按出生人口预测调整数量目标，加强与助产机构的标本递送衔接。"},
			{domain.TargetQuality, "新生儿遗传代谢病筛查率", "98", "%", more, "98.6", ""},
			{domain.TargetQuality, "新生儿听力筛查率", "95", "%", more, "96.1", ""},
			{domain.TargetTimeliness, "可疑阳性病例召回率", "95", "%", more, "97", ""},
			{domain.TargetSocial, "确诊患儿规范治疗率", "95", "%", more, "100", ""},
		}, "筛查试剂集中采购价格下降，节约资金已按规定收回统筹。"},
	{"304", "30202", "孕产妇健康教育项目", domain.ProjectPublicHealth,
		projectForms{"赵敏", "提高孕产妇健康素养，孕早期建册率达到85%以上。", "孕妇学校授课60场，健康教育覆盖10000人次。", [4]int64{50, 50, 0, 0}},
		[]priorTarget{
			{domain.TargetQuantity, "孕妇学校授课场次", "60", "场", more, "138",
				"偏差原因：目标值按上年线下授课能力设定，本年开通线上课堂后场次大幅增加，目标值设定偏低。改进措施：下年度按线上线下合计能力重新测算目标值。"},
			{domain.TargetQuantity, "健康教育覆盖人次", "10000", "人次", more, "26800",
				"偏差原因：线上科普视频播放计入覆盖人次，口径较申报时扩大，目标值设定偏低。改进措施：统一线上线下统计口径，下年度目标按新口径申报。"},
			{domain.TargetQuality, "孕产妇健康知识知晓率", "85", "%", more, "90.4", ""},
			{domain.TargetSocial, "孕早期建册率", "85", "%", more, "88.6", ""},
			{domain.TargetSatisfaction, "孕产妇满意度", "90", "%", more, "95", ""},
		}, "印制费按实结算低于预算。"},
	{"502", "31003", "医疗设备更新项目", domain.ProjectEquipment,
		projectForms{"孙伟", "按设备更新规划逐年更新老旧医疗设备，设备完好率保持在95%以上。", "年内完成10台监护类设备招标采购、到货和验收。", [4]int64{0, 100, 0, 0}},
		[]priorTarget{
			{domain.TargetQuantity, "设备购置数量", "10", "台", more, "6",
				"偏差原因：两台新生儿暖箱因供应商资质问题流标，二次招标延至12月，年内仅到货6台。改进措施：采购计划提前至一季度挂网，流标项目一个月内重新组织采购。"},
			{domain.TargetTimeliness, "设备按期到货率", "95", "%", more, "60",
				"偏差原因：进口监护仪受海运周期影响平均延期45天。改进措施：合同中明确延期违约责任，进口设备提前一个季度下单。"},
			{domain.TargetQuality, "设备验收合格率", "100", "%", same, "100", ""},
			{domain.TargetSustainable, "设备完好率", "95", "%", more, "96", ""},
			{domain.TargetSatisfaction, "临床科室满意度", "90", "%", more, "85",
				"偏差原因：设备到货延迟影响临床使用，科室满意度下降。改进措施：到货前与使用科室确认培训和安装计划，每季度回访。"},
		}, "二次招标设备款于次年1月支付，执行率偏低；已申请结转并按月跟踪支付进度。"},
}

// insertPriorProjects stores the prior year's projects with their year-end
// target values and spending, opens their evaluations on their own target
// tables, gives every shortfall its reason and finalises them.
func insertPriorProjects(ctx context.Context, tx *store.Tx, by domain.Actor, ds Dataset) error {
	prior := ds.Budgets[len(ds.Budgets)-2]
	amounts := map[[2]string]money.Amount{}
	for _, l := range prior.Lines {
		amounts[[2]string{l.DeptCode, l.SubjectCode}] = l.Amount
	}
	for _, s := range priorProjects {
		amount, ok := amounts[[2]string{s.dept, s.subject}]
		if !ok {
			return fmt.Errorf("demo prior project %s: no %d line %s/%s", s.name, prior.Year, s.dept, s.subject)
		}
		p := domain.Project{Year: prior.Year, DeptCode: s.dept, Name: s.name, Type: s.typ, SubjectCode: s.subject,
			Amount: amount, StartYear: prior.Year, EndYear: prior.Year}
		latest := map[int]string{}
		for i, t := range s.targets {
			p.Targets = append(p.Targets, domain.Target{Category: t.cat, Indicator: t.indicator, Value: t.value, Unit: t.unit, Direction: t.dir})
			latest[i+1] = t.actual
		}
		p, err := withForms(p, s.forms)
		if err != nil {
			return err
		}
		if err := storePriorProject(ctx, tx, by, ds, &p, latest); err != nil {
			return err
		}
		if err := evaluatePriorProject(ctx, tx, by, ds, p, s, latest); err != nil {
			return fmt.Errorf("demo prior project %s: %w", s.name, err)
		}
	}
	return nil
}

// storePriorProject saves p (setting its id) with its December target
// values and its monthly spending, which is its budget line's actuals.
func storePriorProject(ctx context.Context, tx *store.Tx, by domain.Actor, ds Dataset, p *domain.Project, latest map[int]string) error {
	id, err := tx.SaveProject(ctx, by, *p)
	if err != nil {
		return err
	}
	p.ID = id
	for pos, v := range latest {
		if err := tx.SaveTargetValue(ctx, by, store.TargetValue{ProjectID: id, Position: pos, Month: 12, Value: v}); err != nil {
			return err
		}
	}
	for m, a := range priorSpending(ds, *p) {
		if err := tx.SaveProjectSpending(ctx, by, id, m+1, a); err != nil {
			return err
		}
	}
	return nil
}

func priorSpending(ds Dataset, p domain.Project) [12]money.Amount {
	var out [12]money.Amount
	for _, a := range ds.Actuals {
		if a.Year == p.Year && a.DeptCode == p.DeptCode && a.SubjectCode == p.SubjectCode && a.Month >= 1 && a.Month <= 12 {
			out[a.Month-1] = out[a.Month-1].Add(a.Amount)
		}
	}
	return out
}

// evaluatePriorProject opens p's evaluation, writes the reason of every
// indicator short of full points or flagged as set too low, and finalises.
func evaluatePriorProject(ctx context.Context, tx *store.Tx, by domain.Actor, ds Dataset, p domain.Project, s priorProject, latest map[int]string) error {
	var spent money.Amount
	for _, a := range priorSpending(ds, p) {
		spent = spent.Add(a)
	}
	rate := -1.0
	if p.Amount > 0 {
		rate = float64(spent) / float64(p.Amount)
	}
	defer tx.StampAt(time.Time{})
	tx.StampAt(evalDay(p.Year, p.Code, false))
	id, err := evaluation.StartProjectIn(ctx, tx.Q, by, p, latest, rate)
	if err != nil {
		return err
	}
	run, err := evaluation.RunIn(ctx, tx.Q, id)
	if err != nil {
		return err
	}
	reasons := map[string]string{scoring.ExecutionRateCode: s.execReason}
	for i, t := range s.targets {
		reasons[scoring.TargetCode(t.cat, i+1)] = t.reason
	}
	for _, is := range run.Result.Indicators {
		if !is.Short && !is.Overshoot {
			continue
		}
		if err := evaluation.SetValueIn(ctx, tx.Q, by, id, is.Code, run.Texts[is.Code], 0, reasons[is.Code]); err != nil {
			return err
		}
	}
	tx.StampAt(evalDay(p.Year, p.Code, true))
	return evaluation.FinaliseIn(ctx, tx.Q, by, id)
}
