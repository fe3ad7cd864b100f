package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The demo's prior-year evaluations come out of evaluate --json in the
// shape design.md gives, ranked, every grade agreeing with its score and
// the policy bands (90 / 80 / 60).
func TestEvaluateJSONOnTheDemo(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "evaluate", "--year", "2025", "--json")
	if code != ExitOK {
		t.Fatalf("evaluate: exit %d, %s", code, stderr)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(raw) != 2 || raw["year"] == nil || raw["units"] == nil {
		t.Errorf("top-level keys: %s", stdout[:min(len(stdout), 200)])
	}
	var got struct {
		Year  int
		Units []map[string]any
	}
	_ = json.Unmarshal([]byte(stdout), &got)
	if got.Year != 2025 || len(got.Units) < 24 {
		t.Fatalf("year %d, %d units", got.Year, len(got.Units))
	}
	grades := map[string]int{}
	prev := 101.0
	for _, u := range got.Units {
		for _, k := range []string{"kind", "code", "name", "status", "score", "grade", "finalised"} {
			if _, ok := u[k]; !ok {
				t.Fatalf("unit without %q: %v", k, u)
			}
		}
		score, _ := u["score"].(float64)
		grade, _ := u["grade"].(string)
		want := "poor"
		switch {
		case score >= 90:
			want = "excellent"
		case score >= 80:
			want = "good"
		case score >= 60:
			want = "fair"
		}
		if grade != want || u["finalised"] != true {
			t.Errorf("%v: graded %s, bands say %s", u, grade, want)
		}
		if math.Abs(score*100-math.Round(score*100)) > 1e-6 {
			t.Errorf("%v: score not rounded to 2 decimals", u)
		}
		if score > prev {
			t.Errorf("%v ranked after a lower score %v", u, prev)
		}
		prev = score
		if u["kind"] == "department" {
			grades[grade]++
		}
	}
	if grades["excellent"] == 0 || grades["fair"] == 0 || grades["poor"] == 0 || grades["good"] < grades["excellent"] {
		t.Errorf("grades %v", grades)
	}

	// The table form names the units and their grades.
	code, stdout, stderr = run(t, "--db", db, "--lang", "en", "evaluate", "--year", "2025")
	if code != ExitOK || !strings.Contains(stdout, "Medical Equipment") || !strings.Contains(stdout, "Poor") {
		t.Errorf("table: exit %d %s\n%s", code, stderr, stdout)
	}
	// A year without a budget has no result: exit 1 saying to import the
	// budget, nothing on stdout.
	code, stdout, stderr = run(t, "--db", db, "evaluate", "--year", "2020", "--json")
	if code != ExitRefused || stdout != "" || !strings.Contains(stderr, "import budget --year 2020") {
		t.Errorf("year without a budget: exit %d %q %s", code, stdout, stderr)
	}
	// The demo year has a budget but no evaluation started: say which command starts it.
	code, stdout, stderr = run(t, "--db", db, "evaluate", "--year", "2026")
	if code != ExitRefused || stdout != "" || !strings.Contains(stderr, "budgetperf evaluate start --year 2026") {
		t.Errorf("year not started: exit %d %q %s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "--db", db, "evaluate", "--json"); code == ExitOK {
		t.Error("evaluate without --year succeeded")
	}
}
