package domain

import "testing"

func TestForecastTarget(t *testing.T) {
	screened := Target{Category: TargetQuantity, Indicator: "宫颈癌筛查人数", Value: "20000", Unit: "人", Direction: DirHigher}
	followUp := Target{Category: TargetQuality, Indicator: "筛查结果随访率", Value: "95", Unit: "%", Direction: DirHigher}
	cost := Target{Category: TargetCost, Indicator: "人均筛查成本", Value: "45", Unit: "元/人", Direction: DirLower}
	devices := Target{Category: TargetQuantity, Indicator: "购置设备", Value: "4", Unit: "台", Direction: DirEqual}
	incidents := Target{Category: TargetQuality, Indicator: "安全事故", Value: "2", Unit: "起", Direction: DirLower}
	system := Target{Category: TargetSustainable, Indicator: "长效机制", Value: "建立", Direction: DirQualitative}
	for _, c := range []struct {
		name   string
		t      Target
		actual string
		month  int
		method ForecastMethod
		has    bool
		text   string
		likely bool
	}{
		{"quantity on pace", screened, "15600", 9, ForecastLinear, true, "20800", true},
		{"quantity behind", screened, "12000", 9, ForecastLinear, true, "16000", false},
		{"quantity at month 12 is the actual", screened, "19999", 12, ForecastLinear, true, "19999", false},
		{"rate keeps its last value", followUp, "95.7", 9, ForecastLast, true, "95.7", true},
		{"rate below target", followUp, "92", 6, ForecastLast, true, "92", false},
		{"per-head cost is a level", cost, "44.5", 9, ForecastLast, true, "44.5", true},
		{"cost above the limit", cost, "46", 9, ForecastLast, true, "46", false},
		{"equal within 5%", devices, "3", 9, ForecastLinear, true, "4", true},
		{"equal overshoot", devices, "4", 6, ForecastLinear, true, "8", false},
		{"lower count extrapolated", incidents, "2", 6, ForecastLinear, true, "4", false},
		{"thirds round to two decimals", screened, "100", 9, ForecastLinear, true, "133.33", false},
		{"qualitative achieved", system, "已完成", 9, ForecastQualitative, true, "已完成", true},
		{"qualitative partly", system, "部分完成", 9, ForecastQualitative, true, "部分完成", false},
		{"nothing reported", screened, "", 9, ForecastLinear, false, "", false},
		{"unreadable", screened, "约一万", 9, ForecastLinear, false, "", false},
		{"month 0", screened, "100", 0, ForecastLinear, false, "", false},
	} {
		f := ForecastTarget(c.t, c.actual, c.month)
		if f.Method != c.method || f.Has != c.has || f.Text != c.text || f.Likely != c.likely {
			t.Errorf("%s: got %+v, want method %s has %v text %q likely %v", c.name, f, c.method, c.has, c.text, c.likely)
		}
	}
}

func TestSplitNote(t *testing.T) {
	for _, c := range []struct{ note, reason, measure string }{
		{"", "", ""},
		{"宣传不足", "宣传不足", ""},
		{"偏差原因：宣传不足；纠偏措施：下季度加强宣教", "宣传不足", "下季度加强宣教"},
		{"设备到货延迟，措施：督促供应商", "设备到货延迟", "督促供应商"},
		{"改进措施: 增加筛查点", "", "增加筛查点"},
		{"原因：人手不足；措施：招聘两名护士；纠偏措施：另行安排", "人手不足", "招聘两名护士；纠偏措施：另行安排"},
		{"Reason: late delivery; Measure: chase the supplier", "late delivery", "chase the supplier"},
	} {
		r, m := SplitNote(c.note)
		if r != c.reason || m != c.measure {
			t.Errorf("SplitNote(%q) = %q, %q; want %q, %q", c.note, r, m, c.reason, c.measure)
		}
	}
}
