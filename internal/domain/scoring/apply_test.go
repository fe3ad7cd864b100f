package scoring

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestSuggest(t *testing.T) {
	base := money.FromFen(123456789) // 1,234,567.89 yuan
	custom := []Application{{Grade: Fair, ChangePct: -2.5}, {Grade: Excellent, ChangePct: 3.333}}
	tests := []struct {
		name  string
		table []Application
		grade Grade
		base  money.Amount
		want  int64
	}{
		{"excellent kept", DefaultApplication, Excellent, base, 123456789},
		{"good kept", DefaultApplication, Good, base, 123456789},
		// 123456789 × 0.95 = 117283949.55 → 117283950
		{"fair −5%", DefaultApplication, Fair, base, 117283950},
		// 123456789 × 0.90 = 111111110.1 → 111111110
		{"poor −10%", DefaultApplication, Poor, base, 111111110},
		// 123456789 × 0.975 = 120370369.275 → 120370369
		{"custom −2.5%", custom, Fair, base, 120370369},
		// 3.333% is applied as 3.33%: 123456789 × 1.0333 = 127567900.0737 → 127567900
		{"custom +3.33%", custom, Excellent, base, 127567900},
		{"grade missing from table kept", custom, Poor, base, 123456789},
		// 10 fen × 0.95 = 9.5 → 10, half away from zero; −10 → −10
		{"half up", DefaultApplication, Fair, money.FromFen(10), 10},
		{"half away from zero negative", DefaultApplication, Fair, money.FromFen(-10), -10},
		// 30 fen × 0.95 = 28.5 → 29
		{"half 28.5", DefaultApplication, Fair, money.FromFen(30), 29},
		{"zero base", DefaultApplication, Poor, 0, 0},
		{"cut beyond 100% stops at 0", []Application{{Grade: Poor, ChangePct: -150}}, Poor, base, 0},
		// Larger than int64 before dividing: 9e17 × 9000 overflows, the result does not.
		{"huge base", DefaultApplication, Poor, money.FromFen(900000000000000000), 810000000000000000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, app := Suggest(tt.table, tt.grade, tt.base)
			if got.Fen() != tt.want || app.Grade != tt.grade {
				t.Errorf("Suggest = %d fen (%+v), want %d", got.Fen(), app, tt.want)
			}
		})
	}
}

func TestDefaultApplicationCoversEveryGrade(t *testing.T) {
	for _, g := range Grades {
		_, app := Suggest(DefaultApplication, g, 100)
		if app.Note == "" || app.NoteKey == "" {
			t.Errorf("%s has no row in DefaultApplication", g)
		}
	}
	if _, app := Suggest(DefaultApplication, Poor, 100); app.ChangePct != -10 {
		t.Errorf("poor changes %v%%, want −10", app.ChangePct)
	}
}

func TestSuggestOverflowPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an amount beyond int64")
		}
	}()
	Suggest([]Application{{Grade: Excellent, ChangePct: 100}}, Excellent, money.MaxAmount)
}

// An unscored unit has no grade, so no row of the table: its base is kept,
// never cut as a poor one would be.
func TestSuggestKeepsTheBaseOfAnUnscoredUnit(t *testing.T) {
	got, app := Suggest(DefaultApplication, Unscored, money.FromFen(1_000_000))
	if got != money.FromFen(1_000_000) || app.ChangePct != 0 || app.Grade != Unscored {
		t.Errorf("unscored: %v %+v, want the base kept", got, app)
	}
}
