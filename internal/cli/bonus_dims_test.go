package cli

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
)

type dimsOut struct {
	Weights     map[string]float64 `json:"weights"`
	Departments []struct {
		Code           string             `json:"code"`
		Scores         map[string]float64 `json:"scores"`
		CompositeScore float64            `json:"composite_score"`
		BonusFen       int64              `json:"bonus_fen"`
		Dimensions     []struct {
			Key             string   `json:"key"`
			Score           *float64 `json:"score"`
			Measured        *bool    `json:"measured"`
			EffectiveWeight *float64 `json:"effective_weight"`
		} `json:"dimensions"`
	} `json:"departments"`
}

var dimKeys = []string{"workload", "quality", "efficiency", "public_welfare", "satisfaction"}

func bonusDims(t *testing.T, db string) dimsOut {
	t.Helper()
	code, stdout, stderr := run(t, "--db", db, "bonus", "--year", "2026", "--pool", "10000000.01", "--json")
	if code != ExitOK {
		t.Fatalf("bonus: exit %d %s", code, stderr)
	}
	var out dimsOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// bonus --json gives each department's dimensions in a fixed order: on the
// demo every one is measured and weighs what the scheme says; a department
// measured in workload alone shows the other four measured: false,
// score null, effective_weight 0, and workload at 1.
func TestBonusJSONDimensions(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	out := bonusDims(t, db)
	for _, d := range out.Departments {
		if len(d.Dimensions) != 5 {
			t.Fatalf("%s: %d dimensions", d.Code, len(d.Dimensions))
		}
		for i, x := range d.Dimensions {
			if x.Key != dimKeys[i] || x.Measured == nil || !*x.Measured || x.Score == nil || *x.Score != d.Scores[x.Key] ||
				x.EffectiveWeight == nil || *x.EffectiveWeight != out.Weights[x.Key] {
				t.Errorf("%s dimension %d: %+v", d.Code, i, x)
			}
		}
	}

	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	err = svc.Master.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "306", Name: "新设保健科", Type: domain.PublicHealth, Headcount: 5, CoefficientMilli: 1000})
	if err == nil {
		code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "10000000.01", "--json")
		if code != ExitRefused || !strings.Contains(stderr, "306") || !strings.Contains(stderr, "no measured dimension") {
			t.Errorf("nothing measured: exit %d %q", code, stderr)
		}
		score := 64.0
		err = svc.Bonus.SetScore(ctx, domain.LocalUser, 2026, "306", "workload", &score, "门急诊人次")
	}
	svc.Close()
	if err != nil {
		t.Fatal(err)
	}
	out = bonusDims(t, db)
	found := false
	for _, d := range out.Departments {
		if d.Code != "306" {
			continue
		}
		found = true
		for _, x := range d.Dimensions {
			if x.Key == "workload" {
				if !*x.Measured || *x.EffectiveWeight != 1 || *x.Score != 64 {
					t.Errorf("306 workload %+v", x)
				}
			} else if *x.Measured || x.Score != nil || *x.EffectiveWeight != 0 {
				t.Errorf("306 %s: %+v, want not measured", x.Key, x)
			}
		}
		if math.Abs(d.CompositeScore-64) > 1e-9 || d.BonusFen <= 0 {
			t.Errorf("306: composite %v, bonus %d", d.CompositeScore, d.BonusFen)
		}
	}
	if !found {
		t.Fatal("306 not in the allocation")
	}
	// The table says 未计量 where the JSON says measured: false.
	_, table, _ := run(t, "--db", db, "--lang", "zh", "bonus", "--year", "2026", "--pool", "10000000.01")
	lines := 0
	for _, l := range strings.Split(table, "\n") {
		if strings.Contains(l, "新设保健科") {
			lines++
			if strings.Count(l, "未计量") != 4 {
				t.Errorf("table line %q", l)
			}
		}
	}
	if lines != 1 {
		t.Errorf("新设保健科 on %d lines of the table", lines)
	}
}
