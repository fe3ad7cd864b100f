// Package pace is the rules of budget execution: plan to date, execution
// rates against time progress, deviation, the status bands and the alerts
// (Compute). It is pure; package execution reads the figures and serves them.
package pace

// Pace thresholds on execution rate ÷ time progress (domain defaults).
const (
	BehindBelow = 0.9
	AheadAbove  = 1.1
)

// Pace classifies a department's execution against time progress.
type Pace string

const (
	Behind  Pace = "behind"
	OnTrack Pace = "on-track"
	Ahead   Pace = "ahead"
	NoPlan  Pace = "no-budget"
)

// TimeProgress is elapsed months ÷ 12 at the end of month.
func TimeProgress(month int) float64 { return float64(month) / 12 }
