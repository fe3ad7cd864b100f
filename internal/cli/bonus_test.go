package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

type bonusOut struct {
	Year        int                `json:"year"`
	PoolFen     int64              `json:"pool_fen"`
	Weights     map[string]float64 `json:"weights"`
	Departments []struct {
		Code           string             `json:"code"`
		Name           string             `json:"name"`
		Headcount      int                `json:"headcount"`
		Coefficient    float64            `json:"coefficient"`
		Scores         map[string]float64 `json:"scores"`
		CompositeScore float64            `json:"composite_score"`
		BonusFen       int64              `json:"bonus_fen"`
	} `json:"departments"`
}

func bonusRun(t *testing.T, db, welfare string) bonusOut {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "bonus", "--year", "2026", "--pool", "10000000.01", "--welfare-weight", welfare, "--json")
	if code != ExitOK {
		t.Fatalf("bonus --welfare-weight %s: exit %d %s", welfare, code, stderr)
	}
	var out bonusOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	return out
}

// publicHealth is what the demo's public-health departments (301–305) get.
func publicHealth(t *testing.T, o bonusOut) int64 {
	t.Helper()
	var sum int64
	n := 0
	for _, d := range o.Departments {
		if strings.HasPrefix(d.Code, "3") {
			sum += d.BonusFen
			n++
		}
	}
	if n != 5 {
		t.Fatalf("%d public-health departments, want 5", n)
	}
	return sum
}

// Issue 7's acceptance on the demo hospital: the pool is split exactly to
// the fen, and public-health departments gain from the public-welfare
// weight: they receive more at 0.3 than at 0.
func TestBonusOnTheDemo(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	code, stdout, _ := run(t, "--db", db, "bonus", "--year", "2026", "--pool", "10000000.01", "--welfare-weight", "0.3", "--json")
	var raw map[string]json.RawMessage
	if code != ExitOK || json.Unmarshal([]byte(stdout), &raw) != nil || raw["cap"] == nil || raw["year"] == nil || raw["pool_fen"] == nil || raw["weights"] == nil || raw["departments"] == nil {
		t.Fatalf("exit %d, top-level keys: %s", code, stdout[:min(len(stdout), 200)])
	}
	at30 := bonusRun(t, db, "0.3")
	if at30.Year != 2026 || at30.PoolFen != 1000000001 || len(at30.Departments) == 0 {
		t.Fatalf("year %d pool %d, %d departments", at30.Year, at30.PoolFen, len(at30.Departments))
	}
	var sum int64
	for _, d := range at30.Departments {
		if d.Code == "000" || d.Headcount <= 0 || d.BonusFen < 0 || d.Name == "" || len(d.Scores) != 5 {
			t.Errorf("department %+v", d)
		}
		sum += d.BonusFen
	}
	if sum != 1000000001 {
		t.Errorf("bonuses sum to %d fen, want 1000000001", sum)
	}
	if w := at30.Weights; len(w) != 5 || w["public_welfare"] != 0.3 {
		t.Errorf("weights %v", w)
	}
	at0 := bonusRun(t, db, "0")
	if hi, lo := publicHealth(t, at30), publicHealth(t, at0); hi <= lo {
		t.Errorf("public-health departments get %d fen at 0.3, %d at 0: want more at 0.3", hi, lo)
	}

	// Above the reward performance pay available: refused.
	code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "9999999999", "--json")
	if code != ExitRefused || !strings.Contains(stderr, "above the reward performance pay still available") {
		t.Errorf("pool above the cap: exit %d %q", code, stderr)
	}
	// A year without an approved budget has no cap: exit 1, saying to
	// import the budget.
	code, _, stderr = run(t, "--db", db, "--lang", "en", "bonus", "--year", "2020", "--pool", "100")
	if code != ExitRefused || !strings.Contains(stderr, "import budget --year 2020") {
		t.Errorf("no budget: exit %d %q", code, stderr)
	}
	// The table names the departments.
	code, stdout, stderr = run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "10000000.01")
	if code != ExitOK || !strings.Contains(stdout, "Women's Health Care") {
		t.Errorf("table: exit %d %s\n%s", code, stderr, stdout)
	}
	if code, _, _ := run(t, "--db", db, "bonus", "--year", "2026"); code != ExitUsage {
		t.Errorf("bonus without --pool: exit %d", code)
	}
}

// The public-welfare weight is given as the screen shows it (15%) or as a
// fraction; a bare 20 is refused in words rather than read as 2000%.
func TestWelfareWeightAsPercent(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	pct := bonusRun(t, db, "30%")
	frac := bonusRun(t, db, "0.3")
	if pct.Weights["public_welfare"] != 0.3 || frac.Weights["public_welfare"] != 0.3 || len(pct.Departments) == 0 || pct.Departments[0].BonusFen != frac.Departments[0].BonusFen {
		t.Errorf("30%% and 0.3 differ: %+v / %+v", pct.Weights, frac.Weights)
	}
	code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "10000000.01", "--welfare-weight", "20")
	if code != ExitRefused || !strings.Contains(stderr, "write 20% for a percentage") {
		t.Errorf("--welfare-weight 20: exit %d %q", code, stderr)
	}
}
