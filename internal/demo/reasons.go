package demo

import (
	"hash/fnv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// A reason is the "reason for deviation and corrective measure" a
// department writes for an indicator that fell short.
type reason struct{ cause, measure string }

// topic groups indicators by what their names are about, so that a reason
// fits the indicator whatever scheme it comes from.
type topic string

const (
	topicBudget       topic = "budget"
	topicSatisfaction topic = "satisfaction"
	topicDrugs        topic = "drugs"
	topicAntibiotics  topic = "antibiotics"
	topicStructure    topic = "structure"
	topicEnergy       topic = "energy"
	topicPersonnel    topic = "personnel"
	topicMortality    topic = "mortality"
	topicStaffMood    topic = "staff_satisfaction"
	topicLab          topic = "lab"
	topicSurgery      topic = "surgery"
	topicSafety       topic = "safety"
	topicScreening    topic = "screening"
	topicManagement   topic = "management"
	topicEducation    topic = "education"
	topicIT           topic = "it"
	topicCost         topic = "cost"
	topicStaff        topic = "staff"
	topicControl      topic = "control"
	topicVolume       topic = "volume"
	topicOther        topic = "other"
)

// topicWords are tried in order; the first topic one of whose words is in
// an indicator's name is its topic.
var topicWords = []struct {
	t     topic
	words []string
}{
	{topicBudget, []string{"预算", "执行率", "偏差率"}},
	{topicStaffMood, []string{"医务人员满意", "职工满意", "员工满意"}},
	{topicSatisfaction, []string{"满意"}},
	{topicControl, []string{"内控", "内部控制", "制度", "审计", "合同", "资产"}},
	{topicMortality, []string{"死亡"}},
	{topicSafety, []string{"并发症", "安全", "感染", "差错", "不良"}},
	{topicAntibiotics, []string{"抗菌"}},
	{topicEnergy, []string{"能耗"}},
	{topicPersonnel, []string{"人员经费"}},
	{topicStructure, []string{"收入"}},
	{topicStaff, []string{"人才", "人员", "医师", "学科", "科研", "培训", "医护"}},
	{topicCost, []string{"费用", "成本", "耗材", "增幅", "经费"}},
	{topicDrugs, []string{"药"}},
	{topicSurgery, []string{"手术"}},
	{topicLab, []string{"检验", "室间"}},
	{topicScreening, []string{"筛查", "检测"}},
	{topicManagement, []string{"管理率", "随访", "系统管理", "建档"}},
	{topicEducation, []string{"教育", "讲座", "咨询", "指导", "宣传"}},
	{topicIT, []string{"电子病历", "信息", "系统"}},
	{topicVolume, []string{"门诊", "诊疗", "人次", "量", "床", "出院", "住院"}},
}

func topicOf(name string) topic {
	for _, tw := range topicWords {
		for _, w := range tw.words {
			if strings.Contains(name, w) {
				return tw.t
			}
		}
	}
	return topicOther
}

// topicReasons are what any department might write, a few per topic.
var topicReasons = map[topic][]reason{
	topicBudget: {
		{"年中新增的设备维保和耗材支出未及时申请调整，部分支出集中在四季度，执行进度前低后高", "支出计划按月分解到项目，执行进度每月与序时进度对比，偏差超过10%时说明原因"},
		{"预算编制时按上年基数加成测算，未考虑业务量变化，执行偏差较大", "下年按业务量和定额测算预算，年中按规定程序申请调整"},
	},
	topicSatisfaction: {
		{"门诊候诊时间偏长，第三方调查中“等候时间”一项得分较低", "推行分时段预约，高峰时段增开诊室，每季度复核满意度调查结果"},
		{"病区改造期间环境嘈杂、陪护安排不便，住院患者评价下降", "改造完成后恢复陪护休息区，出院回访增加环境与服务两项问题"},
		{"职能科室办事流程多、跑腿次数多，临床科室对服务评价偏低", "推行“一站式”服务窗口和线上审批，每季度开展临床科室评议"},
	},
	topicDrugs: {
		{"国家集采中选品种切换期间部分非中选药品仍在使用，占比未达目标", "每月通报各科用药结构，未按规定使用中选药品的处方纳入点评"},
		{"基本药物目录调整后院内目录未及时更新", "药事委员会按季度调整院内目录，基本药物优先遴选"},
	},
	topicAntibiotics: {
		{"部分病种抗菌药物预防使用时间偏长", "开展围手术期抗菌药物专项点评，结果与科室考核挂钩"},
		{"冬季呼吸道感染高发，住院患者抗菌药物使用增加", "落实抗菌药物分级管理，特殊使用级处方由感染科会诊"},
	},
	topicStructure: {
		{"检查、耗材收入占比下降慢于预期，医疗服务收入占比提升有限", "配合医疗服务价格调整，提高护理、诊察等技术劳务项目的开展量"},
		{"手术和护理等技术劳务项目开展量增长慢于检查检验", "梳理可开展的技术劳务项目，新项目按程序申报价格"},
	},
	topicEnergy: {
		{"新院区投入使用后水电能耗上升，而收入增长滞后", "推行分区计量和空调分时控制，按月公布各楼宇能耗"},
		{"夏季持续高温，空调负荷大，用电量较上年增加", "更换高效冷水机组，病区以外区域空调定时关闭"},
	},
	topicPersonnel: {
		{"人员招聘滞后，人员经费支出低于计划", "按编制和业务量制定年度招聘计划，季度跟踪到岗情况"},
		{"绩效工资核定晚于预期，年内发放不足", "绩效方案年初核定，按季度预发、年终清算"},
	},
	topicMortality: {
		{"死因评审发现个别病例基层转诊延误，危重孕产妇和新生儿救治网络仍有薄弱环节", "每例死亡病例一个月内完成评审，评审意见通报到基层机构并跟踪整改"},
		{"辖区流动人口中高危孕产妇、早产儿比例上升，个别未及时建档", "高危孕产妇专案管理，流动人口纳入网格化随访"},
	},
	topicStaffMood: {
		{"职工对夜班补助和休假安排意见较多", "修订夜班补助标准，排班提前一个月公示"},
		{"病区人手紧张，加班较多，职工满意度下降", "按床护比补充护理人员，加班时长纳入科室考核"},
	},
	topicLab: {
		{"个别检验项目室间质评结果不合格，原因为试剂批号更换后未重新校准", "试剂批号更换即做校准和质控，不合格项目当月完成整改复评"},
		{"新开展项目未纳入省级室间质评计划", "新项目开展前报名参加室间质评，未参加的项目暂不出具报告"},
	},
	topicSurgery: {
		{"腔镜设备更新延迟，微创手术开展例数少于计划", "新腔镜设备到位后集中开展适宜术式，每季度统计微创手术占比"},
		{"高难度手术病例多转诊至上级医院，三级手术占比偏低", "与上级医院开展专科联盟，骨干医师进修后逐步开展三级手术"},
	},
	topicSafety: {
		{"个别并发症病例上报和讨论不及时，发生率高于目标", "每例并发症48小时内讨论并上报，季度质控会通报"},
		{"危重病例转入增加，病例组合变重", "按病例组合分层评价，危重病例实行多学科会诊"},
		{"不良事件主动上报意识不足，同类事件重复发生", "不良事件非惩罚性上报，每月根因分析并公布改进措施"},
	},
	topicScreening: {
		{"流动人口多、联系方式变更，部分应筛对象未能按期到检", "与社区卫生服务中心共享名单，未到检者电话和上门提醒"},
		{"筛查试剂招标延迟一个月，年初筛查量不足", "试剂提前一个季度备货，年初制定分月筛查计划"},
	},
	topicManagement: {
		{"辖区新增两个安置小区，建档工作滞后于人口增长", "新建小区纳入网格化管理，社区每月上报新增孕产妇和儿童名单"},
		{"基层随访人员流动大，部分随访记录不完整", "基层人员培训后上岗，随访记录每季度抽查"},
	},
	topicEducation: {
		{"上半年场地改造，集中授课次数减少", "改为线上课程与社区巡讲结合，按月排课"},
		{"宣教活动集中在下半年，部分计划未完成", "年初制定活动计划表，按季度检查完成情况"},
	},
	topicIT: {
		{"信息系统升级延期，相关功能未按期上线", "成立信息化专班，按季度验收功能模块"},
		{"接口改造依赖厂商排期，数据上报不完整", "与厂商签订服务级别条款，接口问题周报跟踪"},
	},
	topicCost: {
		{"人员和能源等刚性支出增加，同期业务量增长放缓", "严格执行耗材目录准入，水电分区计量，按月分析成本结构"},
		{"部分高值耗材价格上涨，次均费用上升", "参与区域耗材联合采购，对费用异常病例逐例分析"},
	},
	topicStaff: {
		{"招聘计划中两名专业人员未到岗，人员结构未达目标", "与医学院校签订定向培养协议，下年度优先招聘紧缺专业"},
		{"培训经费使用滞后，部分进修计划推迟", "培训计划年初排定，经费按季度拨付到科室"},
	},
	topicControl: {
		{"合同和资产管理台账更新不及时，内部控制自查发现问题未全部整改", "建立整改台账，按月销号，纳入科室年度考核"},
	},
	topicVolume: {
		{"门诊量不足，因院区改造停诊两周；已于11月恢复", "改造结束后恢复全部诊室，按月监测门急诊人次"},
		{"同类服务分流至新开的区域医疗中心，业务量增长放缓", "开设特色专病门诊，加强与基层医疗机构的双向转诊"},
	},
	topicOther: {
		{"实际完成低于年度目标，年中未及时分析原因", "按月监测，偏差超过10%时由科室提交说明并整改"},
		{"工作计划安排前松后紧，部分任务年底未完成", "年度任务按季度分解，季度末检查完成进度"},
	},
}

// deptReasons are what a particular department wrote, where its year
// had a story of its own; they take precedence over topicReasons.
var deptReasons = map[string]map[topic]reason{
	"101": {
		topicVolume:  {"辖区出生人口较上年下降约9%，分娩量和住院人次减少", "拓展产后康复与孕前保健服务，部分产科床位调整给妇科"},
		topicSurgery: {"分娩量下降，产科手术病例随之减少", "开展盆底修复等新术式，加强与妇科联合手术"},
		topicCost:    {"分娩量下降而人员和设备等固定成本不变，次均费用上升", "按分娩量重新核定床位和人员配置"},
	},
	"104": {topicSafety: {"危重新生儿转入较上年增加约两成，极低出生体重儿占比升高", "加强产儿科联合查房，每月开展危重病例讨论"}},
	"108": {topicVolume: {"门诊量不足，因院区改造急诊抢救区停诊两周；已于11月恢复", "改造期间分流至儿科夜间门诊的患者已回流，按月监测急诊人次"}},
	"203": {topicVolume: {"DR机故障停机21天，检查人次下降", "签订原厂全保合同，关键设备配备备机"}},
	"205": {topicDrugs: {"集采品种切换期间基本药物采购占比下降", "按季度通报各科用药结构，纳入处方点评"}},
	"502": {topicBudget: {"大型设备采购项目延期至次年招标，预算执行率偏低，全面预算管理未达要求", "设备采购按月排期，采购进度纳入科室考核，每月向预算管理办公室报告执行进度"}},
	"503": {topicIT: {"信息系统升级延期，电子病历评级未达目标", "成立电子病历评级专班，按季度验收"}},
}

// reasonFor is the reason a department gives for indicator n falling
// short: its own story for the indicator's topic, else one of the topic's
// reasons picked by a hash of the department and indicator, with the
// actual against the target in front.
func reasonFor(dept string, n scoring.Node, actual string) string {
	in := *n.Indicator
	t := topicOf(in.Name)
	r, ok := deptReasons[dept][t]
	if !ok {
		rs := topicReasons[t]
		h := fnv.New32a()
		h.Write([]byte(dept + "/" + n.Code))
		r = rs[h.Sum32()%uint32(len(rs))]
	}
	return "偏差原因：" + in.Name + shortfall(in, actual) + "，" + r.cause + "。改进措施：" + r.measure + "。"
}

// shortfall says what was reached against what was set, e.g. "实际
// 27.6%，目标30%" or "评为部分达成".
func shortfall(in scoring.Indicator, actual string) string {
	switch in.Rule {
	case scoring.Qualitative:
		return "评为" + actual
	case scoring.Deduction:
		return "发生" + actual + "次"
	}
	unit := in.Unit
	if unit != "" && (unit[0] >= '0' && unit[0] <= '9' || strings.Contains(unit, ":")) {
		unit = "（" + unit + "）"
	}
	target := in.Target
	if in.Rule == scoring.LinearBand {
		target = in.High
	}
	if in.Direction == scoring.InRange {
		return "实际" + actual + unit + "，目标" + trimFloat(in.Low) + "～" + trimFloat(in.High) + unit
	}
	return "实际" + actual + unit + "，目标" + trimFloat(target) + unit
}
