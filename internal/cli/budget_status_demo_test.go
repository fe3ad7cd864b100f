package cli

import (
	"encoding/json"
	"testing"
)

// On the demo hospital, budget status shows next year's cycle in progress
// beside the approved current year: proposals submitted, one returned with
// the budget office's comments, control figures issued to several.
func TestBudgetStatusOfTheDemo(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d %s", code, stderr)
	}
	if cur := status(t, db, "2026"); !cur.Locked {
		t.Errorf("2026 not shown as approved: %+v", cur)
	}
	code, stdout, stderr := run(t, "--db", db, "budget", "status", "--year", "2027", "--json")
	if code != ExitOK {
		t.Fatalf("budget status 2027: exit %d %s", code, stderr)
	}
	var next struct {
		Locked      bool `json:"locked"`
		Departments []struct {
			Code, State string
			Control     *int64 `json:"control_total_fen"`
			Comment     string `json:"comment"`
		} `json:"departments"`
	}
	if err := json.Unmarshal([]byte(stdout), &next); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, d := range next.Departments {
		count[d.State]++
		if d.State == "returned" && d.Comment == "" {
			t.Errorf("%s returned without a comment", d.Code)
		}
		if (d.State == "control_issued") != (d.Control != nil && d.Comment != "") && d.State != "revised" {
			t.Errorf("%s at %s: control %v, comment %q", d.Code, d.State, d.Control, d.Comment)
		}
	}
	if next.Locked || count["submitted"] == 0 || count["returned"] == 0 || count["control_issued"] < 2 || count["draft"] == 0 {
		t.Errorf("2027 locked %v, states %v: want a cycle in progress", next.Locked, count)
	}
}
