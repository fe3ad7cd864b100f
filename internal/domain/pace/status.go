package pace

import "github.com/budgetperf/budgetperf/internal/domain"

// Level is the colour of a status, alert or band: how urgent it is.
type Level string

const (
	Green Level = "green"
	Amber Level = "amber"
	Red   Level = "red"
	Blue  Level = "blue" // informational: worth a look, not an alert
)

// Levels lists every level, the most urgent first.
var Levels = []Level{Red, Amber, Blue, Green}

// Key is the translation key of the level's word.
func (l Level) Key() string { return "level." + string(l) }

// Status is the one judgement of a figure against its plan to date, with
// its direction. Every screen, report and the command line show the
// Status computed by Compute; none derives it again.
type Status string

const (
	// StatusNormal: within the accurate band (±5% by default).
	StatusNormal Status = "normal"
	// StatusWatch: beyond the accurate band but within the warning band
	// (±10%), in either direction, or revenue short within the band.
	StatusWatch Status = "watch"
	// StatusLagging: expenditure below plan beyond the warning band (滞后预警).
	StatusLagging Status = "lagging"
	// StatusOverspent: expenditure above plan beyond the warning band, or
	// spent without any plan (超支预警).
	StatusOverspent Status = "overspent"
	// StatusShortfall: revenue below plan beyond the warning band (短收预警).
	StatusShortfall Status = "shortfall"
	// StatusSurplus: revenue above plan beyond the warning band (超收),
	// informational and never an alert.
	StatusSurplus Status = "surplus"
)

// Statuses lists every status.
var Statuses = []Status{StatusNormal, StatusWatch, StatusLagging, StatusOverspent, StatusShortfall, StatusSurplus}

// Key is the translation key of the status's word, the one word every
// surface shows for it.
func (s Status) Key() string { return "status." + string(s) }

// Level is the colour of the status.
func (s Status) Level() Level {
	switch s {
	case StatusWatch:
		return Amber
	case StatusLagging, StatusOverspent, StatusShortfall:
		return Red
	case StatusSurplus:
		return Blue
	}
	return Green
}

// Alert reports whether the status is an alert: every red status is.
func (s Status) Alert() bool { return s.Level() == Red }

// Judge grades a figure of kind against its plan to date with the
// hospital's bands. Expenditure beyond the warning band either way is an
// alert (lagging below, overspent above); revenue below it is an alert
// (shortfall), above it informational (surplus). Nothing planned and
// nothing booked is normal; spending without a plan is overspent and
// revenue without a plan is surplus.
func (t Thresholds) Judge(kind domain.SubjectKind, m Measure) Status {
	d, ok := m.Deviation()
	if !ok {
		switch {
		case m.Actual == 0:
			return StatusNormal
		case kind == domain.Revenue && m.Actual > 0:
			return StatusSurplus
		case kind == domain.Revenue:
			return StatusShortfall
		case m.Actual > 0:
			return StatusOverspent
		}
		return StatusWatch // refunds booked against nothing planned
	}
	if m.PlanToDate < 0 {
		d = -d // a negative plan (net refunds): above it is still "more"
	}
	green, amber := t.GreenWithin+1e-12, t.AmberWithin+1e-12
	switch {
	case d >= -green && d <= green:
		return StatusNormal
	case kind == domain.Revenue && d > amber:
		return StatusSurplus
	case kind == domain.Revenue && d > 0:
		return StatusNormal
	case d >= -amber && d <= amber:
		return StatusWatch
	case kind == domain.Revenue:
		return StatusShortfall
	case d > 0:
		return StatusOverspent
	}
	return StatusLagging
}

// Key is the translation key of the pace's word.
func (p Pace) Key() string { return "pace." + string(p) }

// Paces lists every pace.
var Paces = []Pace{Behind, OnTrack, Ahead, NoPlan}

// Level is the colour of the pace: behind time progress raises only an
// amber alert (执行滞后), ahead is information (blue), on track green. A
// pace is never red; only a status is.
func (p Pace) Level() Level {
	switch p {
	case Behind:
		return Amber
	case Ahead:
		return Blue
	}
	return Green
}

// BandLevel is the chart palette entry of the level (chart.Band.Level):
// 0 green, 1 amber, 2 red, 3 blue, so that a bar takes the colour of the
// status it stands for.
func (l Level) BandLevel() int {
	switch l {
	case Amber:
		return 1
	case Red:
		return 2
	case Blue:
		return 3
	}
	return 0
}
