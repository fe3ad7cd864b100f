// Package scoring scores departments and projects against a weighted
// three-level indicator system (level-1 dimension → level-2 group →
// level-3 indicator), grades them, and turns grades into suggestions for
// the next year's budget. The rules here are pure and table-tested; the
// store and the screens come on top.
package scoring

// Rule is how an indicator's actual value becomes points.
type Rule string

const (
	// Proportional: min(actual ÷ target, 1) × points (higher is better).
	Proportional Rule = "proportional"
	// Inverse: min(target ÷ actual, 1) × points (lower is better).
	Inverse Rule = "inverse"
	// Threshold: full points when the target is met, none otherwise.
	Threshold Rule = "threshold"
	// LinearBand: 0 points at Low, full points at High, straight in
	// between (High may be below Low for lower-is-better indicators).
	LinearBand Rule = "linear_band"
	// Deduction: full points less DeductPer for each occurrence, not below 0.
	Deduction Rule = "deduction"
	// Qualitative: achieved / partly / not achieved scored at
	// QualitativeShares of the points (defaults 100% / 70% / 30%).
	Qualitative Rule = "qualitative"
)

// Rules lists the rules in menu order.
var Rules = []Rule{Proportional, Inverse, Threshold, LinearBand, Deduction, Qualitative}

// Direction says which way an indicator is better.
type Direction string

const (
	Higher  Direction = "higher"  // higher is better
	Lower   Direction = "lower"   // lower is better
	InRange Direction = "range"   // within [Low, High] is best
	Monitor Direction = "monitor" // observed, not scored (national "监测比较")
)

// Perspective is the balanced-scorecard perspective of an indicator.
type Perspective string

const (
	Financial Perspective = "financial"
	Customer  Perspective = "customer"
	Internal  Perspective = "internal"
	Learning  Perspective = "learning"
)

// Perspectives lists the four perspectives in radar order.
var Perspectives = []Perspective{Financial, Customer, Internal, Learning}

// BonusDimension is the bonus scheme dimension an indicator feeds (issue 7):
// workload, quality, efficiency and cost control, public welfare, satisfaction.
type BonusDimension string

const (
	BonusNone          BonusDimension = ""
	BonusWorkload      BonusDimension = "workload"
	BonusQuality       BonusDimension = "quality"
	BonusEfficiency    BonusDimension = "efficiency"
	BonusPublicWelfare BonusDimension = "public_welfare"
	BonusSatisfaction  BonusDimension = "satisfaction"
)

// Indicator is a level-3 indicator with how it is scored.
type Indicator struct {
	Code, Name, NameEn string
	Unit               string
	Direction          Direction
	Rule               Rule
	// Target is the value that earns full points (Proportional, Inverse,
	// Threshold); Low and High bound LinearBand and InRange.
	Target, Low, High float64
	// DeductPer is the points taken per occurrence (Deduction).
	DeductPer float64
	// Source says where the indicator and its data come from (policy
	// document, information system, survey…).
	Source      string
	Perspective Perspective
	Bonus       BonusDimension
	// PublicWelfare marks public-health duties (screening, outreach…).
	PublicWelfare bool
	// RevenueLinked marks indicators linked to revenue: any revenue amount,
	// share, growth, per-head revenue, revenue completion or surplus. They
	// may never drive pay (RevenueDriverProblem, citing RevenueRule).
	RevenueLinked bool
	// RevenueUndecided marks an indicator just added in the library whose
	// revenue-linked question has not been answered yet: Validate refuses
	// it, so it is never stored (stored and template indicators are decided).
	RevenueUndecided bool
	// OverFactor, when above 1, flags a result beyond OverFactor times the
	// target (below target ÷ OverFactor when lower is better) as a target
	// set too low (目标值设定偏低), which then earns its points less the
	// share OverDeduct (0 flags only).
	OverFactor, OverDeduct float64
	// TargetText is the target as it was declared (words for a qualitative
	// target, the number as typed otherwise), for the forms.
	TargetText string
}

// Node is a level-1 dimension or level-2 group with its points, or a
// level-3 indicator (Indicator set, no children).
type Node struct {
	Code, Name, NameEn string
	Points             float64
	Children           []Node
	Indicator          *Indicator
}

// SchemeKind says what a scheme evaluates.
type SchemeKind string

const (
	ProjectScheme    SchemeKind = "project"
	DepartmentScheme SchemeKind = "department"
)

// Scheme is a whole indicator system: its level-1 dimensions add up to
// Total points (100).
type Scheme struct {
	Code, Name, NameEn string
	Kind               SchemeKind
	Total              float64
	// Origin says where the scheme comes from, e.g. 财预〔2020〕10号.
	Origin string
	Roots  []Node
}

// Grade is an evaluation grade (policy bands 90 / 80 / 60).
type Grade string

const (
	Excellent Grade = "excellent" // 优 90–100
	Good      Grade = "good"      // 良 80–<90
	Fair      Grade = "fair"      // 中 60–<80
	Poor      Grade = "poor"      // 差 <60
	// Unscored is the state of a unit with no value on any scored
	// indicator (未评分): it has no score, no grade and no rank. It is not
	// one of Grades, and the result-application table has no row for it.
	Unscored Grade = "unscored"
)

// Grades lists the grades best first.
var Grades = []Grade{Excellent, Good, Fair, Poor}
