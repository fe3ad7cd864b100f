package domain

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestParseGrowth(t *testing.T) {
	tests := []struct {
		in   string
		want Growth
		ok   bool
	}{
		{"5", 500, true}, {"5.5%", 550, true}, {" -3 ％", -300, true}, {"0", 0, true},
		{"12.345", 1235, true}, {"abc", 0, false}, {"-150", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseGrowth(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseGrowth(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func TestBaseline(t *testing.T) {
	tests := []struct {
		prior money.Amount
		g     Growth
		want  money.Amount
	}{
		{100000, 500, 105000}, // 1,000.00 × 1.05
		{333, 1000, 366},      // 3.663 fen → 3.66
		{335, 1000, 369},      // 3.685 → 3.69 (half away from zero)
		{-335, 1000, -369},    // refunds round the same way
		{123456789, 0, 123456789},
		{100000, -10000, 0},
	}
	for _, tt := range tests {
		if got := Baseline(tt.prior, tt.g); got != tt.want {
			t.Errorf("Baseline(%d, %d) = %d, want %d", tt.prior, tt.g, got, tt.want)
		}
	}
}

func TestSectionOf(t *testing.T) {
	subjects := map[string]Subject{
		"4101010101": {Code: "4101010101", Parent: "41010101", Kind: Revenue},
		"4101010201": {Code: "4101010201", Parent: "41010102", Kind: Revenue},
		"400101":     {Code: "400101", Parent: "4001", Kind: Revenue},
		"4605":       {Code: "4605", Kind: Revenue},
		"30201":      {Code: "30201", Parent: "302", Kind: Expenditure},
		"302":        {Code: "302", Kind: Expenditure},
	}
	for code, want := range map[string]string{"4101010101": SectionOutpatient, "4101010201": SectionInpatient,
		"400101": SectionFiscal, "4605": SectionOtherRev, "30201": "exp.302", "99999": "exp.99999"} {
		if got := SectionOf(code, subjects).Key; got != want {
			t.Errorf("SectionOf(%s) = %s, want %s", code, got, want)
		}
	}
}
