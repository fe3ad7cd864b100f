package domain

import (
	"testing"
	"time"
)

func TestAdjustmentValidate(t *testing.T) {
	good := Adjustment{ReasonCategory: ReasonNewTask, Reason: "新增两癌筛查任务",
		Lines: []AdjustmentLine{{DeptCode: "301", SubjectCode: "30201", Old: 100, New: 200}, {DeptCode: "301", SubjectCode: "30202", Old: 0, New: 50}}}
	cases := []struct {
		name string
		edit func(a *Adjustment)
		want []string
	}{
		{"valid", func(*Adjustment) {}, nil},
		{"no reason text", func(a *Adjustment) { a.Reason = "  " }, []string{"problem.adjust.reason_required"}},
		{"unknown category", func(a *Adjustment) { a.ReasonCategory = "whim" }, []string{"problem.adjust.reason_category"}},
		{"no lines", func(a *Adjustment) { a.Lines = nil }, []string{"problem.adjust.no_lines"}},
		{"no change", func(a *Adjustment) {
			a.Lines = []AdjustmentLine{{DeptCode: "301", SubjectCode: "30201", Old: 100, New: 100}}
		}, []string{"problem.adjust.no_change"}},
		{"duplicate", func(a *Adjustment) {
			a.Lines = []AdjustmentLine{{DeptCode: "301", SubjectCode: "30201", New: 1}, {DeptCode: "301", SubjectCode: "30201", New: 2}}
		}, []string{"problem.adjust.duplicate_line"}},
		{"incomplete", func(a *Adjustment) { a.Lines = []AdjustmentLine{{DeptCode: "301", New: 1}} }, []string{"problem.adjust.line_incomplete"}},
		{"everything at once", func(a *Adjustment) {
			a.Reason, a.ReasonCategory = "", ""
			a.Lines = []AdjustmentLine{{DeptCode: "301", SubjectCode: "30201", Old: 5, New: 5}}
		}, []string{"problem.adjust.reason_category", "problem.adjust.reason_required", "problem.adjust.no_change"}},
	}
	for _, c := range cases {
		a := good
		a.Lines = append([]AdjustmentLine(nil), good.Lines...)
		c.edit(&a)
		ps := a.Validate()
		var got []string
		for _, p := range ps {
			got = append(got, p.Key)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
	}
	if good.Change() != 150 {
		t.Errorf("Change = %d", good.Change())
	}
}

func TestAdjustmentDecide(t *testing.T) {
	req := Adjustment{Number: 3, Year: 2026, State: AdjustmentRequested}
	if s, err := req.Decide(true, ""); err != nil || s != AdjustmentApproved {
		t.Errorf("approve: %v %v", s, err)
	}
	if _, err := req.Decide(false, " "); err == nil || err.(*Problem).Key != "problem.adjust.reject_comment" {
		t.Errorf("reject without comment: %v", err)
	}
	if s, err := req.Decide(false, "理由不充分"); err != nil || s != AdjustmentRejected {
		t.Errorf("reject: %v %v", s, err)
	}
	done := Adjustment{Number: 3, Year: 2026, State: AdjustmentApproved, DecidedBy: "local", DecidedAt: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	for _, approve := range []bool{true, false} {
		if _, err := done.Decide(approve, "again"); err == nil || err.(*Problem).Key != "problem.adjust.already_decided" {
			t.Errorf("deciding twice (approve=%v): %v", approve, err)
		}
	}
}

func TestReasonCategories(t *testing.T) {
	keys := map[string]bool{}
	for _, c := range ReasonCategories {
		if !c.Valid() {
			t.Errorf("%s not valid", c)
		}
		keys[c.Term().Key] = true
	}
	if len(keys) != len(ReasonCategories) {
		t.Errorf("categories share translation keys: %v", keys)
	}
	if ReasonCategory("").Valid() {
		t.Error("empty category accepted")
	}
}
