package payout

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestLimitAvailable(t *testing.T) {
	y := money.FromYuan
	for _, tt := range []struct {
		name                      string
		approved, paid, committed money.Amount
		want                      money.Amount
	}{
		{"nothing paid", y(1000), 0, 0, y(1000)},
		{"paid", y(1000), y(400), 0, y(600)},
		{"paid and committed", y(1000), y(400), y(100), y(500)},
		{"all used", y(1000), y(600), y(400), 0},
		{"overspent: never below 0", y(1000), y(1200), 0, 0},
		{"committed beyond: never below 0", y(1000), y(500), y(900), 0},
		{"no budget", 0, 0, 0, 0},
		{"to the fen", money.FromFen(6168130000), money.FromFen(4614860728), 0, money.FromFen(1553269272)},
	} {
		l := Limit{Approved: tt.approved, Paid: tt.paid, Committed: tt.committed}
		if got := l.Available(); got != tt.want {
			t.Errorf("%s: available %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLimitCheck(t *testing.T) {
	l := Limit{Year: 2026, Approved: money.FromYuan(1000), Paid: money.FromYuan(400), Committed: money.FromYuan(100), PaidThrough: 9}
	for _, tt := range []struct {
		pool money.Amount
		key  string
	}{
		{money.FromYuan(500), ""},
		{money.FromYuan(1), ""},
		{money.FromFen(50001), "problem.bonus.pool_available"},
		{money.FromYuan(1000), "problem.bonus.pool_available"},
	} {
		p := l.Check(tt.pool)
		switch {
		case tt.key == "" && p != nil:
			t.Errorf("pool %v refused: %v", tt.pool, p)
		case tt.key != "" && (p == nil || p.Key != tt.key):
			t.Errorf("pool %v: %v, want %s", tt.pool, p, tt.key)
		case p != nil:
			// Both figures (and where they come from) are in the message.
			for _, s := range []string{"500.00", "1,000.00", "400.00", "100.00", "month 9", money.FormatPlain(tt.pool)} {
				if !strings.Contains(p.Error(), s) {
					t.Errorf("pool %v: %q lacks %s", tt.pool, p.Error(), s)
				}
			}
		}
	}
	spent := Limit{Year: 2026, Approved: money.FromYuan(1000), Paid: money.FromYuan(1000), PaidThrough: 12}
	if p := spent.Check(1); p == nil || p.Key != "problem.bonus.cap_exhausted" || !strings.Contains(p.Error(), "0 yuan is available") {
		t.Errorf("nothing left: %v", p)
	}
}

// The scheme refuses a pool over its limit with the limit's figures, not
// the bare approved total.
func TestSchemeUsesLimit(t *testing.T) {
	s := exampleScheme()
	s.Limit = &Limit{Year: 2026, Approved: money.FromYuan(120_000), Paid: money.FromYuan(30_000), PaidThrough: 9}
	_, err := Allocate(s, exampleDepts())
	ps := domain.AsProblems(err)
	if len(ps) != 1 || ps[0].Key != "problem.bonus.pool_available" || !strings.Contains(ps[0].Error(), "90,000.00") {
		t.Fatalf("pool of 100,000 against 90,000 available: %v", err)
	}
	s.Limit.Paid = money.FromYuan(20_000)
	if _, err := Allocate(s, exampleDepts()); err != nil {
		t.Errorf("pool of 100,000 against 100,000 available: %v", err)
	}
}

func TestInSubjects(t *testing.T) {
	for _, tt := range []struct {
		code     string
		subjects []string
		want     bool
	}{
		{"30107", []string{"30107"}, true},
		{"3010702", []string{"30107"}, true},
		{"3010701", []string{"3010702"}, false},
		{"30101", []string{"30107"}, false},
		{"301", []string{"30107"}, false},
		{"30107", nil, false},
		{"30107", []string{""}, false},
		{"30103", []string{"30107", "30103"}, true},
	} {
		if got := InSubjects(tt.code, tt.subjects); got != tt.want {
			t.Errorf("InSubjects(%s, %v) = %v", tt.code, tt.subjects, got)
		}
	}
}

func TestCommitted(t *testing.T) {
	y := money.FromYuan
	// Regular pay of 100 a month January–September, nothing after.
	var regular [12]money.Amount
	for m := range 9 {
		regular[m] = y(100)
	}
	paidRun := regular
	paidRun[9] = y(100 + 500) // October: the regular 100 and 500 of the run
	partly := regular
	partly[9] = y(100 + 200)
	for _, tt := range []struct {
		name string
		runs []ApprovedRun
		paid [12]money.Amount
		want money.Amount
	}{
		{"no run", nil, regular, 0},
		{"approved in September, nothing booked since", []ApprovedRun{{y(500), 9}}, regular, y(500)},
		{"approved in December", []ApprovedRun{{y(500), 12}}, paidRun, y(500)},
		{"paid in October above the monthly average", []ApprovedRun{{y(500), 9}}, paidRun, 0},
		{"partly paid", []ApprovedRun{{y(500), 9}}, partly, y(300)},
		{"regular pay after approval is not the run", []ApprovedRun{{y(500), 6}}, regular, y(500)},
		{"approved before the year: all booked counts", []ApprovedRun{{y(500), 0}}, partly, 0},
		{"month beyond the year", []ApprovedRun{{y(500), 13}}, paidRun, y(500)},
	} {
		if got := Committed(tt.runs, tt.paid); got != tt.want {
			t.Errorf("%s: committed %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCheckWelfareWeight(t *testing.T) {
	for _, tt := range []struct {
		w, floor float64
		key      string
	}{
		{0.15, 0.10, ""}, {0.10, 0.10, ""}, {1, 0.10, ""}, {0, 0, ""},
		{0.05, 0.10, "problem.bonus.welfare_floor"},
		{1.2, 0.10, "problem.bonus.welfare_range"},
		{-0.1, 0, "problem.bonus.welfare_range"},
	} {
		p := CheckWelfareWeight(tt.w, tt.floor)
		if (p == nil) != (tt.key == "") || (p != nil && p.Key != tt.key) {
			t.Errorf("CheckWelfareWeight(%v, %v) = %v, want %q", tt.w, tt.floor, p, tt.key)
		}
	}
	if p := CheckWelfareWeight(0.05, 0.10); !strings.Contains(p.Error(), "floor of 10%") {
		t.Errorf("below the floor: %q", p.Error())
	}
}

func TestParseWeights(t *testing.T) {
	got, err := ParseWeights("workload=40%, quality=0.10,public_welfare=20%", Weights{wl: 0.3, ql: 0.25, ef: 0.2, pw: 0.15, st: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	want := Weights{wl: 0.4, ql: 0.10, ef: 0.2, pw: 0.2, st: 0.1}
	for d, v := range want {
		if !near(got[d], v) {
			t.Errorf("%s = %v, want %v", d, got[d], v)
		}
	}
	if ps := got.Validate(0); len(ps) > 0 {
		t.Errorf("valid weights refused: %v", ps)
	}
	back, err := ParseWeights(FormatWeights(got), nil)
	if err != nil || len(back) != len(Dimensions) || back[pw] != got[pw] {
		t.Errorf("round trip %v, %v", back, err)
	}
	for _, bad := range []string{"workload", "luck=10%", "workload=abc", "quality=30"} {
		if _, err := ParseWeights(bad, nil); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
