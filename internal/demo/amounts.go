package demo

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// pattern is a monthly spread: twelve integer weights, January first. The
// month-9 share of a line is the sum of its first nine weights over the total.
type pattern struct {
	weights [12]int64
	// jitter lets each line vary its weights by ±5% so that the monthly curves
	// of different lines are not identical; even wage lines keep exact weights.
	jitter bool
}

var (
	// patEven: wages, social insurance, basic appropriations.
	patEven = pattern{weights: [12]int64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}}
	// patPerfPay: monthly performance pay with the year-end settlement in December.
	patPerfPay = pattern{weights: [12]int64{92, 92, 100, 100, 100, 100, 100, 100, 100, 100, 100, 116}}
	// patMedical: patient volume with the Spring Festival dip in February.
	patMedical = pattern{weights: [12]int64{100, 80, 102, 100, 103, 101, 104, 105, 101, 102, 100, 102}, jitter: true}
	// patPaediatric: winter respiratory season and the summer peak of July–August.
	patPaediatric = pattern{weights: [12]int64{108, 84, 100, 94, 95, 104, 130, 132, 100, 94, 98, 112}, jitter: true}
	// patOffice: office, travel, training and meeting costs, heavy at year end.
	patOffice = pattern{weights: [12]int64{70, 55, 95, 105, 110, 105, 90, 85, 105, 105, 115, 160}, jitter: true}
	// patUtilities: electricity and water peak with air conditioning in summer.
	patUtilities = pattern{weights: [12]int64{112, 96, 90, 84, 88, 108, 132, 136, 104, 84, 90, 110}, jitter: true}
	// patQuarterly: property management, rent and interest settled each quarter.
	patQuarterly = pattern{weights: [12]int64{0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}}
	// patCapitalQ4: tendered projects paid mostly on acceptance in November and
	// December, so they are far behind time progress at month 9 (30%).
	patCapitalQ4 = pattern{weights: [12]int64{0, 0, 20, 30, 30, 40, 40, 60, 80, 100, 150, 450}}
	// patCapitalStaged: equipment paid 60% on delivery in May, 30% on
	// acceptance in November and a 10% retention in December.
	patCapitalStaged = pattern{weights: [12]int64{0, 0, 0, 0, 60, 0, 0, 0, 0, 0, 30, 10}}
	// patProjectFiscal: project appropriations arriving in four instalments.
	patProjectFiscal = pattern{weights: [12]int64{0, 0, 20, 0, 0, 30, 0, 0, 20, 0, 0, 30}}
	// patSettleQ4: services commissioned from community health centres, paid
	// 30% in advance in June and the rest after the year-end assessment.
	patSettleQ4 = pattern{weights: [12]int64{0, 0, 0, 0, 0, 30, 0, 0, 0, 0, 0, 70}}
)

// lineSpec is one budget line of the demo hospital, in yuan.
type lineSpec struct {
	dept, subject string
	// prior is the prior year's amount before per-line noise; 0 means the
	// line is new in the current year.
	prior int64
	// current is the current year's amount: 0 means prior × the
	// department's growth, dropped means the line is not budgeted again.
	current int64
	pat     pattern
	note    string
}

// dropped marks a lineSpec that exists only in the prior year.
const dropped = -1

// personnelRate is the prior-year cost per head of one wage-and-benefit
// subject, by department type, in yuan.
type personnelRate struct {
	subject string
	perHead map[domain.DeptType]int64
	pat     pattern
}

func rates(clinical, medTech, publicHealth, admin, logistics int64) map[domain.DeptType]int64 {
	return map[domain.DeptType]int64{
		domain.Clinical: clinical, domain.MedicalTechnical: medTech, domain.PublicHealth: publicHealth,
		domain.Administrative: admin, domain.Logistics: logistics,
	}
}

// personnelRates are applied to every department's headcount (301 wages and
// benefits) and to the common running costs every department has.
var personnelRates = []personnelRate{
	{"30101", rates(38000, 37000, 36000, 37000, 33000), patEven},    // 基本工资
	{"30102", rates(32000, 30000, 29000, 29000, 26000), patEven},    // 津贴补贴
	{"30107", rates(92000, 80000, 70000, 66000, 52000), patPerfPay}, // 绩效工资
	{"30108", rates(12800, 12300, 11900, 12200, 10800), patEven},    // 基本养老保险缴费
	{"30109", rates(6400, 6100, 5900, 6100, 5400), patEven},         // 职业年金缴费
	{"30110", rates(7600, 7300, 7000, 7200, 6400), patEven},         // 职工基本医疗保险缴费
	{"30112", rates(1300, 1250, 1200, 1200, 1100), patEven},         // 其他社会保障缴费
	{"30113", rates(10400, 10000, 9700, 9800, 8800), patEven},       // 住房公积金
	{"30201", rates(1200, 1200, 1800, 4000, 2000), patOffice},       // 办公费
	{"30211", rates(900, 800, 1500, 3000, 800), patOffice},          // 差旅费
	{"30216", rates(800, 700, 900, 2500, 500), patOffice},           // 培训费
}

// lineSpecs are the department-specific lines: hospital-wide items on 000,
// materials, maintenance and capital projects, and every revenue line.
var lineSpecs = []lineSpec{
	// 000 hospital-wide
	{"000", "400101", 34000000, 0, patEven, "财政基本拨款"},
	{"000", "400102", 14000000, 0, patProjectFiscal, "住院综合楼扩建工程财政补助"},
	{"000", "410102", 800000, 0, patOffice, ""},
	{"000", "4604", 600000, 0, patQuarterly, ""},
	{"000", "4605", 450000, 0, patQuarterly, "院内商业网点租金"},
	{"000", "4609", 1200000, 0, patOffice, ""},
	{"000", "30205", 1800000, 0, patUtilities, ""},
	{"000", "30206", 6800000, 0, patUtilities, ""},
	{"000", "30209", 8400000, 0, patQuarterly, "保洁、保安、运送外包"},
	{"000", "30228", 2300000, 0, patOffice, ""},
	{"000", "30229", 1500000, 0, patOffice, ""},
	{"000", "30302", 2600000, 0, patEven, ""},
	{"000", "31001", 12000000, 0, patCapitalQ4, "住院综合楼扩建工程"},
	{"000", "31006", 6000000, dropped, patCapitalStaged, "门诊楼改造（已完工）"},

	// 101 产科
	{"101", "30218", 12500000, 0, patMedical, "医用耗材"},
	{"101", "30213", 600000, 0, patOffice, ""},
	{"101", "30226", 900000, 0, patEven, "外聘助产、护工"},
	{"101", "4101010101", 300000, 0, patMedical, ""},
	{"101", "4101010102", 1500000, 0, patMedical, ""},
	{"101", "4101010105", 1200000, 0, patMedical, ""},
	{"101", "4101010201", 5000000, 0, patMedical, ""},
	{"101", "4101010202", 1200000, 0, patMedical, ""},
	{"101", "4101010205", 4000000, 0, patMedical, ""},
	{"101", "4101010206", 9000000, 0, patMedical, ""},
	{"101", "4101010207", 3500000, 0, patMedical, ""},
	{"101", "4101010208", 6000000, 0, patMedical, ""},
	{"101", "4101010209", 8000000, 0, patMedical, ""},

	// 102 妇科
	{"102", "30218", 8000000, 0, patMedical, "医用耗材"},
	{"102", "30213", 400000, 0, patOffice, ""},
	{"102", "4101010101", 400000, 0, patMedical, ""},
	{"102", "4101010102", 1200000, 0, patMedical, ""},
	{"102", "4101010105", 2000000, 0, patMedical, ""},
	{"102", "4101010106", 1500000, 0, patMedical, ""},
	{"102", "4101010201", 2500000, 0, patMedical, ""},
	{"102", "4101010206", 7000000, 0, patMedical, ""},
	{"102", "4101010207", 1500000, 0, patMedical, ""},
	{"102", "4101010208", 5000000, 0, patMedical, ""},
	{"102", "4101010209", 5000000, 0, patMedical, ""},

	// 103 儿科
	{"103", "30218", 6000000, 0, patPaediatric, "医用耗材"},
	{"103", "30213", 300000, 0, patOffice, ""},
	{"103", "30226", 400000, 0, patPaediatric, "夜间门诊外聘医师"},
	{"103", "4101010101", 1000000, 0, patPaediatric, ""},
	{"103", "4101010102", 2500000, 0, patPaediatric, ""},
	{"103", "4101010105", 4000000, 0, patPaediatric, ""},
	{"103", "4101010201", 3000000, 0, patPaediatric, ""},
	{"103", "4101010202", 800000, 0, patPaediatric, ""},
	{"103", "4101010205", 3500000, 0, patPaediatric, ""},
	{"103", "4101010207", 2000000, 0, patPaediatric, ""},
	{"103", "4101010208", 1500000, 0, patPaediatric, ""},
	{"103", "4101010209", 6000000, 0, patPaediatric, ""},

	// 104 新生儿科
	{"104", "30218", 7000000, 0, patMedical, "医用耗材"},
	{"104", "30213", 800000, 0, patOffice, "暖箱、呼吸机维保"},
	{"104", "4101010201", 4000000, 0, patMedical, ""},
	{"104", "4101010202", 600000, 0, patMedical, ""},
	{"104", "4101010205", 5000000, 0, patMedical, ""},
	{"104", "4101010207", 3500000, 0, patMedical, ""},
	{"104", "4101010208", 3000000, 0, patMedical, ""},
	{"104", "4101010209", 4000000, 0, patMedical, ""},

	// 105 生殖医学科
	{"105", "30218", 9000000, 0, patMedical, "医用耗材及培养液"},
	{"105", "30213", 500000, 0, patOffice, ""},
	{"105", "4101010101", 300000, 0, patMedical, ""},
	{"105", "4101010102", 800000, 0, patMedical, ""},
	{"105", "4101010105", 14000000, 0, patMedical, ""},
	{"105", "4101010106", 4000000, 0, patMedical, ""},
	{"105", "4101010107", 5000000, 0, patMedical, ""},

	// 106 乳腺科
	{"106", "30218", 3000000, 0, patMedical, "医用耗材"},
	{"106", "4101010102", 400000, 0, patMedical, ""},
	{"106", "4101010105", 600000, 0, patMedical, ""},
	{"106", "4101010201", 800000, 0, patMedical, ""},
	{"106", "4101010206", 3000000, 0, patMedical, ""},
	{"106", "4101010208", 1500000, 0, patMedical, ""},
	{"106", "4101010209", 2000000, 0, patMedical, ""},

	// 107 中医科
	{"107", "30218", 1500000, 0, patMedical, "中药饮片及耗材"},
	{"107", "4101010101", 200000, 0, patMedical, ""},
	{"107", "4101010102", 500000, 0, patMedical, ""},
	{"107", "4101010105", 3500000, 0, patMedical, ""},

	// 108 急诊科
	{"108", "30218", 2500000, 0, patMedical, "医用耗材"},
	{"108", "30226", 300000, 0, patEven, "院前急救外聘驾驶员"},
	{"108", "4101010101", 600000, 0, patMedical, ""},
	{"108", "4101010102", 1500000, 0, patMedical, ""},
	{"108", "4101010105", 2500000, 0, patMedical, ""},
	{"108", "4101010107", 800000, 0, patMedical, ""},
	{"108", "4101010199", 300000, 0, patMedical, ""},

	// 201 检验科
	{"201", "30218", 14000000, 0, patMedical, "检验试剂"},
	{"201", "30213", 1200000, 0, patOffice, "检验设备维保"},
	{"201", "30227", 900000, 0, patMedical, "外送检验"},
	{"201", "31003", 2200000, 2600000, patCapitalStaged, "全自动化学发光免疫分析仪"},
	{"201", "4101010104", 22000000, 0, patMedical, ""},
	{"201", "4101010204", 14000000, 0, patMedical, ""},

	// 202 超声科
	{"202", "30218", 1500000, 0, patMedical, "耦合剂、探头保护套等"},
	{"202", "30213", 900000, 0, patOffice, "超声设备维保"},
	{"202", "31003", 1800000, 3200000, patCapitalStaged, "高端彩色多普勒超声诊断仪"},
	{"202", "4101010103", 24000000, 0, patMedical, ""},
	{"202", "4101010203", 6000000, 0, patMedical, ""},

	// 203 放射科
	{"203", "30218", 2000000, 0, patMedical, "造影剂及胶片"},
	{"203", "30213", 1500000, 0, patOffice, "影像设备维保"},
	{"203", "31003", 3600000, 4800000, patCapitalStaged, "数字乳腺X线摄影系统"},
	{"203", "4101010103", 9000000, 0, patMedical, ""},
	{"203", "4101010203", 4000000, 0, patMedical, ""},

	// 204 病理科
	{"204", "30218", 2500000, 0, patMedical, "病理试剂"},
	{"204", "30227", 300000, 0, patMedical, "外送病理会诊"},
	{"204", "4101010103", 3500000, 0, patMedical, ""},
	{"204", "4101010203", 2500000, 0, patMedical, ""},

	// 205 药剂科
	{"205", "30218", 75000000, 0, patMedical, "药品采购"},
	{"205", "30213", 200000, 0, patOffice, ""},
	{"205", "4101010108", 38000000, 0, patMedical, ""},
	{"205", "4101010109", 1500000, 0, patMedical, ""},
	{"205", "4101010210", 800000, 0, patMedical, ""},

	// 206 麻醉科
	{"206", "30218", 5000000, 0, patMedical, "麻醉耗材及药品"},
	{"206", "30213", 700000, 0, patOffice, "麻醉机、监护仪维保"},
	{"206", "4101010205", 1500000, 0, patMedical, "分娩镇痛"},
	{"206", "4101010206", 8000000, 0, patMedical, ""},

	// 301 妇女保健科
	{"301", "30218", 1500000, 0, patMedical, "筛查耗材"},
	{"301", "30202", 150000, 0, patOffice, ""},
	{"301", "30227", 800000, 0, patOffice, "两癌筛查阅片委托"},
	{"301", "400102", 4500000, 0, patProjectFiscal, "农村妇女两癌筛查项目"},
	{"301", "4101010102", 900000, 0, patMedical, ""},
	{"301", "4101010103", 1500000, 0, patMedical, ""},

	// 302 儿童保健科
	{"302", "30218", 1200000, 0, patMedical, "体检耗材"},
	{"302", "30202", 100000, 0, patOffice, ""},
	{"302", "30214", 120000, dropped, patQuarterly, "租用社区体检场地（已停租）"},
	{"302", "400102", 3800000, 0, patProjectFiscal, "0–6岁儿童健康管理项目"},
	{"302", "4101010102", 1200000, 0, patMedical, ""},
	{"302", "4101010103", 900000, 0, patMedical, ""},
	{"302", "4101010105", 500000, 0, patMedical, ""},

	// 303 辖区管理科
	{"303", "30227", 3600000, 0, patSettleQ4, "基层妇幼健康服务委托（年终考核后结算）"},
	{"303", "30239", 200000, 0, patOffice, "下乡督导交通"},
	{"303", "30202", 120000, 0, patOffice, ""},
	{"303", "30215", 150000, 0, patOffice, "辖区妇幼工作例会"},
	{"303", "400102", 5000000, 0, patProjectFiscal, "基本公共卫生服务妇幼项目"},

	// 304 健康教育科
	{"304", "30202", 400000, 0, patOffice, "宣传资料印制"},
	{"304", "30215", 180000, 0, patOffice, ""},
	{"304", "30227", 300000, 0, patOffice, "宣传片制作"},
	{"304", "400102", 600000, 0, patProjectFiscal, "孕产妇健康教育项目"},

	// 305 产前筛查与出生缺陷防治中心
	{"305", "30218", 6000000, 0, patMedical, "筛查试剂"},
	{"305", "30227", 600000, 0, patMedical, "外送基因检测"},
	{"305", "31003", 0, 1800000, patCapitalStaged, "新增：无创产前基因检测平台"},
	{"305", "400102", 6000000, 0, patProjectFiscal, "出生缺陷综合防治项目"},
	{"305", "4101010104", 1800000, 0, patMedical, ""},
	{"305", "4101010103", 700000, 0, patMedical, ""},

	// 401 院办公室
	{"401", "30203", 300000, 0, patOffice, "法律顾问"},
	{"401", "30207", 250000, 0, patOffice, ""},
	{"401", "30215", 200000, 0, patOffice, ""},
	{"401", "30217", 80000, 0, patOffice, ""},
	{"401", "30212", 150000, dropped, patOffice, "出国交流（本年不再安排）"},
	{"401", "31002", 300000, 0, patCapitalStaged, ""},

	// 402 财务科
	{"402", "30204", 450000, 0, patOffice, "银行手续费"},
	{"402", "30240", 900000, 0, patQuarterly, ""},
	{"402", "30203", 250000, 0, patCapitalQ4, "年度审计"},

	// 403 人事科
	{"403", "30226", 150000, 0, patOffice, "招聘考务"},
	{"403", "30224", 600000, 0, patOffice, "工作服"},

	// 404 医务科
	{"404", "30215", 120000, 0, patOffice, ""},
	{"404", "30203", 200000, 0, patOffice, "医疗纠纷法律服务"},
	{"404", "30299", 900000, 0, patQuarterly, "医疗责任保险"},

	// 405 护理部
	{"405", "30202", 60000, 0, patOffice, ""},

	// 501 后勤保障科
	{"501", "30213", 3000000, 0, patOffice, "房屋及设施维修"},
	{"501", "30231", 250000, 0, patOffice, ""},
	{"501", "30225", 900000, 0, patUtilities, "锅炉燃气"},
	{"501", "30226", 1200000, 0, patEven, "外聘工勤人员"},

	// 502 设备科
	{"502", "30213", 2500000, 0, patOffice, "医疗设备维保"},
	{"502", "31003", 10000000, 0, patCapitalQ4, "医疗设备更新（院级统筹）"},

	// 503 信息科
	{"503", "30207", 600000, 0, patEven, "网络专线"},
	{"503", "30213", 1500000, 0, patOffice, "信息系统运维"},
	{"503", "31002", 800000, 0, patCapitalStaged, "终端更新"},
	{"503", "31007", 2000000, 9600000, patCapitalQ4, "智慧医院信息系统（电子病历五级）建设"},
}

// scale returns a × num ÷ den rounded half away from zero, the rounding rule
// of Chinese government accounting.
func scale(a money.Amount, num, den int64) money.Amount {
	return money.Amount(money.RoundDiv(a.Fen()*num, den))
}

// hundredYuan is the unit budget amounts are rounded to.
const hundredYuan = 100 * 100

// roundHundreds rounds a to whole hundreds of yuan, half away from zero.
func roundHundreds(a money.Amount) money.Amount {
	return scale(a, 1, hundredYuan) * hundredYuan
}

// yuan converts whole yuan to an amount.
func yuan(y int64) money.Amount { return money.Amount(y * 100) }
