package domain

import (
	"time"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Cycle is a year's budget preparation. Locked is set when the committee
// approves the whole hospital's budget.
type Cycle struct {
	Year     int
	OpenedAt time.Time
	OpenedBy string
	LockedAt time.Time // zero while the cycle runs
	LockedBy string
}

// Locked reports whether the hospital budget has been approved.
func (c Cycle) Locked() bool { return !c.LockedAt.IsZero() }

// DeptPrep is one department's place in the cycle.
type DeptPrep struct {
	DeptCode, DeptName, DeptNameEn string
	PrepPosition
	// ControlTotal is the expenditure control figure given as one total;
	// nil when none was given (control figures may also be per line).
	ControlTotal *money.Amount
	UpdatedAt    time.Time
	UpdatedBy    string
	Version      Version // of the department's proposal (versions.go)
}

// PrepLine is one subject of a department's proposal.
type PrepLine struct {
	SubjectCode string
	Proposal    money.Amount  // first up
	Control     *money.Amount // first down, per line; nil when not set
	Revised     *money.Amount // second up; nil until the department revises
	Note        string
}

// Final is the figure that goes into the budget: the revised one when
// there is one, else the first proposal.
func (l PrepLine) Final() money.Amount {
	if l.Revised != nil {
		return *l.Revised
	}
	return l.Proposal
}

// Transition is one step of the cycle as it was recorded.
type Transition struct {
	DeptCode string
	Action   PrepAction
	From, To PrepState
	Comment  string
	At       time.Time
	By       string
}
