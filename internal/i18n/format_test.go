package i18n

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

func TestFormats(t *testing.T) {
	nan, inf, negZero := math.NaN(), math.Inf(1), math.Copysign(0, -1)
	cases := []struct {
		name string
		f    func(float64) string
		in   float64
		want string
	}{
		{"number", Number, 10, "10"},
		{"number", Number, 2.5, "2.5"},
		{"number", Number, 1.0 / 3, "0.3333"},
		{"number", Number, 2.00005, "2.0001"}, // half away from zero
		{"number", Number, -2.00005, "-2.0001"},
		{"number", Number, 0.00005, "0.0001"},
		{"number", Number, 123456789.12345, "123456789.1235"},
		{"number", Number, -0.00004, "0"},
		{"number", Number, negZero, "0"},
		{"number", Number, nan, "—"},
		{"number", Number, inf, "—"},
		{"number", Number, -inf, "—"},
		{"percent", Percent, 0.8732, "87.3%"},
		{"percent", Percent, 0, "0.0%"},
		{"percent", Percent, 1, "100.0%"},
		{"percent", Percent, 1.5, "150.0%"},
		{"percent", Percent, -0.25, "-25.0%"},
		{"percent", Percent, 0.00125, "0.1%"}, // 0.125 is exact: half to even
		{"percent", Percent, 0.00375, "0.4%"},
		{"percent", Percent, -0.0004, "0.0%"},
		{"percent", Percent, negZero, "0.0%"},
		{"percent", Percent, nan, "—"},
		{"percent", Percent, inf, "—"},
		{"percent", Percent, -inf, "—"},
		{"signed", SignedPercent, 0.042, "+4.2%"},
		{"signed", SignedPercent, -0.03, "-3.0%"},
		{"signed", SignedPercent, 0, "+0.0%"},
		{"signed", SignedPercent, negZero, "+0.0%"},
		{"signed", SignedPercent, -0.0004, "+0.0%"},
		{"signed", SignedPercent, nan, "—"},
		{"signed", SignedPercent, inf, "—"},
		{"signed", SignedPercent, -inf, "—"},
		{"weight", WeightPercent, 0.15, "15%"},
		{"weight", WeightPercent, 1.0 / 3, "33.33%"},
		{"weight", WeightPercent, 0.12345, "12.35%"},
		{"weight", WeightPercent, negZero, "0%"},
		{"weight", WeightPercent, nan, "—"},
	}
	for _, c := range cases {
		if got := c.f(c.in); got != c.want {
			t.Errorf("%s(%v) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestDecimals(t *testing.T) {
	cases := []struct {
		in   float64
		max  int
		want string
	}{
		{2.345, 2, "2.35"}, {2.5, 2, "2.5"}, {2.499, 0, "2"}, {2.5, 0, "3"}, {-2.5, 0, "-3"},
		{0.125, 2, "0.13"}, {-0.001, 2, "0"}, {math.NaN(), 2, NoData}, {math.Inf(-1), 0, NoData},
	}
	for _, c := range cases {
		if got := Decimals(c.in, c.max); got != c.want {
			t.Errorf("Decimals(%v, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// Rules hand percentages to messages as numbers; the message formats them
// the one way the screens do.
func TestMessageFormatsPercentArguments(t *testing.T) {
	p := domain.NewProblem("test.percent_args", "{{.R}} / {{.S}} / {{.N}}", "R", domain.Percent(0.052), "S", domain.SignedPercent(-0.031), "N", domain.Percent(math.NaN()))
	if got := Message(p); got != "5.2% / -3.1% / —" {
		t.Errorf("message %q", got)
	}
}

func TestRatio(t *testing.T) {
	for in, want := range map[float64]string{0.9312: "0.93", 1.1: "1.10", math.NaN(): NoData, math.Inf(1): NoData, math.Copysign(0, -1): "0.00"} {
		if got := Ratio(in); got != want {
			t.Errorf("Ratio(%v) = %q, want %q", in, got, want)
		}
	}
}
