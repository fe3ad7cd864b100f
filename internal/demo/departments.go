package demo

import "github.com/budgetperf/budgetperf/internal/domain"

// The demo hospital is fictional: Binjiang (滨江市) is not a real prefecture-level city.
const (
	hospitalName   = "滨江市妇幼保健院"
	hospitalNameEn = "Binjiang Maternal and Child Health Hospital"
)

// deptSpec is a demo department with the knobs that shape its figures.
type deptSpec struct {
	code, name, nameEn string
	typ                domain.DeptType
	headcount          int
	coefMilli          int64
	// growthMilli turns the prior year's budget into the current year's
	// (1065 = +6.5%).
	growthMilli int64
	// paceMilli is the expected annual execution of the current year's
	// budget, in thousandths, before per-line noise (1000 = on budget).
	paceMilli int64
	// revPaceMilli is the same for revenue: births keep falling, so
	// obstetrics earns less than budgeted while paediatrics earns more.
	revPaceMilli int64
}

// deptSpecs lists the departments in code order, grouped by type:
// 1xx clinical, 2xx medical-technical, 3xx public health, 4xx administrative,
// 5xx logistics. Headcounts total 708.
var deptSpecs = []deptSpec{
	{"101", "产科", "Obstetrics", domain.Clinical, 95, 1150, 1045, 990, 940},
	{"102", "妇科", "Gynaecology", domain.Clinical, 55, 1100, 1055, 985, 960},
	{"103", "儿科", "Paediatrics", domain.Clinical, 70, 1100, 1060, 1120, 1090},
	{"104", "新生儿科", "Neonatology", domain.Clinical, 50, 1200, 1070, 1140, 1060},
	{"105", "生殖医学科", "Reproductive Medicine", domain.Clinical, 28, 1100, 1090, 1010, 990},
	{"106", "乳腺科", "Breast Surgery", domain.Clinical, 18, 1050, 1080, 975, 960},
	{"107", "中医科", "Traditional Chinese Medicine", domain.Clinical, 14, 1000, 1035, 995, 975},
	{"108", "急诊科", "Emergency", domain.Clinical, 32, 1150, 1040, 1010, 985},
	{"201", "检验科", "Clinical Laboratory", domain.MedicalTechnical, 40, 1000, 1050, 990, 965},
	{"202", "超声科", "Ultrasound", domain.MedicalTechnical, 32, 1000, 1060, 1000, 975},
	{"203", "放射科", "Radiology", domain.MedicalTechnical, 22, 1000, 1045, 1000, 960},
	{"204", "病理科", "Pathology", domain.MedicalTechnical, 12, 1000, 1040, 980, 970},
	{"205", "药剂科", "Pharmacy", domain.MedicalTechnical, 30, 950, 1030, 975, 955},
	{"206", "麻醉科", "Anaesthesiology", domain.MedicalTechnical, 28, 1050, 1050, 1000, 975},
	{"301", "妇女保健科", "Women's Health Care", domain.PublicHealth, 24, 1000, 1055, 995, 1000},
	{"302", "儿童保健科", "Child Health Care", domain.PublicHealth, 30, 1000, 1060, 1005, 990},
	{"303", "辖区管理科", "Area Health Management", domain.PublicHealth, 12, 1000, 1050, 990, 1000},
	{"304", "健康教育科", "Health Education", domain.PublicHealth, 6, 950, 1030, 985, 1000},
	{"305", "产前筛查与出生缺陷防治中心", "Prenatal Screening and Birth Defect Prevention Centre", domain.PublicHealth, 16, 1000, 1080, 1000, 990},
	{"401", "院办公室", "President's Office", domain.Administrative, 12, 850, 1020, 980, 1000},
	{"402", "财务科", "Finance", domain.Administrative, 12, 850, 1025, 990, 1000},
	{"403", "人事科", "Human Resources", domain.Administrative, 7, 850, 1020, 995, 1000},
	{"404", "医务科", "Medical Affairs", domain.Administrative, 8, 900, 1025, 985, 1000},
	{"405", "护理部", "Nursing Department", domain.Administrative, 6, 900, 1020, 990, 1000},
	{"501", "后勤保障科", "Logistics and Facilities", domain.Logistics, 30, 800, 1030, 990, 1000},
	{"502", "设备科", "Medical Equipment", domain.Logistics, 9, 800, 1040, 980, 1000},
	{"503", "信息科", "Information Technology", domain.Logistics, 10, 800, 1030, 985, 1000},
}

// hospitalWideSpec carries the knobs of the built-in hospital-wide unit 000,
// which is not part of Dataset.Departments.
var hospitalWideSpec = deptSpec{code: domain.HospitalWideCode, growthMilli: 1040, paceMilli: 985, revPaceMilli: 995}

// departments returns the demo departments as domain values.
func departments() []domain.Department {
	out := make([]domain.Department, 0, len(deptSpecs))
	for _, s := range deptSpecs {
		out = append(out, domain.Department{
			Code:             s.code,
			Name:             s.name,
			NameEn:           s.nameEn,
			Type:             s.typ,
			Headcount:        s.headcount,
			CoefficientMilli: s.coefMilli,
		})
	}
	return out
}
