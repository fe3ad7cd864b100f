package domain

import "slices"

// PrepState is where a department's budget proposal stands in the year's
// "two ups, two downs" (二上二下) cycle.
type PrepState string

const (
	StateDraft         PrepState = "draft"          // being written by the department
	StateSubmitted     PrepState = "submitted"      // first up: waiting for the budget office
	StateReturned      PrepState = "returned"       // sent back with comments
	StateControlIssued PrepState = "control_issued" // first down: control figures issued
	StateRevised       PrepState = "revised"        // second up: waiting for the committee
	StateApproved      PrepState = "approved"       // second down
)

// PrepStates lists the states in cycle order.
var PrepStates = []PrepState{StateDraft, StateSubmitted, StateReturned, StateControlIssued, StateRevised, StateApproved}

// Valid reports whether s is a known state.
func (s PrepState) Valid() bool { return slices.Contains(PrepStates, s) }

// PrepAction is a step someone takes in the cycle.
type PrepAction string

const (
	ActSubmit       PrepAction = "submit"        // department: first up, or second up after control figures
	ActReturn       PrepAction = "return"        // reviewer: send back with a comment
	ActIssueControl PrepAction = "issue_control" // budget office: first down
	ActApprove      PrepAction = "approve"       // committee: second down
)

// PrepActions lists every action, for tests and menus.
var PrepActions = []PrepAction{ActSubmit, ActReturn, ActIssueControl, ActApprove}

// PrepPosition is a department's state and round: round 1 is before
// control figures are issued, round 2 after. A returned proposal goes back
// to the step of its round.
type PrepPosition struct {
	State PrepState
	Round int
}

// Editable reports whether the department may change its figures now, and
// which: the first-up proposal in round 1, the revised figure in round 2.
func (p PrepPosition) Editable() bool {
	return p.State == StateDraft || p.State == StateReturned || p.State == StateControlIssued
}

// ControlEditable reports whether the budget office may set control figures.
func (p PrepPosition) ControlEditable() bool { return p.State == StateSubmitted }

// Allowed lists the actions that are legal from p, in menu order.
func (p PrepPosition) Allowed() []PrepAction {
	var out []PrepAction
	for _, a := range PrepActions {
		if _, err := p.Next(a, "x"); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// Next applies action to p. A return needs a comment that tells the
// department what to change. Illegal steps are refused with a Problem
// that says why and what to do instead; dept names the department in it.
func (p PrepPosition) Next(action PrepAction, comment string) (PrepPosition, error) {
	return p.next(action, comment, "")
}

// NextFor is Next with the department's name in the refusal.
func (p PrepPosition) NextFor(action PrepAction, comment, dept string) (PrepPosition, error) {
	return p.next(action, comment, dept)
}

func (p PrepPosition) next(action PrepAction, comment, dept string) (PrepPosition, error) {
	refuse := func(key, def string) error {
		return NewProblem(key, def, "Dept", dept, "State", p.State.Term())
	}
	switch action {
	case ActSubmit:
		switch {
		case p.State == StateDraft, p.State == StateReturned && p.Round == 1:
			return PrepPosition{StateSubmitted, 1}, nil
		case p.State == StateControlIssued, p.State == StateReturned && p.Round == 2:
			return PrepPosition{StateRevised, 2}, nil
		case p.State == StateSubmitted || p.State == StateRevised:
			return p, refuse("problem.prep.already_submitted", "{{.Dept}}'s proposal is already submitted and waiting for review. To change it, ask the reviewer to return it.")
		case p.State == StateApproved:
			return p, refuse("problem.prep.approved", "{{.Dept}}'s budget is approved and can no longer be changed in the cycle. After the hospital budget is approved, request an adjustment.")
		}
	case ActReturn:
		if comment == "" {
			return p, refuse("problem.prep.return_comment", "Say why {{.Dept}}'s proposal is returned: the comment tells the department what to change.")
		}
		switch p.State {
		case StateSubmitted:
			return PrepPosition{StateReturned, 1}, nil
		case StateRevised:
			return PrepPosition{StateReturned, 2}, nil
		case StateApproved:
			return p, refuse("problem.prep.approved", "{{.Dept}}'s budget is approved and can no longer be changed in the cycle. After the hospital budget is approved, request an adjustment.")
		default:
			return p, refuse("problem.prep.return_not_submitted", "{{.Dept}}'s proposal is not waiting for review, so there is nothing to return. A proposal can be returned after the department submits it.")
		}
	case ActIssueControl:
		switch p.State {
		case StateSubmitted:
			return PrepPosition{StateControlIssued, 2}, nil
		case StateDraft, StateReturned:
			return p, refuse("problem.prep.control_needs_proposal", "Control figures for {{.Dept}} are issued after the department has submitted its proposal (first up). Ask the department to submit it first.")
		case StateApproved:
			return p, refuse("problem.prep.approved", "{{.Dept}}'s budget is approved and can no longer be changed in the cycle. After the hospital budget is approved, request an adjustment.")
		default:
			return p, refuse("problem.prep.control_already", "Control figures for {{.Dept}} have already been issued. The department now revises its proposal within them.")
		}
	case ActApprove:
		switch p.State {
		case StateRevised:
			return PrepPosition{StateApproved, 2}, nil
		case StateApproved:
			return p, refuse("problem.prep.already_approved", "{{.Dept}}'s budget is already approved.")
		case StateSubmitted:
			return p, refuse("problem.prep.approve_needs_control", "{{.Dept}}'s proposal cannot be approved yet: the budget office first issues control figures, then the department revises within them (second up).")
		default:
			return p, refuse("problem.prep.approve_needs_revision", "{{.Dept}}'s proposal cannot be approved yet: the department must first submit its revised proposal (second up).")
		}
	}
	return p, NewProblem("problem.prep.unknown_action", "Unknown step {{.Action}}: use submit, return, issue_control or approve.", "Action", string(action))
}

// Term is the state's name for messages, translated by key prep.state.*.
func (s PrepState) Term() Term {
	return Term{Key: "prep.state." + string(s), Default: stateDefaults[s]}
}

var stateDefaults = map[PrepState]string{
	StateDraft: "Draft", StateSubmitted: "Submitted (first up)", StateReturned: "Returned",
	StateControlIssued: "Control figures issued (first down)", StateRevised: "Revised (second up)", StateApproved: "Approved (second down)",
}
