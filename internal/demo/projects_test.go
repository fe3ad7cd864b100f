package demo

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
)

func TestDemoProjects(t *testing.T) {
	ds := Generate(testYear)
	dps, err := projects(ds)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := projects(Generate(testYear))
	if !reflect.DeepEqual(dps, again) {
		t.Error("the demo projects differ between two runs")
	}
	if len(dps) < 5 || len(dps) > 7 {
		t.Errorf("%d demo projects, want 5–7", len(dps))
	}
	lines := map[[2]string]money.Amount{}
	for _, l := range ds.Budgets[1].Lines {
		lines[[2]string{l.DeptCode, l.SubjectCode}] = l.Amount
	}
	levels := map[domain.TargetLevel]int{}
	for _, dp := range dps {
		p := dp.project
		if ps := p.ReadyToSubmit(); len(ps) > 0 {
			t.Errorf("%s: %v", p.Name, ps)
		}
		if n := len(p.Targets); n < 3 || n > 5 {
			t.Errorf("%s: %d targets, want 3–5", p.Name, n)
		}
		if p.Year != testYear || p.Amount != lines[[2]string{p.DeptCode, p.SubjectCode}] || p.Amount == 0 {
			t.Errorf("%s: year %d, amount %v; its line %s/%s has %v", p.Name, p.Year, p.Amount, p.DeptCode, p.SubjectCode, lines[[2]string{p.DeptCode, p.SubjectCode}])
		}
		// The spending is the line's actuals, month by month.
		var want [actualMonths]money.Amount
		for _, a := range ds.Actuals {
			if a.Year == testYear && a.DeptCode == p.DeptCode && a.SubjectCode == p.SubjectCode {
				want[a.Month-1] += a.Amount
			}
		}
		if dp.spending != want {
			t.Errorf("%s: spending %v, want the line's actuals %v", p.Name, dp.spending, want)
		}
		// Every target reports every month through September (surveys
		// quarterly), and the September level is the one the story needs.
		var sep []domain.TargetLevel
		for i, tg := range p.Targets {
			months := map[int]string{}
			for _, v := range dp.values {
				if v.Position == i+1 {
					months[v.Month] = v.Value
				}
			}
			if len(months) != actualMonths && len(months) != actualMonths/3 {
				t.Errorf("%s / %s: reported in %d months", p.Name, tg.Indicator, len(months))
			}
			for m, v := range months {
				if a := domain.AssessTarget(tg, v, m); a.Unreadable || !a.Reported {
					t.Errorf("%s / %s month %d: %q unreadable", p.Name, tg.Indicator, m, v)
				}
			}
			sep = append(sep, domain.AssessTarget(tg, months[actualMonths], actualMonths).Level)
		}
		levels[domain.WorstLevel(sep...)]++
	}
	want := map[domain.TargetLevel]int{domain.LevelGreen: 3, domain.LevelAmber: 2, domain.LevelRed: 1, domain.LevelBlue: 1}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("September levels %v, want %v", levels, want)
	}
}

func TestMonthValue(t *testing.T) {
	qty := targetSpec{indicator: "筛查人数", value: "1200", unit: "人", dir: domain.DirHigher, sep: "900"}
	rate := targetSpec{indicator: "随访率", value: "95", unit: "%", dir: domain.DirHigher, sep: "99.5"}
	words := targetSpec{indicator: "验收", value: "通过", dir: domain.DirQualitative, sep: "部分"}
	cases := []struct {
		t    targetSpec
		m    int
		want string
	}{
		{qty, 1, "100"}, {qty, 5, "500"}, {qty, 9, "900"},
		{rate, 1, "98.3"}, {rate, 7, "99.6"}, {rate, 9, "99.5"},
		{targetSpec{indicator: "合格率", value: "100", unit: "%", dir: domain.DirEqual, sep: "100"}, 7, "100"},
		{words, 3, "部分"},
	}
	for _, c := range cases {
		if got, err := monthValue(c.t, c.m); err != nil || got != c.want {
			t.Errorf("monthValue(%s, %d) = %q, %v; want %q", c.t.indicator, c.m, got, err, c.want)
		}
	}
	if _, err := monthValue(targetSpec{indicator: "随访率", value: "95", unit: "%", dir: domain.DirHigher, sep: "95.25"}, 1); err == nil {
		t.Error("a rate with two decimals was accepted")
	}
}

// Loading the demo stores the projects with their reports and spending.
func TestLoadStoresProjects(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := NewService(st).Load(ctx, domain.LocalUser, testYear); err != nil {
		t.Fatal(err)
	}
	ps, err := st.Projects(ctx, testYear, "")
	if err != nil {
		t.Fatal(err)
	}
	dps, _ := projects(Generate(testYear))
	if len(ps) != len(dps) {
		t.Fatalf("%d projects stored, want %d", len(ps), len(dps))
	}
	values, _ := st.TargetValues(ctx, testYear)
	spending, _ := st.ProjectSpending(ctx, testYear)
	nv, ns := 0, 0
	for _, dp := range dps {
		nv += len(dp.values)
		for _, a := range dp.spending {
			if a != 0 {
				ns++
			}
		}
	}
	if len(values) != nv || len(spending) != ns {
		t.Errorf("stored %d values and %d spending months, want %d and %d", len(values), len(spending), nv, ns)
	}
}
