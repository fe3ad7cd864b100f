package domain

import (
	"math"
	"testing"
)

func TestAssessTarget(t *testing.T) {
	screened := Target{Category: TargetQuantity, Indicator: "筛查人数", Value: "1,200", Unit: "人", Direction: DirHigher}
	followUp := Target{Category: TargetQuality, Indicator: "随访率", Value: "95%", Direction: DirHigher}
	followUpUnit := Target{Category: TargetQuality, Indicator: "随访", Value: "95", Unit: "%", Direction: DirHigher}
	satisfaction := Target{Category: TargetSatisfaction, Indicator: "服务对象满意度", Value: "90", Direction: DirHigher}
	lowRate := Target{Category: TargetQuality, Indicator: "阳性召回", Value: "50", Unit: "%", Direction: DirHigher}
	cost := Target{Category: TargetCost, Indicator: "人均筛查成本", Value: "60", Unit: "元", Direction: DirLower}
	incidents := Target{Category: TargetQuality, Indicator: "医疗事故", Value: "0", Unit: "起", Direction: DirLower}
	devices := Target{Category: TargetQuantity, Indicator: "设备购置数量", Value: "4", Unit: "台", Direction: DirEqual}
	ratio := Target{Category: TargetQuality, Indicator: "设备完好率", Value: "98%", Direction: DirEqual}
	zeroEq := Target{Category: TargetQuality, Indicator: "差错", Value: "0", Direction: DirEqual}
	zeroHigh := Target{Category: TargetQuantity, Indicator: "新增投诉", Value: "0", Unit: "件", Direction: DirHigher}
	negative := Target{Category: TargetEconomic, Indicator: "费用增长", Value: "-5", Unit: "万元", Direction: DirHigher}
	negEq := Target{Category: TargetEconomic, Indicator: "结余", Value: "-100", Unit: "万元", Direction: DirEqual}
	qual := Target{Category: TargetTimeliness, Indicator: "按期完成验收", Value: "12月底前", Direction: DirQualitative}
	badTarget := Target{Category: TargetQuantity, Indicator: "人数", Value: "约一千", Direction: DirHigher}
	badDir := Target{Category: TargetQuantity, Indicator: "人数", Value: "100", Direction: "sideways"}

	type want struct {
		level      TargetLevel
		prorated   bool
		expected   float64
		completion float64 // checked when hasRatio
		hasRatio   bool
		reported   bool
		unreadable bool
	}
	cases := []struct {
		name   string
		target Target
		actual string
		month  int
		want   want
	}{
		// Higher-is-better quantities: prorated, 60/80/120 bands.
		{"quantity on track at 9", screened, "900", 9, want{LevelGreen, true, 900, 1, true, true, false}},
		{"quantity exactly 80%", screened, "720", 9, want{LevelGreen, true, 900, 0.8, true, true, false}},
		{"quantity just under 80%", screened, "719", 9, want{LevelAmber, true, 900, 719.0 / 900, true, true, false}},
		{"quantity exactly 60%", screened, "540", 9, want{LevelAmber, true, 900, 0.6, true, true, false}},
		{"quantity under 60%", screened, "539", 9, want{LevelRed, true, 900, 539.0 / 900, true, true, false}},
		{"quantity exactly 120%", screened, "1080", 9, want{LevelBlue, true, 900, 1.2, true, true, false}},
		{"quantity just under 120%", screened, "1079", 9, want{LevelGreen, true, 900, 1079.0 / 900, true, true, false}},
		{"quantity with separators", screened, "1,000", 12, want{LevelGreen, true, 1200, 1000.0 / 1200, true, true, false}},
		{"quantity month 12", screened, "900", 12, want{LevelAmber, true, 1200, 0.75, true, true, false}},
		{"quantity month 1", screened, "100", 1, want{LevelGreen, true, 100, 1, true, true, false}},
		{"month 13 counts as 12", screened, "1200", 13, want{LevelGreen, true, 1200, 1, true, true, false}},
		{"month 0 judges nothing", screened, "100", 0, want{LevelNone, true, 0, 0, false, true, false}},
		{"negative month", screened, "100", -2, want{LevelNone, true, 0, 0, false, true, false}},
		{"not reported", screened, "", 9, want{LevelNone, true, 900, 0, false, false, false}},
		{"blank is not reported", screened, "  ", 9, want{LevelNone, true, 900, 0, false, false, false}},
		{"bad actual", screened, "九百", 9, want{LevelNone, true, 900, 0, false, true, true}},
		{"NaN is not a number", screened, "NaN", 9, want{LevelNone, true, 900, 0, false, true, true}},
		{"negative actual", screened, "-5", 9, want{LevelRed, true, 900, -5.0 / 900, true, true, false}},
		{"bad target", badTarget, "900", 9, want{LevelNone, false, 0, 0, false, true, true}},
		{"bad target unreported", badTarget, "", 9, want{LevelNone, false, 0, 0, false, false, false}},
		{"unknown direction", badDir, "90", 9, want{LevelNone, false, 0, 0, false, true, true}},

		// Rates: never prorated; at/above target green, within 5% amber.
		{"rate 92 vs 95 in March", followUp, "92%", 3, want{LevelAmber, false, 95, 92.0 / 95, true, true, false}},
		{"rate 92 vs 95 in December", followUp, "92", 12, want{LevelAmber, false, 95, 92.0 / 95, true, true, false}},
		{"rate at target", followUp, "95%", 1, want{LevelGreen, false, 95, 1, true, true, false}},
		{"rate above target", followUpUnit, "97.5", 9, want{LevelGreen, false, 95, 97.5 / 95, true, true, false}},
		{"rate far below", followUpUnit, "85", 9, want{LevelRed, false, 95, 85.0 / 95, true, true, false}},
		{"rate 5% edge", Target{Indicator: "随访率", Value: "100%", Direction: DirHigher}, "95%", 6, want{LevelAmber, false, 100, 0.95, true, true, false}},
		{"rate by name", satisfaction, "85", 6, want{LevelRed, false, 90, 85.0 / 90, true, true, false}},
		{"low rate far ahead", lowRate, "61", 9, want{LevelBlue, false, 50, 1.22, true, true, false}},

		// Lower-is-better: inside green, outside red, never prorated.
		{"cost inside", cost, "58.5", 3, want{LevelGreen, false, 60, 60 / 58.5, true, true, false}},
		{"cost at limit", cost, "60", 9, want{LevelGreen, false, 60, 1, true, true, false}},
		{"cost outside", cost, "61", 9, want{LevelRed, false, 60, 60.0 / 61, true, true, false}},
		{"cost zero actual", cost, "0", 9, want{LevelGreen, false, 60, 0, false, true, false}},
		{"incidents none", incidents, "0", 9, want{LevelGreen, false, 0, 0, false, true, false}},
		{"incidents one", incidents, "1", 9, want{LevelRed, false, 0, 0, true, true, false}},

		// Equal: ±5% green, ±10% amber; quantities short of the annual figure judged by progress.
		{"equal quantity on track", devices, "3", 9, want{LevelGreen, true, 3, 1, true, true, false}},
		{"equal quantity behind", devices, "2", 9, want{LevelAmber, true, 3, 2.0 / 3, true, true, false}},
		{"equal quantity nothing", devices, "0", 9, want{LevelRed, true, 3, 0, true, true, false}},
		{"equal quantity early", devices, "4", 6, want{LevelGreen, true, 2, 2, true, true, false}},
		{"equal quantity overshoot", devices, "5", 9, want{LevelRed, true, 3, 5.0 / 3, true, true, false}},
		{"equal quantity year end short", devices, "3", 12, want{LevelRed, true, 4, 0.75, true, true, false}},
		{"equal rate within 5%", ratio, "94", 4, want{LevelGreen, false, 98, 94.0 / 98, true, true, false}},
		{"equal rate within 10%", ratio, "89", 4, want{LevelAmber, false, 98, 89.0 / 98, true, true, false}},
		{"equal rate above", ratio, "100", 4, want{LevelGreen, false, 98, 100.0 / 98, true, true, false}},
		{"equal rate far off", ratio, "80", 4, want{LevelRed, false, 98, 80.0 / 98, true, true, false}},
		{"equal zero hit", zeroEq, "0", 5, want{LevelGreen, false, 0, 0, false, true, false}},
		{"equal zero missed", zeroEq, "0.5", 5, want{LevelRed, false, 0, 0, false, true, false}},
		{"equal negative close", negEq, "-104", 5, want{LevelGreen, false, -100, 1.04, true, true, false}},
		{"equal negative far", negEq, "-120", 5, want{LevelRed, false, -100, 1.2, true, true, false}},

		// Target 0 or negative: compared directly.
		{"zero target met", zeroHigh, "0", 9, want{LevelGreen, false, 0, 0, false, true, false}},
		{"zero target below", zeroHigh, "-1", 9, want{LevelRed, false, 0, 0, false, true, false}},
		{"negative target met", negative, "-3", 9, want{LevelGreen, false, -5, 0, false, true, false}},
		{"negative target missed", negative, "-8", 9, want{LevelRed, false, -5, 0, false, true, false}},

		// Qualitative.
		{"achieved zh", qual, "达成", 9, want{level: LevelGreen, reported: true}},
		{"achieved done", qual, "已完成", 9, want{level: LevelGreen, reported: true}},
		{"achieved yes", qual, "是", 9, want{level: LevelGreen, reported: true}},
		{"achieved en", qual, " Achieved ", 9, want{level: LevelGreen, reported: true}},
		{"partly zh", qual, "部分", 9, want{level: LevelAmber, reported: true}},
		{"partly long", qual, "部分达成", 9, want{level: LevelAmber, reported: true}},
		{"partly en", qual, "partly", 9, want{level: LevelAmber, reported: true}},
		{"not zh", qual, "未达成", 9, want{level: LevelRed, reported: true}},
		{"not no", qual, "否", 9, want{level: LevelRed, reported: true}},
		{"not en", qual, "Not achieved", 9, want{level: LevelRed, reported: true}},
		{"qualitative number", qual, "100", 9, want{level: LevelNone, reported: true, unreadable: true}},
		{"qualitative unreported", qual, "", 9, want{level: LevelNone}},
		{"qualitative month 0", qual, "达成", 0, want{level: LevelNone, reported: true}},
		{"qualitative month 12", qual, "达成", 12, want{level: LevelGreen, reported: true}},
	}
	for _, c := range cases {
		got := AssessTarget(c.target, c.actual, c.month)
		w := c.want
		if got.Level != w.level || got.Prorated != w.prorated || got.Reported != w.reported ||
			got.Unreadable != w.unreadable || got.HasRatio != w.hasRatio || !near(got.Expected, w.expected) ||
			(w.hasRatio && !near(got.Completion, w.completion)) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, w)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestIsRate(t *testing.T) {
	cases := []struct {
		t    Target
		want bool
	}{
		{Target{Indicator: "筛查人数", Value: "1200", Unit: "人"}, false},
		{Target{Indicator: "筛查人数", Value: "95%"}, true},
		{Target{Indicator: "覆盖", Value: "95", Unit: "%"}, true},
		{Target{Indicator: "覆盖", Value: "95", Unit: "％"}, true},
		{Target{Indicator: "孕产妇死亡", Value: "12", Unit: "1/10万"}, true},
		{Target{Indicator: "筛查成本", Value: "60", Unit: "元/人"}, true},
		{Target{Indicator: "随访率", Value: "95"}, true},
		{Target{Indicator: "服务对象满意度", Value: "90", Unit: "分"}, true},
		{Target{Indicator: "电子病历应用水平", Value: "5", Unit: "级"}, true},
		{Target{Indicator: "人均培训学时", Value: "20", Unit: "学时"}, true},
		{Target{Indicator: "Follow-up rate", Value: "95"}, true},
		{Target{Indicator: "Patients screened at separate sites", Value: "950"}, false},
		{Target{Indicator: "培训人次", Value: "300", Unit: "人次"}, false},
	}
	for _, c := range cases {
		if got := c.t.IsRate(); got != c.want {
			t.Errorf("IsRate(%+v) = %v, want %v", c.t, got, c.want)
		}
	}
}

func TestParseAchievement(t *testing.T) {
	cases := map[string]Achievement{
		"达成": AchievedFully, "完成": AchievedFully, "是": AchievedFully, "YES": AchievedFully, "fully  achieved": AchievedFully,
		"部分": AchievedPartly, "基本完成": AchievedPartly, "Partially": AchievedPartly, "in progress": AchievedPartly,
		"未达成": AchievedNot, "否": AchievedNot, "not": AchievedNot, "未完成": AchievedNot,
	}
	for in, want := range cases {
		if got, ok := ParseAchievement(in); !ok || got != want {
			t.Errorf("ParseAchievement(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "达", "maybe", "100%", "部分未达成"} {
		if _, ok := ParseAchievement(in); ok {
			t.Errorf("ParseAchievement(%q) accepted", in)
		}
	}
}

func TestWorstLevel(t *testing.T) {
	cases := []struct {
		in   []TargetLevel
		want TargetLevel
	}{
		{nil, LevelNone},
		{[]TargetLevel{LevelGreen}, LevelGreen},
		{[]TargetLevel{LevelGreen, LevelBlue}, LevelBlue},
		{[]TargetLevel{LevelBlue, LevelNone, LevelGreen}, LevelNone},
		{[]TargetLevel{LevelNone, LevelAmber}, LevelAmber},
		{[]TargetLevel{LevelAmber, LevelRed, LevelBlue}, LevelRed},
	}
	for _, c := range cases {
		if got := WorstLevel(c.in...); got != c.want {
			t.Errorf("WorstLevel(%v) = %s, want %s", c.in, got, c.want)
		}
	}
	a := AssessTarget(Target{Indicator: "人数", Value: "10", Direction: DirHigher}, "", 3)
	if a.Overdue(3) || !a.Overdue(4) {
		t.Errorf("Overdue: month 3 %v, month 4 %v", a.Overdue(3), a.Overdue(4))
	}
}
