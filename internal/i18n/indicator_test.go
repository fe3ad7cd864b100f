package i18n

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// A unit that starts with a digit is bracketed, so that the target and
// the unit do not run together: 12 and 1/10万 never read "121/10万".
func TestTargetTextUnitStartingWithDigit(t *testing.T) {
	t.Cleanup(func() { _ = Use("zh") })
	cases := []struct {
		lang string
		tg   domain.Target
		ind  *scoring.Indicator
		want string
	}{
		{"zh", domain.Target{Value: "12", Unit: "1/10万", Direction: domain.DirLower}, nil, "≤ 12（1/10万）"},
		{"en", domain.Target{Value: "12", Unit: "1/10万", Direction: domain.DirLower}, nil, "≤ 12 (1/10万)"},
		{"zh", domain.Target{Value: "95", Unit: "%", Direction: domain.DirHigher}, nil, "≥ 95%"},
		{"zh", domain.Target{Value: "95%", Unit: "%", Direction: domain.DirHigher}, nil, "≥ 95%"},
		{"zh", domain.Target{Value: "45", Unit: "元/人", Direction: domain.DirLower}, nil, "≤ 45 元/人"},
		{"zh", domain.Target{Value: "100", Unit: "%", Direction: domain.DirEqual}, nil, "= 100%"},
		{"zh", domain.Target{Value: "按期完成", Direction: domain.DirQualitative}, nil, "按期完成"},
		{"zh", domain.Target{}, &scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 12, Unit: "1/10万"}, "≤ 12（1/10万）"},
		{"en", domain.Target{}, &scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 12, Unit: "1/10万"}, "≤ 12 (1/10万)"},
		{"zh", domain.Target{}, &scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 8.5, Unit: "天"}, "≤ 8.5天"},
		{"zh", domain.Target{}, &scoring.Indicator{Rule: scoring.Threshold, Direction: scoring.InRange, Low: 30, High: 35, Unit: "%"}, "30–35%"},
		{"zh", domain.Target{}, &scoring.Indicator{Rule: scoring.LinearBand, Direction: scoring.Higher, Low: 1, High: 3, Unit: "1/千"}, "1→3（1/千）"},
	}
	for _, c := range cases {
		if err := Use(c.lang); err != nil {
			t.Fatal(err)
		}
		got := ""
		if c.ind != nil {
			got = IndicatorTarget(*c.ind)
		} else {
			got = TargetText(c.tg)
		}
		if got != c.want {
			t.Errorf("%s %+v %+v: %q, want %q", c.lang, c.tg, c.ind, got, c.want)
		}
	}
}
