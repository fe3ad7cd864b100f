package domain

import (
	"math"
	"strconv"
	"strings"
)

// ForecastMethod is how a target's full-year value is forecast from the
// months reported (全年预计完成).
type ForecastMethod string

const (
	// ForecastLinear extrapolates a quantity that accumulates through the
	// year by time progress: value to date ÷ months × 12.
	ForecastLinear ForecastMethod = "linear"
	// ForecastLast keeps the latest value of a rate or level (a follow-up
	// rate of 92% in September is forecast 92% for the year).
	ForecastLast ForecastMethod = "last"
	// ForecastQualitative keeps the latest judgement of a qualitative
	// target (achieved, partly, not).
	ForecastQualitative ForecastMethod = "qualitative"
)

// ForecastMethodText states the methods on the monitoring form.
const ForecastMethodText = "全年预计完成：累计数量指标按时间进度线性外推（1–M月实际完成值 ÷ M × 12）；" +
	"比率、均值、满意度等水平指标按最近一期实际值；定性指标按当前完成情况。"

// TargetForecast is the forecast of one target to the end of the year.
type TargetForecast struct {
	Method ForecastMethod
	// Has is false when nothing (readable) was reported: no forecast.
	Has   bool
	Value float64 // quantitative targets
	// Text is the forecast as printed: the number (to two decimals at
	// most, in the target's unit) or the qualitative judgement as reported.
	Text string
	// Likely says whether the target is likely to be met by the year end
	// (预计能否完成): the forecast compared with the target by direction,
	// an equal target within ±5%, a qualitative one only when achieved.
	Likely bool
}

// ForecastTarget forecasts t to the year end from actual, its latest value
// at the end of month (1–12): the year-to-date figure for quantities, the
// current value for rates and levels (Target.IsRate), the judgement for
// qualitative targets.
func ForecastTarget(t Target, actual string, month int) TargetForecast {
	f := TargetForecast{Method: ForecastLast}
	switch {
	case t.Direction == DirQualitative:
		f.Method = ForecastQualitative
	case !t.IsRate():
		f.Method = ForecastLinear
	}
	actual = strings.TrimSpace(actual)
	if actual == "" || month < 1 {
		return f
	}
	month = min(month, 12)
	if f.Method == ForecastQualitative {
		a, ok := ParseAchievement(actual)
		f.Has, f.Text, f.Likely = ok, actual, a == AchievedFully
		return f
	}
	v, ok := TargetNumber(actual)
	if !ok {
		return f
	}
	if f.Method == ForecastLinear {
		v = v / float64(month) * 12
	}
	f.Has, f.Value, f.Text = true, v, strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	target, ok := TargetNumber(t.Value)
	if !ok {
		return f
	}
	switch t.Direction {
	case DirHigher:
		f.Likely = v >= target-epsilon
	case DirLower:
		f.Likely = v <= target+epsilon
	case DirEqual:
		f.Likely = math.Abs(v-target) <= math.Abs(target)*TargetEqualGreenWithin+epsilon
	}
	return f
}

// noteMeasure are the markers that start the corrective measure in a
// reported value's note; noteReason those that may open its reason.
var (
	noteMeasure = []string{"纠偏措施：", "纠偏措施:", "改进措施：", "改进措施:", "措施：", "措施:", "Measure:", "measure:"}
	noteReason  = []string{"偏差原因：", "偏差原因:", "原因：", "原因:", "Reason:", "reason:"}
)

// SplitNote reads the note given with a reported target value as the
// monitoring form's two columns: the reason for the deviation (偏差原因)
// and, after a marker such as "纠偏措施：" or "措施：", the corrective
// measure (纠偏措施). A note without a marker is all reason.
func SplitNote(note string) (reason, measure string) {
	reason = strings.TrimSpace(note)
	at, marker := -1, ""
	for _, m := range noteMeasure {
		if i := strings.Index(reason, m); i >= 0 && (at < 0 || i < at) {
			at, marker = i, m
		}
	}
	if at >= 0 {
		reason, measure = reason[:at], strings.TrimSpace(reason[at+len(marker):])
	}
	reason = strings.TrimSpace(reason)
	for _, m := range noteReason {
		reason = strings.TrimSpace(strings.TrimPrefix(reason, m))
	}
	return strings.TrimRight(reason, "；;，, "), measure
}
