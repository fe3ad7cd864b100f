package domain

import "testing"

func TestParseRatio(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"15%", 0.15, true}, {" 15 % ", 0.15, true}, {"15％", 0.15, true}, {"0.15", 0.15, true}, {"1", 1, true},
		{"0", 0, true}, {"12.5%", 0.125, true}, {"１５％", 0.15, true}, {"０.１５", 0.15, true}, {"15", 0, false}, {"abc", 0, false}, {"-5%", 0, false}, {"", 0, false}, {"NaN", 0, false},
	} {
		got, err := ParseRatio(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseRatio(%q) = %v, %v", tt.in, got, err)
		}
	}
}
