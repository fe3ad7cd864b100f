package scoring

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	prop := Indicator{Rule: Proportional, Direction: Higher, Target: 12000}
	inv := Indicator{Rule: Inverse, Direction: Lower, Target: 180}
	thrHi := Indicator{Rule: Threshold, Direction: Higher, Target: 0.95}
	thrLo := Indicator{Rule: Threshold, Direction: Lower, Target: 0}
	thrIn := Indicator{Rule: Threshold, Direction: InRange, Low: 85, High: 93}
	band := Indicator{Rule: LinearBand, Direction: Higher, Low: 80, High: 95}
	bandRev := Indicator{Rule: LinearBand, Direction: Lower, Low: 30, High: 10}
	ded := Indicator{Rule: Deduction, Direction: Lower, DeductPer: 2}
	qual := Indicator{Rule: Qualitative, Direction: Higher}
	has := func(a float64) Value { return Value{Actual: a, Has: true} }
	nan, inf := math.NaN(), math.Inf(1)

	tests := []struct {
		name  string
		ind   Indicator
		pts   float64
		v     Value
		want  float64
		short bool
	}{
		{"proportional below target", prop, 20, has(11400), 19, true}, // 11400/12000 × 20
		{"proportional on target", prop, 20, has(12000), 20, false},   //
		{"proportional over-achievement capped", prop, 20, has(15000), 20, false},
		{"proportional zero actual", prop, 20, has(0), 0, true},
		{"proportional negative actual floors at 0", prop, 20, has(-5), 0, true},
		{"proportional zero target met by 0", Indicator{Rule: Proportional, Direction: Higher}, 5, has(0), 5, false},
		{"proportional negative target missed", Indicator{Rule: Proportional, Direction: Higher, Target: -1}, 5, has(-2), 0, true},
		{"inverse above target", inv, 10, has(200), 9, true}, // 180/200 × 10
		{"inverse below target capped", inv, 10, has(150), 10, false},
		{"inverse actual 0 is best", inv, 10, has(0), 10, false},
		{"inverse negative actual is best", inv, 10, has(-3), 10, false},
		{"inverse zero target met by 0", Indicator{Rule: Inverse, Direction: Lower}, 4, has(0), 4, false},
		{"inverse zero target missed by 1", Indicator{Rule: Inverse, Direction: Lower}, 4, has(1), 0, true},
		{"threshold met exactly", thrHi, 8, has(0.95), 8, false},
		{"threshold met within float error", thrHi, 8, has(0.95 - 1e-12), 8, false},
		{"threshold missed", thrHi, 8, has(0.949), 0, true},
		{"threshold lower met at 0", thrLo, 6, has(0), 6, false},
		{"threshold lower missed", thrLo, 6, has(1), 0, true},
		{"threshold range inside", thrIn, 5, has(90), 5, false},
		{"threshold range at bounds", thrIn, 5, has(85), 5, false},
		{"threshold range above", thrIn, 5, has(93.5), 0, true},
		{"threshold range below", thrIn, 5, has(84), 0, true},
		{"band middle", band, 8, has(92), 6.4, true}, // (92−80)/(95−80) × 8
		{"band at Low", band, 8, has(80), 0, true},
		{"band below Low clamps", band, 8, has(50), 0, true},
		{"band above High clamps", band, 8, has(99), 8, false},
		{"band reversed middle", bandRev, 10, has(25), 2.5, true}, // (25−30)/(10−30) × 10
		{"band reversed at best", bandRev, 10, has(10), 10, false},
		{"band reversed beyond best", bandRev, 10, has(2), 10, false},
		{"band reversed beyond worst", bandRev, 10, has(40), 0, true},
		{"band Low = High lower", Indicator{Rule: LinearBand, Direction: Lower, Low: 5, High: 5}, 3, has(4), 3, false},
		{"band Low = High higher", Indicator{Rule: LinearBand, Direction: Higher, Low: 5, High: 5}, 3, has(4), 0, true},
		{"deduction none", ded, 7, Value{Has: true}, 7, false},
		{"deduction two", ded, 7, Value{Has: true, Occurrences: 2}, 3, true},
		{"deduction floors at 0", ded, 7, Value{Has: true, Occurrences: 4}, 0, true},
		{"deduction negative count is none", ded, 7, Value{Has: true, Occurrences: -3}, 7, false},
		{"qualitative achieved", qual, 5, Value{Has: true, Achievement: Achieved}, 5, false},
		{"qualitative partly", qual, 5, Value{Has: true, Achievement: Partly}, 3.5, true},
		{"qualitative not", qual, 5, Value{Has: true, Achievement: NotAchieved}, 1.5, true},
		{"qualitative unknown is missing", qual, 5, Value{Has: true, Achievement: "maybe"}, 0, true},
		{"missing proportional", prop, 20, Value{Actual: 12000}, 0, true},
		{"missing deduction", ded, 7, Value{}, 0, true},
		{"missing qualitative", qual, 5, Value{Achievement: Achieved}, 0, true},
		{"NaN actual is missing", prop, 20, has(nan), 0, true},
		{"infinite actual is missing", inv, 10, has(inf), 0, true},
		{"monitor never scored nor short", Indicator{Rule: Proportional, Direction: Monitor, Target: 1}, 0, Value{}, 0, false},
		{"zero points with a value", prop, 0, has(1), 0, false},
		{"zero points missing", prop, 0, Value{}, 0, true},
		{"negative points count as 0", prop, -5, has(12000), 0, false},
		{"unknown rule", Indicator{Rule: "magic", Direction: Higher}, 5, has(1), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, short := Score(tt.ind, tt.pts, tt.v)
			if math.Abs(got-tt.want) > 1e-9 || short != tt.short {
				t.Errorf("Score = %v, short %v; want %v, short %v", got, short, tt.want, tt.short)
			}
		})
	}
}

func TestQualitativeSharesConfigurable(t *testing.T) {
	saved := QualitativeShares
	defer func() { QualitativeShares = saved }()
	QualitativeShares = Shares{Achieved: 0.9, Partly: 0.6, Not: -1}
	qual := Indicator{Rule: Qualitative, Direction: Higher}
	for _, tt := range []struct {
		a    Achievement
		want float64
	}{{Achieved, 9}, {Partly, 6}, {NotAchieved, 0}} {
		if got, _ := Score(qual, 10, Value{Has: true, Achievement: tt.a}); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", tt.a, got, tt.want)
		}
	}
}

func TestRound2(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{19.000000000000004, 19}, {89.995, 90}, {89.994, 89.99}, {6.4, 6.4},
		{1.005, 1.01}, {-1.005, -1.01}, {0, 0}, {2.675, 2.68},
	} {
		if got := Round2(tt.in); got != tt.want {
			t.Errorf("Round2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !math.IsNaN(Round2(math.NaN())) {
		t.Error("Round2(NaN) should stay NaN")
	}
}

func TestOvershoot(t *testing.T) {
	higher := Indicator{Direction: Higher, Rule: Proportional, Target: 20000, OverFactor: 1.5, OverDeduct: 0.2}
	lower := Indicator{Direction: Lower, Rule: Inverse, Target: 10, OverFactor: 1.5, OverDeduct: 0.2}
	flagOnly := higher
	flagOnly.OverDeduct = 0
	tests := []struct {
		name      string
		ind       Indicator
		actual    float64
		wantScore float64
		wantOver  bool
	}{
		{"met exactly", higher, 20000, 10, false},
		{"short", higher, 15000, 7.5, false},
		{"at the factor is not over", higher, 30000, 10, false},
		{"beyond the factor loses its share", higher, 30001, 8, true},
		{"flag only keeps full points", flagOnly, 60000, 10, true},
		{"lower: at target ÷ factor", lower, 10.0 / 1.5, 10, false},
		{"lower: far below the target", lower, 5, 8, true},
		{"lower: above the target", lower, 20, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := Value{Actual: tc.actual, Has: true}
			got, _ := Score(tc.ind, 10, v)
			if math.Abs(got-tc.wantScore) > 1e-9 || Overshoot(tc.ind, v) != tc.wantOver {
				t.Errorf("Score = %v, Overshoot = %v; want %v, %v", got, Overshoot(tc.ind, v), tc.wantScore, tc.wantOver)
			}
		})
	}
}
