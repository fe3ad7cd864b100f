// Command concurrent puts an office's load on one server database for a
// while (issue 22): department heads saving their proposals, each from
// the version they read, and the budget office reading the consolidation,
// all at once, each client with its own connection pool as a PC has.
// It reports per kind of request the count and latency percentiles, the
// saves refused because another had saved first (told who), and checks at
// the end that nothing was lost: every department's line holds the sum of
// the saves that were accepted for it, and the audit trail is one
// unbroken chain.
//
//	go run ./bench/concurrent -db postgres://… -heads 16 -readers 4 -for 60s
//
// The database must hold the demo hospital (budgetperf demo) with the
// next year's preparation open.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
)

type tally struct {
	mu        sync.Mutex
	lat       map[string][]time.Duration
	refused   int
	failed    map[string]int
	accepted  map[string]money.Amount // per department: the sum of accepted saves' increments
	lastError error
}

func (t *tally) add(kind string, d time.Duration) {
	t.mu.Lock()
	t.lat[kind] = append(t.lat[kind], d)
	t.mu.Unlock()
}

func main() {
	db := flag.String("db", "", "the server database (postgres://…)")
	heads := flag.Int("heads", 16, "department heads saving proposals")
	readers := flag.Int("readers", 4, "budget office clients reading the consolidation")
	shared := flag.Int("depts", 8, "departments the heads share (two PCs on one proposal meet the version check)")
	dur := flag.Duration("for", time.Minute, "how long")
	year := flag.Int("year", 2027, "the year in preparation")
	flag.Parse()
	if err := run(*db, *heads, *readers, *shared, *dur, *year); err != nil {
		fmt.Fprintln(os.Stderr, "concurrent:", err)
		os.Exit(1)
	}
}

func run(db string, heads, readers, shared int, dur time.Duration, year int) error {
	ctx := context.Background()
	probe, err := services.Open(ctx, db)
	if err != nil {
		return err
	}
	depts, subject, err := editable(ctx, probe, year, min(heads, shared))
	if err != nil {
		probe.Close()
		return err
	}
	start := map[string]money.Amount{}
	for _, d := range depts {
		_ = probe.Budgets.AddLines(ctx, domain.LocalUser, year, d, []string{subject}) // there already: refused, fine
		if start[d], _, err = amountOf(ctx, probe, year, d, subject); err != nil {
			probe.Close()
			return err
		}
	}
	probe.Close()
	t := &tally{lat: map[string][]time.Duration{}, failed: map[string]int{}, accepted: map[string]money.Amount{}}
	stop := time.Now().Add(dur)
	var wg sync.WaitGroup
	for i := range heads {
		dept := depts[i%len(depts)]
		wg.Add(1)
		go func() { defer wg.Done(); head(ctx, db, year, dept, subject, stop, t) }()
	}
	for range readers {
		wg.Add(1)
		go func() { defer wg.Done(); reader(ctx, db, year, stop, t) }()
	}
	wg.Wait()
	return report(ctx, db, year, subject, heads, readers, dur, t, start)
}

// editable finds up to n departments whose proposal can be saved now, and
// a subject on all of them.
func editable(ctx context.Context, svc *services.Services, year, n int) ([]string, string, error) {
	preps, err := svc.Store.DeptPreps(ctx, year)
	if err != nil {
		return nil, "", err
	}
	var out []string
	for _, d := range preps {
		if (d.State == domain.StateDraft || d.State == domain.StateReturned) && len(out) < n && d.DeptCode != "000" {
			out = append(out, d.DeptCode)
		}
	}
	if len(out) == 0 {
		return nil, "", fmt.Errorf("no department of %d can save its proposal: load the demo (budgetperf demo)", year)
	}
	return out, "30201", nil
}

// amountOf is dept's proposal amount on subject and the proposal's version.
func amountOf(ctx context.Context, svc *services.Services, year int, dept, subject string) (money.Amount, domain.Version, error) {
	p, err := svc.Budgets.Proposal(ctx, domain.LocalUser, year, dept)
	if err != nil {
		return 0, 0, err
	}
	for _, l := range p.Lines {
		if l.SubjectCode == subject {
			return l.Proposal, p.Dept.Version, nil
		}
	}
	return 0, p.Dept.Version, fmt.Errorf("%s has no line %s", dept, subject)
}

// head is one department head's PC: read the proposal, add one fen to a
// line, save from the version read; a refusal (another PC saved first)
// is read again, as the window's reload does.
func head(ctx context.Context, db string, year int, dept, subject string, stop time.Time, t *tally) {
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.fail("open", err)
		return
	}
	defer svc.Close()
	for time.Now().Before(stop) {
		t0 := time.Now()
		a, v, err := amountOf(ctx, svc, year, dept, subject)
		t.add("read proposal", time.Since(t0))
		if err != nil {
			t.fail("read proposal", err)
			continue
		}
		t0 = time.Now()
		err = svc.Budgets.SaveProposalAt(ctx, domain.LocalUser, year, dept, v, []budgeting.LineEdit{{SubjectCode: subject, Amount: a + 1}})
		t.add("save proposal", time.Since(t0))
		if ps := domain.AsProblems(err); len(ps) == 1 && ps[0].Key == domain.ChangedKey {
			t.mu.Lock()
			t.refused++
			t.mu.Unlock()
			continue
		}
		if err != nil {
			t.fail("save proposal", err)
			continue
		}
		t.mu.Lock()
		t.accepted[dept]++
		t.mu.Unlock()
	}
}

// reader is a budget office PC reading the consolidation of every department.
func reader(ctx context.Context, db string, year int, stop time.Time, t *tally) {
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.fail("open", err)
		return
	}
	defer svc.Close()
	for time.Now().Before(stop) {
		t0 := time.Now()
		_, err := svc.Budgets.Consolidation(ctx, domain.LocalUser, year)
		t.add("read consolidation", time.Since(t0))
		if err != nil {
			t.fail("read consolidation", err)
		}
	}
}

func (t *tally) fail(kind string, err error) {
	t.mu.Lock()
	t.failed[kind]++
	t.lastError = err
	t.mu.Unlock()
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

// report prints the latencies and checks that no accepted save was lost.
func report(ctx context.Context, db string, year int, subject string, heads, readers int, dur time.Duration, t *tally, start map[string]money.Amount) error {
	fmt.Printf("%d department heads saving proposals, %d budget office readers, %s, one server\n\n", heads, readers, dur)
	fmt.Println("| request | count | per second | p50 | p95 | p99 | max |")
	fmt.Println("|---|---|---|---|---|---|---|")
	kinds := make([]string, 0, len(t.lat))
	for k := range t.lat {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ds := t.lat[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
		fmt.Printf("| %s | %d | %.0f | %s | %s | %s | %s |\n", k, len(ds), float64(len(ds))/dur.Seconds(), ms(pct(ds, .5)), ms(pct(ds, .95)), ms(pct(ds, .99)), ms(ds[len(ds)-1]))
	}
	fmt.Printf("\nsaves refused because another PC had saved first (told who, then read again): %d\n", t.refused)
	fmt.Printf("failed requests: %v (last: %v)\n", t.failed, t.lastError)
	svc, err := services.Open(ctx, db)
	if err != nil {
		return err
	}
	defer svc.Close()
	lost := 0
	for dept, n := range t.accepted {
		a, _, err := amountOf(ctx, svc, year, dept, subject)
		if err != nil {
			return err
		}
		if a != start[dept]+n {
			lost++
			fmt.Printf("LOST UPDATE: %s holds %d fen, %d + %d accepted saves\n", dept, a, start[dept], n)
		}
	}
	r, err := svc.Audit.Verify(ctx, domain.LocalUser)
	fmt.Printf("lost updates: %d; audit trail: %d rows, %v\n", lost, r.Rows, errOrOK(err))
	if lost > 0 || err != nil || len(t.failed) > 0 {
		return fmt.Errorf("the load broke something")
	}
	return nil
}

func errOrOK(err error) string {
	if err != nil {
		return err.Error()
	}
	return "one unbroken chain"
}
