package domain

import (
	"math"
	"strings"
	"unicode"
)

// TargetLevel is the traffic light of a performance target during the
// year ("double monitoring", 双监控). Amber is the product's word for the
// province rule's yellow.
type TargetLevel string

const (
	LevelNone  TargetLevel = "none"  // nothing to judge yet: not reported, or unreadable
	LevelRed   TargetLevel = "red"   // behind: act now
	LevelAmber TargetLevel = "amber" // slipping: watch
	LevelGreen TargetLevel = "green" // on track
	LevelBlue  TargetLevel = "blue"  // far ahead: check whether the target was set too low
)

// TargetLevels lists the levels from the most to the least urgent.
var TargetLevels = []TargetLevel{LevelRed, LevelAmber, LevelNone, LevelBlue, LevelGreen}

// Thresholds of the in-year target rule (one province's published rule,
// the domain default): completion against the value expected by the month.
const (
	TargetRedBelow   = 0.6 // completion below 60% is red
	TargetAmberBelow = 0.8 // 60–80% amber, 80–120% green
	TargetBlueFrom   = 1.2 // 120% and above blue
	// TargetRateAmberFrom: a rate below its target but within 5% of it
	// (92% against ≥95%) is amber; further below is red.
	TargetRateAmberFrom = 0.95
	// "Equal" targets: within ±5% of the target green, ±10% amber, else red.
	TargetEqualGreenWithin = 0.05
	TargetEqualAmberWithin = 0.10
	// TargetGraceMonths: a target still unreported after the first quarter
	// is itself a warning sign.
	TargetGraceMonths = 3
)

// epsilon keeps a completion that is exactly on a threshold (7.2 ÷ 9 =
// 0.8) on the side the rule says, whatever the float rounding.
const epsilon = 1e-9

// severity orders levels for a project's summary. Blue ranks above green
// because a target far ahead asks for a look (was it set too low?), while
// "not reported" ranks above both: a project cannot be on track unseen.
func (l TargetLevel) severity() int {
	switch l {
	case LevelRed:
		return 4
	case LevelAmber:
		return 3
	case LevelNone:
		return 2
	case LevelBlue:
		return 1
	}
	return 0
}

// WorstLevel is the most urgent of levels; LevelNone when there are none
// (a project without targets has nothing on track).
func WorstLevel(levels ...TargetLevel) TargetLevel {
	if len(levels) == 0 {
		return LevelNone
	}
	worst := levels[0]
	for _, l := range levels[1:] {
		if l.severity() > worst.severity() {
			worst = l
		}
	}
	return worst
}

// Achievement is the judgement of a qualitative target.
type Achievement string

const (
	AchievedNot    Achievement = "not"
	AchievedPartly Achievement = "partly"
	AchievedFully  Achievement = "achieved"
)

// achievementWords are the words finance offices write in the actual
// column of a qualitative target, in Chinese and English. Matching is
// exact (after trimming and lower-casing) because 未达成 and 部分达成 both
// contain 达成. "In progress" counts as partly: under way, not yet done.
var achievementWords = map[string]Achievement{
	"达成": AchievedFully, "已达成": AchievedFully, "完成": AchievedFully, "已完成": AchievedFully,
	"是": AchievedFully, "达到": AchievedFully, "已达到": AchievedFully, "实现": AchievedFully,
	"已实现": AchievedFully, "达标": AchievedFully, "全部完成": AchievedFully, "全部达成": AchievedFully,
	"achieved": AchievedFully, "achieve": AchievedFully, "yes": AchievedFully, "done": AchievedFully,
	"met": AchievedFully, "completed": AchievedFully, "complete": AchievedFully, "fully achieved": AchievedFully,

	"部分": AchievedPartly, "部分达成": AchievedPartly, "部分完成": AchievedPartly, "部分实现": AchievedPartly,
	"基本达成": AchievedPartly, "基本完成": AchievedPartly, "基本实现": AchievedPartly, "进行中": AchievedPartly,
	"partly": AchievedPartly, "partial": AchievedPartly, "partially": AchievedPartly,
	"partly achieved": AchievedPartly, "partially achieved": AchievedPartly, "in progress": AchievedPartly,

	"未达成": AchievedNot, "未完成": AchievedNot, "否": AchievedNot, "未达到": AchievedNot,
	"未实现": AchievedNot, "未达标": AchievedNot, "未开展": AchievedNot, "没有": AchievedNot,
	"not": AchievedNot, "no": AchievedNot, "not achieved": AchievedNot, "not met": AchievedNot,
	"missed": AchievedNot, "failed": AchievedNot,
}

// ParseAchievement reads the actual value of a qualitative target:
// achieved (达成/完成/是), partly (部分) or not (未达成/否), or the English words.
func ParseAchievement(s string) (Achievement, bool) {
	a, ok := achievementWords[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return a, ok
}

// IsRate reports whether t is a level measured at a point in time — a
// percentage (unit % or a value such as 95%), a rate per 1,000 or 100,000,
// a per-capita figure, a score or a grade — rather than a quantity that
// accumulates through the year. Rates are never prorated by month: a
// follow-up rate of 92% is 92% against ≥95% in March as in December.
func (t Target) IsRate() bool {
	unit := strings.ToLower(strings.TrimSpace(t.Unit))
	v := strings.TrimSpace(t.Value)
	if strings.HasSuffix(v, "%") || strings.HasSuffix(v, "％") {
		return true
	}
	switch unit {
	case "分", "分值", "级", "星", "星级", "百分比", "percent", "pct", "points", "score", "level":
		return true
	}
	// %, ‰, ‱ and per-something units (1/10万, 元/人, 次/人) are ratios.
	if strings.ContainsAny(unit, "%％‰‱/") || strings.Contains(unit, "率") {
		return true
	}
	name := strings.TrimSpace(t.Indicator)
	if strings.HasSuffix(name, "率") {
		return true // 随访率, 覆盖率, 知晓率 …
	}
	for _, w := range []string{"满意度", "占比", "比例", "比率", "人均", "平均", "均次", "指数"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	// English words whole, so that "separate" is not a rate.
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "rate", "ratio", "satisfaction", "average", "percentage", "share":
			return true
		}
	}
	return false
}

// TargetAssessment is where one target stands at the end of a month.
type TargetAssessment struct {
	Level    TargetLevel
	Reported bool // an actual value was given
	// Unreadable: the target or the actual is neither a number nor (for
	// qualitative targets) one of the achievement words; the level is none.
	Unreadable bool
	// Prorated: the expected value is the annual target × month ÷ 12, for
	// quantities that accumulate through the year (higher-is-better and
	// equal targets that are not rates).
	Prorated bool
	Target   float64 // the annual target, for quantitative targets
	Expected float64 // the value expected by the month (Target unless prorated)
	Actual   float64 // the actual value read, for quantitative targets
	// Completion is actual ÷ expected (expected ÷ actual for lower-is-better);
	// HasRatio is false where the ratio means nothing (a target of 0 or
	// below, an actual of 0 against a lower-is-better target, qualitative).
	Completion  float64
	HasRatio    bool
	Achievement Achievement // qualitative targets
}

// Overdue reports a target with nothing reported after the first quarter.
func (a TargetAssessment) Overdue(month int) bool {
	return !a.Reported && month > TargetGraceMonths
}

// AssessTarget judges t at the end of month (1–12) given its latest actual
// value, which is the year-to-date figure for quantities and the current
// rate for rates. The rules (domain defaults):
//   - higher-is-better: completion = actual ÷ expected, where expected is
//     target × month ÷ 12 for quantities; below 60% red, 60–80% amber,
//     80–120% green, 120% and above blue;
//   - rates (IsRate) are compared with the annual target at any month: at
//     or above it green (blue from 120%, a target set too low), below it by
//     no more than 5% of the target amber, further below red;
//   - lower-is-better (≤): at or inside the target green, outside red,
//     never prorated (a cost or an incident count must stay inside the
//     annual limit all year); completion is target ÷ actual;
//   - equal (=): within ±5% of the target green, ±10% amber, else red.
//     For a quantity during the year only overshooting the annual target
//     is judged so; falling short of the expected value is judged as a
//     higher-is-better target without blue, because reaching an exact
//     figure early is no fault (3 of 4 devices by September is on track,
//     4 of 4 too; 5 of 4 is red);
//   - qualitative: achieved green, partly amber, not red;
//   - a target of 0 or below has no meaningful ratio and is never
//     prorated: a higher-is-better actual is compared with it directly
//     (at least it green, else red); an equal target of 0 must be met
//     exactly, a negative one within the ±5%/±10% bands of its size;
//   - nothing reported, an unreadable value, or a month before 1 gives
//     none (grey). Months after 12 count as 12.
func AssessTarget(t Target, actual string, month int) TargetAssessment {
	a := TargetAssessment{Level: LevelNone}
	month = min(month, 12)
	actual = strings.TrimSpace(actual)
	a.Reported = actual != ""
	if t.Direction == DirQualitative {
		if !a.Reported || month < 1 {
			return a
		}
		ach, ok := ParseAchievement(actual)
		if !ok {
			a.Unreadable = true
			return a
		}
		a.Achievement = ach
		a.Level = map[Achievement]TargetLevel{AchievedFully: LevelGreen, AchievedPartly: LevelAmber, AchievedNot: LevelRed}[ach]
		return a
	}
	target, ok := TargetNumber(t.Value)
	if !ok || !t.Direction.Valid() {
		a.Unreadable = a.Reported
		return a
	}
	a.Target, a.Expected = target, target
	a.Prorated = t.Direction != DirLower && target > 0 && !t.IsRate()
	if a.Prorated {
		a.Expected = target * float64(max(month, 0)) / 12
	}
	if !a.Reported || month < 1 {
		return a
	}
	v, ok := TargetNumber(actual)
	if !ok {
		a.Unreadable = true
		return a
	}
	a.Actual = v
	switch t.Direction {
	case DirHigher:
		a.assessHigher(t.IsRate())
	case DirLower:
		a.assessLower()
	case DirEqual:
		a.assessEqual(month)
	}
	return a
}

func (a *TargetAssessment) assessHigher(rate bool) {
	if a.Target <= 0 {
		a.Level = pick(a.Actual >= a.Target-epsilon, LevelGreen, LevelRed)
		return
	}
	c := a.Actual / a.Expected
	a.Completion, a.HasRatio = c, true
	switch {
	case rate && c >= TargetBlueFrom-epsilon:
		a.Level = LevelBlue
	case rate && c >= 1-epsilon:
		a.Level = LevelGreen
	case rate && c >= TargetRateAmberFrom-epsilon:
		a.Level = LevelAmber
	case rate:
		a.Level = LevelRed
	default:
		a.Level = progressLevel(c, true)
	}
}

func (a *TargetAssessment) assessLower() {
	a.Level = pick(a.Actual <= a.Target+epsilon, LevelGreen, LevelRed)
	if a.Actual > 0 && a.Target >= 0 {
		a.Completion, a.HasRatio = a.Target/a.Actual, true
	}
}

func (a *TargetAssessment) assessEqual(month int) {
	if a.Target == 0 {
		a.Level = pick(math.Abs(a.Actual) <= epsilon, LevelGreen, LevelRed)
		return
	}
	if a.Prorated && month < 12 && a.Actual <= a.Target {
		c := a.Actual / a.Expected
		a.Completion, a.HasRatio = c, true
		a.Level = progressLevel(c, false)
		return
	}
	if a.Expected != 0 {
		a.Completion, a.HasRatio = a.Actual/a.Expected, true
	}
	d := math.Abs(a.Actual-a.Target) / math.Abs(a.Target)
	switch {
	case d <= TargetEqualGreenWithin+epsilon:
		a.Level = LevelGreen
	case d <= TargetEqualAmberWithin+epsilon:
		a.Level = LevelAmber
	default:
		a.Level = LevelRed
	}
}

// progressLevel applies the 60/80/120% bands to a completion ratio.
func progressLevel(c float64, blue bool) TargetLevel {
	switch {
	case c < TargetRedBelow-epsilon:
		return LevelRed
	case c < TargetAmberBelow-epsilon:
		return LevelAmber
	case blue && c >= TargetBlueFrom-epsilon:
		return LevelBlue
	}
	return LevelGreen
}

func pick(cond bool, yes, no TargetLevel) TargetLevel {
	if cond {
		return yes
	}
	return no
}
