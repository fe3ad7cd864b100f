package logbook

import (
	"reflect"
	"testing"
)

func entries(es ...Entry) []Entry {
	for i := range es {
		es[i].Seq = int64(i + 1)
	}
	return es
}

func e(entity, key, field, old, new string) Entry {
	return Entry{Entity: entity, EntityKey: key, Field: field, Old: old, New: new}
}

func data(rows ...[4]string) Data {
	d := Data{}
	for _, r := range rows {
		d.Set(r[0], r[1], r[2], r[3])
	}
	return d
}

// What the trail does not say is not held against the data, and what it
// says is.
func TestCompareData(t *testing.T) {
	demoYear := data([4]string{EntityBudget, "2025/101/30201", "amount", "10.00"})
	approved := entries(e(EntityBudget, "2026", "approved", "", "30.00"),
		e(EntityBudget, "2026/101/30201", "amount", "10.00", "15.00"))
	prep := entries(e(EntityPrepCycle, "2027", "state", "", "open"),
		e(EntityPrepLine, "2027/101/30201", "proposal", "0.00", "5.00"),
		e(EntityPrepDept, "2027/101", "state", "draft", "submitted"),
		e(EntityPrepLine, "2027/101/30201", "revised", "5.00", "6.00"),
		e(EntityPrepDept, "2027/101", "state", "submitted", "control_issued"))
	tests := []struct {
		name  string
		trail []Entry
		d     Data
		want  []string // kind entity key field
	}{
		{"a demo year: lines without a trail", nil, demoYear, nil},
		{"a demo line adjusted, then edited", entries(e(EntityBudget, "2025/101/30201", "amount", "10.00", "12.00")), demoYear,
			[]string{"changed budget 2025/101/30201 amount"}},
		{"an approved year adds up", approved, data([4]string{EntityBudget, "2026/101/30201", "amount", "15.00"},
			[4]string{EntityBudget, "2026/102/30201", "amount", "20.00"}), nil},
		{"an approved year's untracked line edited", approved, data([4]string{EntityBudget, "2026/101/30201", "amount", "15.00"},
			[4]string{EntityBudget, "2026/102/30201", "amount", "21.00"}), []string{"changed budget 2026 total"}},
		{"a re-imported demo year: its untracked lines are not named", entries(e(EntityBudget, "2025/101/30201", "amount", "10.00", "11.00"),
			e(EntityBudget, "2025", "imported", "30.00", "31.00")),
			data([4]string{EntityBudget, "2025/101/30201", "amount", "11.00"}, [4]string{EntityBudget, "2025/102/30201", "amount", "20.00"}), nil},
		{"a first import: a line without a trail", entries(e(EntityBudget, "2025/101/30201", "amount", "", "10.00"), e(EntityBudget, "2025", "imported", "", "10.00")),
			data([4]string{EntityBudget, "2025/101/30201", "amount", "10.00"}, [4]string{EntityBudget, "2025/102/30201", "amount", "0.00"}),
			[]string{"untracked budget 2025/102/30201 amount"}},
		{"issuing control figures restarts revised", prep, data([4]string{EntityPrepLine, "2027/101/30201", "proposal", "5.00"},
			[4]string{EntityPrepLine, "2027/101/30201", "revised", "5.00"}, [4]string{EntityPrepDept, "2027/101", "state", "control_issued"},
			[4]string{EntityPrepDept, "2027/102", "state", "draft"}), nil},
		{"a seeded department approved past the trail", prep, data([4]string{EntityPrepLine, "2027/101/30201", "proposal", "5.00"},
			[4]string{EntityPrepDept, "2027/101", "state", "control_issued"}, [4]string{EntityPrepDept, "2027/102", "state", "approved"}),
			[]string{"changed prep_department 2027/102 state"}},
		{"a cancelled year is forgotten", append(prep, Entry{Seq: 6, Entity: EntityPrepCycle, EntityKey: "2027", Field: "state", Old: "open", New: "cancelled"}), Data{}, nil},
		{"a deleted prep line", prep, data([4]string{EntityPrepDept, "2027/101", "state", "control_issued"}), []string{"deleted prep_line 2027/101/30201 proposal"}},
		{"an allocation keyed the old way", entries(e(EntityBonusRun, "2026/draft", "pool", "", "9.00")),
			data([4]string{EntityBonusRun, "2026", "pool", "9.00"}, [4]string{EntityBonusRun, "2026", "status", "draft"}), nil},
		{"a demo year's month summary: the year's totals are not known", entries(e(EntityActuals, "2026/10", "amount", "0.00", "5.00")),
			data([4]string{EntityActuals, ActualsRead, "read", "yes"}, [4]string{EntityActuals, "2026", "amount", "99.00"}), nil},
		{"a ledger, then a month's summary", entries(e(EntityActuals, "2025", "amount", "0.00", "10.00"), e(EntityActuals, "2025/10", "amount", "1.00", "3.00")),
			data([4]string{EntityActuals, ActualsRead, "read", "yes"}, [4]string{EntityActuals, "2025", "amount", "12.00"}), nil},
		{"a ledger edited", entries(e(EntityActuals, "2025", "amount", "0.00", "10.00")),
			data([4]string{EntityActuals, ActualsRead, "read", "yes"}, [4]string{EntityActuals, "2025", "amount", "5.00"}),
			[]string{"changed actuals 2025 amount"}},
		{"a ledger wiped", entries(e(EntityActuals, "2025", "lines", "0", "7")),
			data([4]string{EntityActuals, ActualsRead, "read", "yes"}), []string{"changed actuals 2025 lines"}},
		{"sums too large to read are not compared", entries(e(EntityActuals, "2025", "lines", "0", "7")), Data{}, nil},
		{"a staff split dropped with its draft is not named", entries(e(EntityBonusStaff, "2026/101", "amount", "", "9.00")), Data{}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range CompareData(tt.trail, tt.d) {
			got = append(got, string(m.Kind)+" "+m.Entity+" "+m.Key+" "+m.Field)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFenText(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", -5: "-0.05", 123456: "1234.56", -100: "-1.00"} {
		if got := FenText(fen); got != want {
			t.Errorf("%d: %q", fen, got)
		}
		if back, ok := parseFen(want); !ok || back != fen {
			t.Errorf("%q read back as %d", want, back)
		}
	}
}
