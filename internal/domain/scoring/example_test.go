package scoring

// screeningScheme is a project self-evaluation indicator system on the
// MoF 财预〔2020〕10号 template — output 50, benefit 30, satisfaction 10,
// budget execution rate 10 — for a maternal and child health hospital's
// cervical and breast cancer screening project (两癌筛查). Each call
// returns a fresh tree, so tests may change it.
func screeningScheme() Scheme {
	ind := func(code, name string, pts float64, i Indicator) Node {
		i.Code, i.Name = code, name
		return Node{Code: code, Name: name, Points: pts, Indicator: &i}
	}
	group := func(code, name string, pts float64, ch ...Node) Node {
		return Node{Code: code, Name: name, Points: pts, Children: ch}
	}
	return Scheme{
		Code: "P2026-SCREEN", Name: "两癌筛查项目绩效自评", Kind: ProjectScheme, Total: 100,
		Origin: "财预〔2020〕10号",
		Roots: []Node{
			group("1", "产出指标", 50,
				group("1.1", "数量指标", 20,
					ind("1.1.1", "宫颈癌筛查人数", 12, Indicator{Unit: "人", Rule: Proportional, Direction: Higher, Target: 12000, Perspective: Internal, PublicWelfare: true}),
					ind("1.1.2", "乳腺癌筛查人数", 8, Indicator{Unit: "人", Rule: Proportional, Direction: Higher, Target: 8000, Perspective: Internal, PublicWelfare: true}),
				),
				group("1.2", "质量指标", 15,
					ind("1.2.1", "阳性病例随访率", 8, Indicator{Unit: "%", Rule: LinearBand, Direction: Higher, Low: 80, High: 95, Perspective: Internal}),
					ind("1.2.2", "筛查差错", 7, Indicator{Unit: "例", Rule: Deduction, Direction: Lower, DeductPer: 1, Perspective: Internal}),
				),
				group("1.3", "时效指标", 5,
					ind("1.3.1", "筛查任务按期完成", 5, Indicator{Rule: Qualitative, Direction: Higher, Perspective: Internal}),
				),
				group("1.4", "成本指标", 10,
					ind("1.4.1", "人均筛查成本", 10, Indicator{Unit: "元/人", Rule: Inverse, Direction: Lower, Target: 180, Perspective: Financial}),
				),
			),
			group("2", "效益指标", 30,
				group("2.1", "社会效益指标", 20,
					ind("2.1.1", "早诊率", 20, Indicator{Unit: "%", Rule: Proportional, Direction: Higher, Target: 70, Perspective: Customer, PublicWelfare: true}),
					ind("2.1.2", "癌前病变检出率", 0, Indicator{Unit: "‰", Rule: Proportional, Direction: Monitor}),
				),
				group("2.2", "可持续影响指标", 10,
					ind("2.2.1", "筛查信息系统持续运行", 10, Indicator{Rule: Qualitative, Direction: Higher, Perspective: Learning}),
				),
			),
			group("3", "满意度指标", 10,
				group("3.1", "服务对象满意度指标", 10,
					ind("3.1.1", "受检妇女满意度", 10, Indicator{Unit: "%", Rule: Threshold, Direction: Higher, Target: 90, Perspective: Customer}),
				),
			),
			group("4", "预算执行率", 10,
				group("4.1", "预算执行率", 10,
					ind("4.1.1", "预算执行率", 10, Indicator{Unit: "%", Rule: Proportional, Direction: Higher, Target: 100, Perspective: Financial}),
				),
			),
		},
	}
}

// screeningValues are the year's actual values of screeningScheme.
func screeningValues() map[string]Value {
	num := func(a float64) Value { return Value{Actual: a, Has: true} }
	return map[string]Value{
		"1.1.1": num(11400),
		"1.1.2": num(8400),
		"1.2.1": num(92),
		"1.2.2": {Has: true, Occurrences: 2},
		"1.3.1": {Has: true, Achievement: Partly},
		"1.4.1": num(200),
		"2.1.1": num(63),
		"2.1.2": num(1.2),
		"2.2.1": {Has: true, Achievement: Achieved},
		"3.1.1": num(93),
		"4.1.1": num(86.5),
	}
}
