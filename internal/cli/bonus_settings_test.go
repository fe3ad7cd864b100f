package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// demo30107 sums the demo's 2026 30107 lines of `budget show` and of
// `actuals show`, read as any user would, to check the cap by hand.
func demo30107(t *testing.T, db, command string) money.Amount {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, command, "show", "--year", "2026", "--json")
	if code != ExitOK {
		t.Fatalf("%s show: exit %d %s", command, code, stderr)
	}
	var out struct {
		Departments []struct {
			Lines []struct {
				Subject string `json:"subject_code"`
				Fen     int64  `json:"amount_fen"`
			} `json:"lines"`
		} `json:"departments"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	var sum money.Amount
	for _, d := range out.Departments {
		for _, l := range d.Lines {
			if l.Subject == "30107" {
				sum += money.FromFen(l.Fen)
			}
		}
	}
	return sum
}

// The cap that applies now: approved 30107 less what the actuals paid
// (January–September on the demo). A pool above it is refused, by
// `bonus` and by `bonus save`, with both figures in words; nothing is saved.
func TestBonusPoolAboveAvailable(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	approved, paid := demo30107(t, db, "budget"), demo30107(t, db, "actuals")
	avail := approved - paid
	if approved <= 0 || paid <= 0 || avail <= money.FromFen(1000000001) {
		t.Fatalf("approved %v, paid %v: the tests' pool of 10,000,000.01 must fit", approved, paid)
	}
	code, stdout, stderr := run(t, "--db", db, "bonus", "--year", "2026", "--pool", "10000000.01", "--json")
	var out struct {
		Cap map[string]int64 `json:"cap"`
	}
	if code != ExitOK || json.Unmarshal([]byte(stdout), &out) != nil {
		t.Fatalf("bonus: exit %d %s", code, stderr)
	}
	if c := out.Cap; c["approved_fen"] != approved.Fen() || c["paid_fen"] != paid.Fen() || c["available_fen"] != avail.Fen() || c["committed_fen"] != 0 {
		t.Errorf("cap %v, want approved %d paid %d available %d", c, approved.Fen(), paid.Fen(), avail.Fen())
	}
	over := money.FormatPlain(avail + 1)
	for _, cmd := range [][]string{{"bonus"}, {"bonus", "save"}} {
		args := append([]string{"--db", db, "--lang", "en"}, cmd...)
		code, _, stderr := run(t, append(args, "--year", "2026", "--pool", strings.ReplaceAll(over, ",", ""))...)
		if code != ExitRefused {
			t.Errorf("%v over the cap: exit %d", cmd, code)
		}
		for _, fig := range []string{money.FormatPlain(avail), money.FormatPlain(approved), money.FormatPlain(paid), "through month 9"} {
			if !strings.Contains(stderr, fig) {
				t.Errorf("%v over the cap: %q lacks %s", cmd, stderr, fig)
			}
		}
	}
	if code, stdout, _ := run(t, "--db", db, "audit", "list", "--entity", "bonus_run", "--key", "2026", "--json"); code != ExitOK || strings.Contains(stdout, `"pool"`) {
		t.Errorf("a refused save left a run in the trail: exit %d %s", code, stdout[:min(len(stdout), 400)])
	}
	// At the cap exactly, it is saved.
	if code, _, stderr := run(t, "--db", db, "bonus", "save", "--year", "2026", "--pool", strings.ReplaceAll(money.FormatPlain(avail), ",", "")); code != ExitOK {
		t.Errorf("pool = available: exit %d %s", code, stderr)
	}
}

type settingsOut struct {
	Floor    float64            `json:"welfare_floor"`
	Weight   float64            `json:"welfare_weight"`
	Weights  map[string]float64 `json:"weights"`
	Subjects []string           `json:"reward_subjects"`
}

func bonusSettings(t *testing.T, db string, args ...string) (settingsOut, int, string) {
	t.Helper()
	code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", "en", "bonus", "settings", "--json"}, args...)...)
	var out settingsOut
	if code == ExitOK {
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatalf("not JSON: %s", stdout)
		}
	}
	return out, code, stderr
}

// bonus settings shows and sets the floor, the weight and the weights; a
// weight out of range or below the floor is refused in words; every change
// is in the audit trail, and `bonus` then uses the hospital's weight.
func TestBonusSettings(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	got, code, _ := bonusSettings(t, db)
	if code != ExitOK || got.Floor != 0 || got.Weight != 0.15 || got.Weights["workload"] != 0.3 || len(got.Subjects) != 1 || got.Subjects[0] != "30107" {
		t.Fatalf("defaults: %+v", got)
	}
	got, code, stderr := bonusSettings(t, db, "--welfare-floor", "10%", "--welfare-weight", "0.2")
	if code != ExitOK || got.Floor != 0.1 || got.Weight != 0.2 {
		t.Fatalf("set: exit %d %s %+v", code, stderr, got)
	}
	sum := 0.0
	for _, w := range got.Weights {
		sum += w
	}
	if sum < 0.999999 || sum > 1.000001 {
		t.Errorf("weights %v sum to %v", got.Weights, sum)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--welfare-weight", "5%"}, "below the floor of 10%"},
		{[]string{"--welfare-weight", "120%"}, "between 0% and 100%"},
		{[]string{"--welfare-weight", "20"}, "write 20% for a percentage"},
		{[]string{"--welfare-floor", "30%"}, "below the floor of 30%"},
		{[]string{"--welfare-floor", "150%"}, "between 0 and 1"},
		{[]string{"--weights", "workload=50%"}, "add up to"},
		{[]string{"--weights", "luck=5%"}, "not a dimension weight"},
		{[]string{"--reward-subjects", "99999"}, "not an expenditure subject"},
	} {
		if _, code, stderr := bonusSettings(t, db, tt.args...); code != ExitRefused || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
	if again, _, _ := bonusSettings(t, db); again.Floor != 0.1 || again.Weight != 0.2 {
		t.Errorf("a refused change changed the settings: %+v", again)
	}
	// bonus: the hospital's weight by default, the floor enforced.
	o := bonusRunArgs(t, db)
	if o.Weights["public_welfare"] != 0.2 {
		t.Errorf("bonus uses weight %v, want the hospital's 0.2", o.Weights["public_welfare"])
	}
	code, _, stderr = run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "100", "--welfare-weight", "0.05")
	if code != ExitRefused || !strings.Contains(stderr, "floor of 10%") {
		t.Errorf("below the floor: exit %d %q", code, stderr)
	}
	code, stdout, _ := run(t, "--db", db, "audit", "list", "--entity", "setting", "--json")
	for _, want := range []string{`"bonus.welfare_floor"`, `"bonus.weights"`, "public_welfare=0.2"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("audit trail lacks %s", want)
		}
	}
	if code, _, stderr := run(t, "--db", db, "audit", "verify"); code != ExitOK {
		t.Errorf("audit verify after the settings: exit %d %s", code, stderr)
	}
	// The plain display says it in words.
	code, stdout, _ = run(t, "--db", db, "--lang", "en", "bonus", "settings")
	if code != ExitOK || !strings.Contains(stdout, "Public-welfare floor: 10%") || !strings.Contains(stdout, "Public-welfare weight: 20%") {
		t.Errorf("settings shown: %s", stdout)
	}
}

func bonusRunArgs(t *testing.T, db string) bonusOut {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "bonus", "--year", "2026", "--pool", "10000000.01", "--json")
	if code != ExitOK {
		t.Fatalf("bonus: exit %d %s", code, stderr)
	}
	var out bonusOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}
