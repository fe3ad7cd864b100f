package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// loadDemo opens a new database with the demo hospital of testYear.
func loadDemo(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, enginetest.File(t, filepath.Join(t.TempDir(), "demo.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := NewService(st).Load(ctx, domain.LocalUser, testYear); err != nil {
		t.Fatal(err)
	}
	return st
}

// The demo shows the whole loop: the next year's preparation under way
// beside the approved current year, the current year's adjustments, and
// the prior year's evaluations finalised in January with reasons of their
// own.
func TestLoadShowsTheLoop(t *testing.T) {
	st := loadDemo(t)
	t.Run("next year's cycle", func(t *testing.T) { checkNextYearCycle(t, st) })
	t.Run("adjustments", func(t *testing.T) { checkAdjustments(t, st) })
	t.Run("evaluations", func(t *testing.T) { checkEvaluations(t, st) })
}

func checkNextYearCycle(t *testing.T, st *store.Store) {
	ctx := context.Background()
	bs := budgeting.New(st)
	cur, err := bs.Status(ctx, domain.LocalUser, testYear)
	if err != nil || !cur.ApprovedBudget || cur.Opened {
		t.Fatalf("%d: approved %v opened %v (%v); want an approved budget without a cycle", testYear, cur.ApprovedBudget, cur.Opened, err)
	}
	next, err := bs.Status(ctx, domain.LocalUser, testYear+1)
	if err != nil || !next.Opened || next.Locked() || next.ApprovedBudget {
		t.Fatalf("%d: opened %v locked %v approved %v (%v); want a cycle in progress", testYear+1, next.Opened, next.Locked(), next.ApprovedBudget, err)
	}
	count := map[domain.PrepState]int{}
	for _, d := range next.Departments {
		count[d.State]++
		hasControl := d.ControlTotal != nil && *d.ControlTotal > 0
		if hasControl != (d.State == domain.StateControlIssued || d.State == domain.StateRevised) {
			t.Errorf("%s at %s with control total %v", d.DeptCode, d.State, d.ControlTotal)
		}
	}
	if count[domain.StateSubmitted] == 0 || count[domain.StateReturned] == 0 || count[domain.StateControlIssued] < 2 ||
		count[domain.StateDraft] == 0 || count[domain.StateApproved] != 0 {
		t.Errorf("states %v: want drafts, submitted, returned, several with control figures, none approved", count)
	}
	history, err := bs.History(ctx, domain.LocalUser, testYear+1, "")
	if err != nil {
		t.Fatal(err)
	}
	returned := 0
	for _, tr := range history {
		if tr.At.Year() != testYear || tr.At.Month() < time.October {
			t.Errorf("%s %s dated %v, want the autumn of %d", tr.DeptCode, tr.Action, tr.At, testYear)
		}
		if tr.Action == domain.ActReturn {
			returned++
			if len([]rune(tr.Comment)) < 20 {
				t.Errorf("%s returned with comment %q", tr.DeptCode, tr.Comment)
			}
		}
	}
	if returned == 0 {
		t.Error("no proposal returned with comments")
	}
}

func checkAdjustments(t *testing.T, st *store.Store) {
	ctx := context.Background()
	h, err := budgeting.New(st).Adjustments(ctx, domain.LocalUser, testYear)
	if err != nil {
		t.Fatal(err)
	}
	approved := 0
	for _, a := range h.Adjustments {
		if a.State == domain.AdjustmentApproved {
			approved++
		}
		if a.Reason == "" || a.DecidedAt.Year() != testYear || a.RequestedAt.After(a.DecidedAt) {
			t.Errorf("adjustment %d: reason %q, requested %v, decided %v", a.Number, a.Reason, a.RequestedAt, a.DecidedAt)
		}
	}
	if approved < 3 || len(h.Versions) != approved+1 {
		t.Fatalf("%d approved adjustments, %d versions; want at least 3 and one version each plus the original", approved, len(h.Versions))
	}
	first, last := h.Versions[0], h.Versions[len(h.Versions)-1]
	if first.Expenditure == last.Expenditure || first.Revenue == last.Revenue {
		t.Errorf("full-year budget %v/%v equals the initial %v/%v", last.Revenue, last.Expenditure, first.Revenue, first.Expenditure)
	}
}

func checkEvaluations(t *testing.T, st *store.Store) {
	ctx := context.Background()
	runs, err := evaluation.New(st).Runs(ctx, domain.LocalUser, testYear-1)
	if err != nil {
		t.Fatal(err)
	}
	days := map[int]bool{}
	all := map[string]bool{}
	for _, r := range runs {
		at := r.FinalisedAt.In(beijing)
		if at.Year() != testYear || at.Month() != time.January || at.Day() < 15 || at.Day() > 28 {
			t.Errorf("%s finalised %v, want 15–28 January %d", r.Unit.Code, at, testYear)
		}
		days[at.Day()] = true
		mine := map[string]bool{}
		short := 0
		for _, is := range r.Result.Indicators {
			if is.Short {
				short++
				mine[cause(r.Reasons[is.Code])] = true
				all[cause(r.Reasons[is.Code])] = true
			}
		}
		if short >= 3 && len(mine) < 2 {
			t.Errorf("%s: %d indicators short with %d distinct causes", r.Unit.Code, short, len(mine))
		}
	}
	if len(days) < 5 {
		t.Errorf("finalised on %d distinct days, want them spread", len(days))
	}
	if len(all) < 25 {
		t.Errorf("%d distinct causes across the hospital, want at least 25", len(all))
	}
}

// cause is a reason without its figures: what the department says went wrong.
func cause(reason string) string {
	if i := strings.Index(reason, "，"); i >= 0 {
		if j := strings.Index(reason[i:], "。改进措施"); j >= 0 {
			return reason[i : i+j]
		}
	}
	return reason
}

// Every shipped scheme, whatever its indicators, gets readable values
// from demoValues and a reason wherever one falls short, at any level.
func TestDemoValuesFitEveryScheme(t *testing.T) {
	st := loadDemo(t)
	ctx := context.Background()
	ids, err := st.SchemeIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for code, id := range ids {
		sc, err := st.SchemeByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, level := range []int64{400, 780, 900, 1000} {
			vs := demoValues("401", level, sc)
			if len(vs) == 0 {
				t.Errorf("%s: no values", code)
			}
			for _, v := range vs {
				n := nodeOf(sc.Roots, v.code)
				if n == nil || n.Indicator == nil {
					t.Fatalf("%s: no indicator %s", code, v.code)
				}
				in := n.Indicator
				val, ok := evaluation.ParseActual(*in, v.actual, v.occurrences)
				if !ok {
					t.Errorf("%s %s %s: %q does not read", code, v.code, in.Name, v.actual)
					continue
				}
				if _, short := scoring.Score(*in, n.Points, val); short && v.reason == "" {
					t.Errorf("%s %s: short without a reason", code, in.Name)
				}
			}
		}
	}
}

func nodeOf(ns []scoring.Node, code string) *scoring.Node {
	for i := range ns {
		if ns[i].Code == code {
			return &ns[i]
		}
		if n := nodeOf(ns[i].Children, code); n != nil {
			return n
		}
	}
	return nil
}
