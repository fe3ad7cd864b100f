package cli

import (
	"encoding/json"
	"math"
	"path/filepath"
	"testing"
)

// The acceptance of issue 19 from the command line: every evaluated demo
// project's indicator table (evaluate --unit) holds each output and benefit
// target of that project (budget projects), scored by its direction, and
// the scores add up to the unit's total.
func TestEvaluatedProjectsCarryTheirOwnTargets(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "budget", "projects", "--year", "2025", "--json")
	if code != ExitOK {
		t.Fatal(stderr)
	}
	var ps projectsJSON
	if err := json.Unmarshal([]byte(stdout), &ps); err != nil || len(ps.Projects) < 3 {
		t.Fatalf("budget projects: %d projects, %v", len(ps.Projects), err)
	}
	for _, p := range ps.Projects {
		if total := p.Funding.FiscalFen + p.Funding.BusinessFen + p.Funding.CarryoverFen + p.Funding.OtherFen; total != p.AmountFen {
			t.Errorf("%s: funding adds up to %d, amount %d", p.Code, total, p.AmountFen)
		}
		code, stdout, stderr := run(t, "--db", db, "evaluate", "--year", "2025", "--unit", p.Code, "--json")
		if code != ExitOK {
			t.Fatalf("evaluate --unit %s: %s", p.Code, stderr)
		}
		var ev unitEvalJSON
		if err := json.Unmarshal([]byte(stdout), &ev); err != nil {
			t.Fatal(err)
		}
		if ev.Unit.Kind != "project" || ev.Unit.Code != p.Code || ev.Unit.Score == nil || !ev.Unit.Finalised {
			t.Errorf("%s: unit %+v", p.Code, ev.Unit)
		}
		byName := map[string]indicatorJSON{}
		sum := 0.0
		for _, in := range ev.Indicators {
			byName[in.Name] = in
			sum += in.Score
			if (in.Short || in.Overshoot) && in.Reason == "" {
				t.Errorf("%s %s: short without a reason", p.Code, in.Name)
			}
		}
		for _, tg := range p.Targets {
			in, ok := byName[tg.Name]
			if !ok && tg.Dimension != "satisfaction" {
				t.Errorf("%s: target %s missing from the evaluation", p.Code, tg.Name)
			}
			if ok && in.Actual == "" {
				t.Errorf("%s %s: no actual", p.Code, tg.Name)
			}
		}
		if math.Abs(sum-*ev.Unit.Score) > 0.02 {
			t.Errorf("%s: indicator scores add up to %.2f, total %.2f", p.Code, sum, *ev.Unit.Score)
		}
	}
	// By hand, 新生儿疾病筛查项目: four output targets share 56.25 points
	// (no satisfaction target: 90 shared 50 : 30), 14.07 + 3 × 14.06;
	// 8420 of 9500 screened → 12.47; benefit 33.75; the execution rate's
	// points are the rate ÷ 10.
	_, stdout, _ = run(t, "--db", db, "evaluate", "--year", "2025", "--unit", "XM2025002", "--json")
	var ev unitEvalJSON
	_ = json.Unmarshal([]byte(stdout), &ev)
	exec := 0.0
	for _, in := range ev.Indicators {
		if in.Code == "4.1.1" {
			exec = in.Score
		}
	}
	if want := 12.47 + 3*14.06 + 33.75 + exec; math.Abs(*ev.Unit.Score-want) > 0.011 {
		t.Errorf("新生儿疾病筛查项目 = %.2f, want %.2f", *ev.Unit.Score, want)
	}
	code, _, stderr = run(t, "--db", db, "evaluate", "--year", "2025", "--unit", "XM9999")
	if code != ExitRefused || stderr == "" {
		t.Errorf("unknown unit: exit %d %q", code, stderr)
	}
}

func TestEvaluateRules(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := run(t, "--db", db, "init"); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "--db", db, "evaluate", "rules", "--output", "60"); code != ExitRefused || stderr == "" {
		t.Errorf("weights adding up to 110: exit %d %q", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "evaluate", "rules", "--output", "60", "--benefit", "20", "--over-deduct", "10%", "--json")
	var got projectRulesJSON
	if code != ExitOK || json.Unmarshal([]byte(stdout), &got) != nil || got.Output != 60 || got.OverDeduct != 0.1 {
		t.Errorf("setting the rules: %d %q %q", code, stdout, stderr)
	}
	_, stdout, _ = run(t, "--db", db, "evaluate", "rules", "--json")
	if json.Unmarshal([]byte(stdout), &got) != nil || got.Benefit != 20 {
		t.Errorf("the rules did not stick: %q", stdout)
	}
}
