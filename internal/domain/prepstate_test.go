package domain

import (
	"fmt"
	"testing"
)

// Every state × round × action: the legal steps land where the cycle says,
// everything else is refused with a problem that has a key.
func TestPrepTransitions(t *testing.T) {
	legal := map[string]PrepPosition{
		"draft/1/submit":            {StateSubmitted, 1},
		"returned/1/submit":         {StateSubmitted, 1},
		"control_issued/2/submit":   {StateRevised, 2},
		"returned/2/submit":         {StateRevised, 2},
		"submitted/1/return":        {StateReturned, 1},
		"revised/2/return":          {StateReturned, 2},
		"submitted/1/issue_control": {StateControlIssued, 2},
		"revised/2/approve":         {StateApproved, 2},
	}
	refusals := map[string]string{
		"draft/1/return":                 "problem.prep.return_not_submitted",
		"draft/1/issue_control":          "problem.prep.control_needs_proposal",
		"draft/1/approve":                "problem.prep.approve_needs_revision",
		"submitted/1/submit":             "problem.prep.already_submitted",
		"submitted/1/approve":            "problem.prep.approve_needs_control",
		"returned/1/return":              "problem.prep.return_not_submitted",
		"returned/1/issue_control":       "problem.prep.control_needs_proposal",
		"returned/1/approve":             "problem.prep.approve_needs_revision",
		"control_issued/2/return":        "problem.prep.return_not_submitted",
		"control_issued/2/issue_control": "problem.prep.control_already",
		"control_issued/2/approve":       "problem.prep.approve_needs_revision",
		"returned/2/return":              "problem.prep.return_not_submitted",
		"returned/2/issue_control":       "problem.prep.control_needs_proposal",
		"returned/2/approve":             "problem.prep.approve_needs_revision",
		"revised/2/submit":               "problem.prep.already_submitted",
		"revised/2/issue_control":        "problem.prep.control_already",
		"approved/2/submit":              "problem.prep.approved",
		"approved/2/return":              "problem.prep.approved",
		"approved/2/issue_control":       "problem.prep.approved",
		"approved/2/approve":             "problem.prep.already_approved",
	}
	positions := []PrepPosition{{StateDraft, 1}, {StateSubmitted, 1}, {StateReturned, 1}, {StateControlIssued, 2},
		{StateReturned, 2}, {StateRevised, 2}, {StateApproved, 2}}
	seen := 0
	for _, p := range positions {
		for _, a := range PrepActions {
			name := fmt.Sprintf("%s/%d/%s", p.State, p.Round, a)
			got, err := p.NextFor(a, "请核减办公费", "儿科")
			if want, ok := legal[name]; ok {
				seen++
				if err != nil || got != want {
					t.Errorf("%s = %v, %v; want %v", name, got, err, want)
				}
				continue
			}
			seen++
			ps := AsProblems(err)
			if len(ps) != 1 {
				t.Errorf("%s was allowed (→ %v); want a refusal", name, got)
				continue
			}
			if want := refusals[name]; ps[0].Key != want {
				t.Errorf("%s refused with %s, want %s", name, ps[0].Key, want)
			}
			if got != p {
				t.Errorf("%s changed the position to %v on refusal", name, got)
			}
		}
	}
	if seen != len(positions)*len(PrepActions) {
		t.Fatalf("checked %d combinations", seen)
	}
}

func TestReturnNeedsComment(t *testing.T) {
	_, err := PrepPosition{StateSubmitted, 1}.Next(ActReturn, "")
	if ps := AsProblems(err); len(ps) != 1 || ps[0].Key != "problem.prep.return_comment" {
		t.Fatalf("return without comment: %v", err)
	}
}

func TestAllowedAndEditable(t *testing.T) {
	tests := []struct {
		p        PrepPosition
		allowed  []PrepAction
		editable bool
		control  bool
	}{
		{PrepPosition{StateDraft, 1}, []PrepAction{ActSubmit}, true, false},
		{PrepPosition{StateSubmitted, 1}, []PrepAction{ActReturn, ActIssueControl}, false, true},
		{PrepPosition{StateControlIssued, 2}, []PrepAction{ActSubmit}, true, false},
		{PrepPosition{StateRevised, 2}, []PrepAction{ActReturn, ActApprove}, false, false},
		{PrepPosition{StateApproved, 2}, nil, false, false},
	}
	for _, tt := range tests {
		if got := tt.p.Allowed(); fmt.Sprint(got) != fmt.Sprint(tt.allowed) {
			t.Errorf("%v allowed %v, want %v", tt.p, got, tt.allowed)
		}
		if tt.p.Editable() != tt.editable || tt.p.ControlEditable() != tt.control {
			t.Errorf("%v editable %v control %v", tt.p, tt.p.Editable(), tt.p.ControlEditable())
		}
	}
}

func TestTargetNumber(t *testing.T) {
	for in, ok := range map[string]bool{"95": true, "1,200": true, "99.5%": true, "-3": true, " 80 ％": true,
		"NaN": false, "inf": false, "0x1p3": false, "1_000": false, "": false, ".": false, "≥95": false} {
		if _, got := TargetNumber(in); got != ok {
			t.Errorf("TargetNumber(%q) ok = %v", in, got)
		}
	}
}
