package execution

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/testbook"
)

// resave writes a copy of the workbook at path as a spreadsheet program
// would after opening and saving it: the same cells, other bytes.
func resave(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetDocProps(&excelize.DocProperties{Title: "saved again", Modified: time.Now().Format(time.RFC3339)})
	out := filepath.Join(t.TempDir(), "resaved-"+filepath.Base(path))
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(out)
	if string(a) == string(b) {
		t.Fatal("the re-saved copy has the same bytes")
	}
	return out
}

// Twenty times, the sample ledger and a re-saved copy of it are imported
// at the same moment through two connections, as two windows or a window
// and a scheduled import would: exactly one commits, and the other is
// refused with a problem in words, never SQLite's text.
func TestParallelLedgerImportsCountOnce(t *testing.T) {
	ctx := context.Background()
	orig := filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx")
	files := []string{orig, resave(t, orig)}
	fps := make([]string, 2)
	for i, f := range files {
		fp, err := inputfile.Fingerprint(f)
		if err != nil {
			t.Fatal(err)
		}
		fps[i] = fp
	}
	losers := map[string]int{}
	defer func() { t.Logf("refusals of the losers: %v", losers) }()
	for pair := range 20 {
		path := filepath.Join(t.TempDir(), "race.db")
		st, _ := newStoreAt(t, path)
		svcs := [2]*Service{}
		for i := range svcs {
			_, svcs[i] = newStoreAt(t, path)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		start := make(chan struct{})
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = svcs[i].ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: files[i], Year: 2025, CreateMissing: true})
			}()
		}
		close(start)
		wg.Wait()
		won := 0
		for i, err := range errs {
			switch k := problemKey(err); {
			case err == nil:
				won++
			case k == "import.vouchers_exist" || k == "import.lost_race" || k == "import.busy":
				losers[k]++
			default:
				t.Errorf("pair %d, import %d: %v (not a problem in words)", pair, i, err)
			}
		}
		batches := 0
		for _, fp := range fps {
			if _, ok, err := st.BatchByFingerprint(ctx, "actuals", fp); err != nil {
				t.Fatal(err)
			} else if ok {
				batches++
			}
		}
		n, _ := st.CountActuals(ctx, 2025)
		if won != 1 || batches != 1 || n != 343 {
			t.Fatalf("pair %d: %d imports committed, %d batches, %d lines (want 1, 1, 343): %v", pair, won, batches, n, errs)
		}
	}
}

// A summary opened and saved again is known by its figures and refused;
// the same figures for another month are another month's summary.
func TestResavedSummaryRefused(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	path := testbook.Summary(t, "march.xlsx", []any{"内科", "30201", "办公费", 100.5}, []any{"外科", "30205", "水费", 50})
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: path, Year: 2025, Month: 3, CreateMissing: true}); err != nil {
		t.Fatal(err)
	}
	copyPath := resave(t, path)
	for _, preview := range []bool{true, false} {
		run := svc.ImportActuals
		if preview {
			run = svc.PreviewActuals
		}
		_, err := run(ctx, domain.LocalUser, ActualsRequest{Path: copyPath, Year: 2025, Month: 3, CreateMissing: true})
		if k := problemKey(err); k != "import.summary_again" {
			t.Errorf("re-saved copy (preview %v): %v", preview, err)
		}
	}
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: copyPath, Year: 2025, Month: 4, CreateMissing: true}); err != nil {
		t.Errorf("the same figures for April: %v", err)
	}
	if got := actualTotals(t, st, 2025); got["内科"] != 2*10050 || got["外科"] != 2*5000 {
		t.Errorf("totals %v", got)
	}
}

// A new summary that overlaps the month's summary is refused naming the
// overlap; --replace-month replaces the month, in one transaction, with
// an audit entry, and the replaced file may come back the same way.
func TestSummaryOverlapAndReplaceMonth(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	first := testbook.Summary(t, "first.xlsx", []any{"内科", "30201", "办公费", 100}, []any{"外科", "30205", "水费", 50})
	second := testbook.Summary(t, "second.xlsx", []any{"内科", "30201", "办公费", 300}, []any{"儿科", "30205", "水费", 7})
	req := func(path string, replace bool) ActualsRequest {
		return ActualsRequest{Path: path, Year: 2025, Month: 3, CreateMissing: true, ReplaceMonth: replace}
	}
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, req(first, false)); err != nil {
		t.Fatal(err)
	}
	_, err := svc.ImportActuals(ctx, domain.LocalUser, req(second, false))
	if k := problemKey(err); k != "import.summary_overlap" || !strings.Contains(err.Error(), "内科·30201") || strings.Contains(err.Error(), "外科") {
		t.Fatalf("overlap: %v", err)
	}
	p, err := svc.PreviewActuals(ctx, domain.LocalUser, req(second, true))
	if err != nil || len(p.Replaced) != 1 || p.Replaced[0].FileName != "first.xlsx" || p.Replaced[0].LineMonth != 3 {
		t.Fatalf("preview of the replacement: %+v %v", p.Replaced, err)
	}
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, req(second, true)); err != nil {
		t.Fatal(err)
	}
	if got := actualTotals(t, st, 2025); got["内科"] != 30000 || got["外科"] != 0 || got["儿科"] != 700 {
		t.Errorf("after replacing: %v", got)
	}
	if n, _ := st.CountActuals(ctx, 2025); n != 2 {
		t.Errorf("%d lines after replacing, want 2", n)
	}
	entries, err := st.AuditEntries(ctx, store.AuditFilter{Entity: logbook.EntityActuals, EntityKey: "2025/3"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.Field == "summary" && strings.HasPrefix(e.Old, "first.xlsx") && e.New == "second.xlsx" {
			found = true
		}
	}
	if !found {
		t.Errorf("no audit entry for the replacement: %+v", entries)
	}
	// The replaced file, bytes and figures, may replace its replacement.
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, req(first, true)); err != nil {
		t.Fatalf("the first file back: %v", err)
	}
	if got := actualTotals(t, st, 2025); got["内科"] != 10000 || got["外科"] != 5000 || got["儿科"] != 0 {
		t.Errorf("after replacing back: %v", got)
	}
	// Replacing is for summaries; a ledger is refused with it.
	_, err = svc.PreviewActuals(ctx, domain.LocalUser, ActualsRequest{Path: filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"),
		Year: 2025, CreateMissing: true, ReplaceMonth: true})
	if k := problemKey(err); k != "import.replace_month_ledger" {
		t.Errorf("ledger with replace-month: %v", err)
	}
}

// Actuals past what int64 fen holds are refused in words, whether one
// file adds up past it or the file would take the year past it; nothing
// is written.
func TestActualsOverflowRefused(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	huge := "60000000000000000" // 6×10¹⁶ yuan: one line fits in int64 fen, two do not
	both := testbook.Summary(t, "both.xlsx", []any{"内科", "30201", "办公费", huge}, []any{"外科", "30201", "办公费", huge})
	_, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: both, Year: 2025, Month: 3, CreateMissing: true})
	// The reader already refuses a file whose own amounts overflow.
	if len(domain.AsProblems(err)) == 0 {
		t.Fatalf("one file past int64: %v", err)
	}
	one := testbook.Summary(t, "one.xlsx", []any{"内科", "30201", "办公费", huge})
	if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: one, Year: 2025, Month: 3, CreateMissing: true}); err != nil {
		t.Fatal(err)
	}
	other := testbook.Summary(t, "other.xlsx", []any{"外科", "30201", "办公费", huge})
	_, err = svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: other, Year: 2025, Month: 4, CreateMissing: true})
	if k := problemKey(err); k != "import.actuals_overflow" {
		t.Fatalf("the year past int64: %v", err)
	}
	if n, _ := st.CountActuals(ctx, 2025); n != 1 {
		t.Errorf("%d lines stored, want 1", n)
	}
	if _, _, err := st.ActualsInPeriod(ctx, 2025, 0); err != nil {
		t.Errorf("the year no longer sums: %v", err)
	}
}

// A directory, a device and a missing file are refused before anything
// reads them, by every import of this package.
func TestImportRefusesWhatIsNotAFile(t *testing.T) {
	st, svc := newStore(t)
	budgets := budgeting.New(st)
	ctx := context.Background()
	for path, want := range map[string]string{"/dev/zero": "import.not_regular", t.TempDir(): "import.is_folder"} {
		if _, err := os.Stat(path); err != nil {
			continue // no /dev/zero here
		}
		done := make(chan [2]error, 1)
		go func() {
			_, a := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: path, Year: 2025})
			_, b := budgets.ImportBudget(ctx, domain.LocalUser, budgeting.BudgetRequest{Path: path, Year: 2025})
			done <- [2]error{a, b}
		}()
		select {
		case errs := <-done:
			for _, err := range errs {
				if k := problemKey(err); k != want {
					t.Errorf("%s: %v, want %s", path, err, want)
				}
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s is being read", path)
		}
	}
}

// A summary over a month a ledger covers, or a ledger over a month's
// summaries, would count the same department and subject twice: refused
// naming the pairs, and nothing is written.
func TestLedgerAndSummaryDoNotOverlap(t *testing.T) {
	ctx := context.Background()
	ledger := "../xlsximport/testdata/actuals_ledger_2025_jan_sep.xlsx"
	january := testbook.Summary(t, "january.xlsx", []any{"内科", "30213", "维修（护）费", 100})
	t.Run("summary over a ledger", func(t *testing.T) {
		st, svc := newStore(t)
		if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: ledger, Year: 2025, CreateMissing: true}); err != nil {
			t.Fatal(err)
		}
		before := actualTotals(t, st, 2025)
		_, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: january, Year: 2025, Month: 1, CreateMissing: true})
		if problemKey(err) != "import.summary_over_ledger" || !strings.Contains(err.Error(), "30213") {
			t.Fatalf("want the overlap refused, got %v", err)
		}
		if after := actualTotals(t, st, 2025); after["内科"] != before["内科"] {
			t.Errorf("the refused summary changed 内科: %d → %d", before["内科"], after["内科"])
		}
		// October has no ledger lines: the summary is welcome there.
		if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: january, Year: 2025, Month: 10, CreateMissing: true}); err != nil {
			t.Errorf("a summary for a month without a ledger: %v", err)
		}
	})
	t.Run("ledger over a summary", func(t *testing.T) {
		_, svc := newStore(t)
		if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: january, Year: 2025, Month: 1, CreateMissing: true}); err != nil {
			t.Fatal(err)
		}
		_, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: ledger, Year: 2025, CreateMissing: true})
		if problemKey(err) != "import.ledger_over_summary" {
			t.Fatalf("want the overlap refused, got %v", err)
		}
	})
}

// A summary of the whole year (booked in December) and a month's summary
// of the same department and subject would count that month twice,
// whichever comes first.
func TestYearSummaryOverlapsMonths(t *testing.T) {
	ctx := context.Background()
	year := testbook.Summary(t, "year.xlsx", []any{"内科", "30201", "办公费", 1200})
	march := testbook.Summary(t, "march.xlsx", []any{"内科", "30201", "办公费", 100})
	other := testbook.Summary(t, "other.xlsx", []any{"外科", "30201", "办公费", 100})
	for _, order := range [][2]int{{0, 3}, {3, 0}} {
		_, svc := newStore(t)
		files := map[int]string{0: year, 3: march}
		if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: files[order[0]], Year: 2025, Month: order[0], CreateMissing: true}); err != nil {
			t.Fatal(err)
		}
		_, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: files[order[1]], Year: 2025, Month: order[1], CreateMissing: true})
		if problemKey(err) != "import.summary_overlap" {
			t.Errorf("month %d after month %d: want the overlap refused, got %v", order[1], order[0], err)
		}
		if _, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: other, Year: 2025, Month: 3, CreateMissing: true}); err != nil {
			t.Errorf("another department's March: %v", err)
		}
	}
}
