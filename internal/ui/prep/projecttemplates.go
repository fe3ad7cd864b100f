package prep

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// targetTemplate is a typical indicator for a kind of project, offered in
// the editor so that departments start from the indicators the finance
// bureau expects instead of a blank table. Values that depend on the
// project (how many units, how many people) are left for the user.
type targetTemplate struct {
	Category               domain.TargetCategory
	Indicator, IndicatorEn string
	Value, ValueEn         string // ValueEn only for qualitative words
	Unit, UnitEn           string
	Direction              domain.Direction
}

// target is the template as a row, named in the interface language.
func (t targetTemplate) target() domain.Target {
	out := domain.Target{Category: t.Category, Indicator: t.Indicator, Value: t.Value, Unit: t.Unit, Direction: t.Direction}
	if i18n.Current() == i18n.English {
		out.Indicator, out.Unit = t.IndicatorEn, t.UnitEn
		if t.ValueEn != "" {
			out.Value = t.ValueEn
		}
	}
	return out
}

// label is the menu entry: category, then the indicator with its unit.
func (t targetTemplate) label() string {
	tg := t.target()
	s := i18n.T("target.category."+string(t.Category)) + " · " + tg.Indicator
	switch {
	case tg.Unit == "":
	case i18n.Current() == i18n.English:
		s += " (" + tg.Unit + ")"
	default:
		s += "（" + tg.Unit + "）"
	}
	return s
}

// satisfactionTemplate closes every list: users of the result are asked.
var satisfactionTemplate = targetTemplate{domain.TargetSatisfaction, "服务对象满意度", "Beneficiary satisfaction", "90", "", "%", "%", domain.DirHigher}

// targetTemplates holds the typical indicators per project type, after the
// common indicator sets of project performance target tables.
var targetTemplates = map[domain.ProjectType][]targetTemplate{
	domain.ProjectEquipment: {
		{domain.TargetQuantity, "设备购置数量", "Units purchased", "", "", "台", "units", domain.DirHigher},
		{domain.TargetQuality, "设备验收合格率", "Acceptance pass rate", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "设备安装调试完成时间", "Installed and commissioned by", "当年12月底前", "by the end of December", "", "", domain.DirQualitative},
		{domain.TargetCost, "设备采购成本", "Purchase cost", "", "", "万元", "10k yuan", domain.DirLower},
		{domain.TargetSocial, "设备使用率", "Equipment utilisation", "85", "", "%", "%", domain.DirHigher},
		{domain.TargetSustainable, "设备完好率", "Equipment in working order", "95", "", "%", "%", domain.DirHigher},
		{domain.TargetSatisfaction, "临床科室使用满意度", "Clinical users' satisfaction", "90", "", "%", "%", domain.DirHigher},
	},
	domain.ProjectIT: {
		{domain.TargetQuantity, "上线功能模块数", "Modules in service", "", "", "个", "modules", domain.DirHigher},
		{domain.TargetQuality, "系统验收通过率", "Acceptance pass rate", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetQuality, "系统运行可用率", "System availability", "99.9", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "系统上线时间", "In service by", "当年12月底前", "by the end of December", "", "", domain.DirQualitative},
		{domain.TargetSocial, "信息系统覆盖科室比例", "Departments covered", "90", "", "%", "%", domain.DirHigher},
		{domain.TargetSustainable, "网络安全等级保护测评", "Cyber-security grading assessment", "通过三级等保测评", "level-3 assessment passed", "", "", domain.DirQualitative},
		{domain.TargetSatisfaction, "使用人员满意度", "Users' satisfaction", "90", "", "%", "%", domain.DirHigher},
	},
	domain.ProjectPublicHealth: {
		{domain.TargetQuantity, "筛查人数", "People screened", "", "", "人次", "person-times", domain.DirHigher},
		{domain.TargetQuality, "筛查覆盖率", "Screening coverage", "", "", "%", "%", domain.DirHigher},
		{domain.TargetQuality, "阳性病例随访率", "Follow-up of positive cases", "95", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "年度任务完成时间", "Year's programme completed by", "当年12月底前", "by the end of December", "", "", domain.DirQualitative},
		{domain.TargetSocial, "目标人群健康知识知晓率", "Health literacy of the target group", "80", "", "%", "%", domain.DirHigher},
		{domain.TargetSustainable, "长效工作机制", "Lasting working arrangements", "建立并持续运行", "set up and running", "", "", domain.DirQualitative},
		satisfactionTemplate,
	},
	domain.ProjectConstruction: {
		{domain.TargetQuantity, "建设面积", "Floor area built", "", "", "平方米", "m²", domain.DirHigher},
		{domain.TargetQuality, "工程验收合格率", "Works acceptance pass rate", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "工程按期完工率", "Works completed on schedule", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetCost, "工程投资控制", "Investment control", "不超过批复概算", "within the approved estimate", "", "", domain.DirQualitative},
		{domain.TargetSocial, "新增床位数", "Beds added", "", "", "张", "beds", domain.DirHigher},
		{domain.TargetSustainable, "建筑设计使用年限", "Design service life", "50", "", "年", "years", domain.DirHigher},
		{domain.TargetSatisfaction, "患者满意度", "Patient satisfaction", "90", "", "%", "%", domain.DirHigher},
	},
	domain.ProjectTraining: {
		{domain.TargetQuantity, "培训人次", "Trainees", "", "", "人次", "person-times", domain.DirHigher},
		{domain.TargetQuality, "培训考核合格率", "Training pass rate", "95", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "培训计划完成率", "Training plan completed", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetSocial, "新技术新项目开展数", "New techniques introduced", "", "", "项", "techniques", domain.DirHigher},
		{domain.TargetSustainable, "人才梯队建设", "Staff succession", "梯队结构持续优化", "succession structure improving", "", "", domain.DirQualitative},
		{domain.TargetSatisfaction, "参训人员满意度", "Trainees' satisfaction", "90", "", "%", "%", domain.DirHigher},
	},
	domain.ProjectOther: {
		{domain.TargetQuantity, "完成工作量", "Work completed", "", "", "", "", domain.DirHigher},
		{domain.TargetQuality, "验收合格率", "Acceptance pass rate", "100", "", "%", "%", domain.DirHigher},
		{domain.TargetTimeliness, "任务完成时间", "Completed by", "当年12月底前", "by the end of December", "", "", domain.DirQualitative},
		{domain.TargetSocial, "社会效益", "Social benefit", "", "", "", "", domain.DirQualitative},
		satisfactionTemplate,
	},
}

// templatesFor is the list for type t; "other" when no type is chosen yet.
func templatesFor(t domain.ProjectType) []targetTemplate {
	if l, ok := targetTemplates[t]; ok {
		return l
	}
	return targetTemplates[domain.ProjectOther]
}
