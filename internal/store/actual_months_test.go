package store

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// seedLedgerMasters adds depts departments (D001…) and subjects leaf
// subjects (half expenditure, half revenue) and returns their codes.
func seedLedgerMasters(tb testing.TB, s *Store, depts, subjects int) (deptCodes, subjectCodes []string) {
	tb.Helper()
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *Tx) error {
		cat := []domain.Subject{
			{Code: "302", Name: "商品和服务支出", Kind: domain.Expenditure, Origin: "classification"},
			{Code: "41", Name: "收入", Kind: domain.Revenue, Origin: "account"},
		}
		for i := 0; i < subjects; i++ {
			sub := domain.Subject{Code: fmt.Sprintf("302%02d", i), Name: fmt.Sprintf("支出%d", i), Parent: "302", Kind: domain.Expenditure, Origin: "classification"}
			if i%2 == 1 {
				sub = domain.Subject{Code: fmt.Sprintf("41%02d", i), Name: fmt.Sprintf("收入%d", i), Parent: "41", Kind: domain.Revenue, Origin: "account"}
			}
			cat = append(cat, sub)
			subjectCodes = append(subjectCodes, sub.Code)
		}
		if _, err := tx.AddSubjects(ctx, cat); err != nil {
			return err
		}
		for i := 1; i <= depts; i++ {
			d := domain.Department{Code: fmt.Sprintf("D%03d", i), Name: fmt.Sprintf("科室%d", i), Type: domain.Clinical, CoefficientMilli: 1000}
			if err := tx.SaveDepartment(ctx, domain.LocalUser, d); err != nil {
				return err
			}
			deptCodes = append(deptCodes, d.Code)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return deptCodes, subjectCodes
}

// randomLedger yields n ledger lines of year spread over the departments,
// subjects and months, one in forty a refund.
func randomLedger(r *rand.Rand, year, n int, depts, subjects []string) iter.Seq[domain.Actual] {
	return func(yield func(domain.Actual) bool) {
		for i := 0; i < n; i++ {
			month := 1 + r.IntN(12)
			amount := money.Amount(r.Int64N(5_000_000))
			if r.IntN(40) == 0 {
				amount = -money.Amount(r.Int64N(50_000))
			}
			a := domain.Actual{Year: year, Month: month, DeptCode: depts[r.IntN(len(depts))], SubjectCode: subjects[r.IntN(len(subjects))],
				Amount: amount, Date: time.Date(year, time.Month(month), 1+r.IntN(28), 0, 0, 0, 0, time.UTC),
				Voucher: fmt.Sprintf("记-%06d", i+1), Summary: "报销", Source: "bench"}
			if !yield(a) {
				return
			}
		}
	}
}

// summaryRow is one row of actual_months, or the same figures recomputed
// from the ledger lines.
type summaryRow struct {
	year, month, dept int64
	subject           string
	fen, lines        int64
}

func readSummary(t *testing.T, s *Store, query string) []summaryRow {
	t.Helper()
	rows, err := s.pool.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []summaryRow
	for rows.Next() {
		var r summaryRow
		if err := rows.Scan(&r.year, &r.month, &r.dept, &r.subject, &r.fen, &r.lines); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSummaryInStep compares actual_months with a GROUP BY over actuals.
func checkSummaryInStep(t *testing.T, s *Store) {
	t.Helper()
	want := readSummary(t, s, `SELECT year, month, department_id, subject_code, sum(amount_fen), count(*) FROM actuals
		GROUP BY year, month, department_id, subject_code ORDER BY year, month, department_id, subject_code`)
	got := readSummary(t, s, `SELECT year, month, department_id, subject_code, amount_fen, lines FROM actual_months
		ORDER BY year, month, department_id, subject_code`)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("actual_months has %d rows out of step with the %d groups of actuals", len(got), len(want))
	}
}

// TestActualMonthsStayInStep inserts random ledgers through every insert
// path, over several transactions (so the upsert meets existing rows), with
// one rolled back, and checks the summary after each.
func TestActualMonthsStayInStep(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 7, 9)
	r := rand.New(rand.NewPCG(5, 8))
	for round := 0; round < 6; round++ {
		year := 2024 + round%2
		n := r.IntN(900) // below and above one 200-row INSERT
		err := s.InTx(ctx, func(tx *Tx) error {
			if round%2 == 0 {
				return tx.InsertActualsBatch(ctx, domain.LocalUser, 0, randomLedger(r, year, n, depts, subjects))
			}
			var lines []domain.Actual
			for a := range randomLedger(r, year, n, depts, subjects) {
				lines = append(lines, a)
			}
			return tx.InsertActuals(ctx, domain.LocalUser, lines)
		})
		if err != nil {
			t.Fatal(err)
		}
		checkSummaryInStep(t, s)
	}
	// A failing import leaves neither lines nor summary behind.
	before, _ := s.CountActuals(ctx, 0)
	err := s.InTx(ctx, func(tx *Tx) error {
		ledger := randomLedger(r, 2025, 500, depts, subjects)
		bad := func(yield func(domain.Actual) bool) {
			for a := range ledger {
				if !yield(a) {
					return
				}
			}
			yield(domain.Actual{Year: 2025, Month: 1, DeptCode: "nope", SubjectCode: subjects[0], Amount: 1})
		}
		return tx.InsertActualsBatch(ctx, domain.LocalUser, 0, bad)
	})
	if err == nil {
		t.Fatal("a line of an unknown department was accepted")
	}
	if after, _ := s.CountActuals(ctx, 0); after != before {
		t.Errorf("a failed import changed the line count from %d to %d", before, after)
	}
	checkSummaryInStep(t, s)
}

// TestActualMonthsBackfill: on a database written before actual_months
// existed, migration 0004 must sum the lines already there.
func TestActualMonthsBackfill(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 4, 5)
	err := s.InTx(ctx, func(tx *Tx) error {
		return tx.InsertActualsBatch(ctx, domain.LocalUser, 0, randomLedger(rand.New(rand.NewPCG(9, 9)), 2025, 700, depts, subjects))
	})
	if err != nil {
		t.Fatal(err)
	}
	// As before migration 0004: the lines without the summary. Then the
	// migration itself, as Open applies it.
	if _, err := s.pool.Exec(`DROP TABLE actual_months`); err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ms, func(m migration) bool { return m.name == "0004_actual_months.sql" })
	if i < 0 {
		t.Fatal("migration 0004_actual_months.sql not embedded")
	}
	if err := s.InTx(ctx, func(tx *Tx) error { _, err := tx.db.ExecContext(ctx, ms[i].sql); return err }); err != nil {
		t.Fatal(err)
	}
	checkSummaryInStep(t, s)
	if n, _ := s.CountActuals(ctx, 2025); n != 700 {
		t.Errorf("after the backfill CountActuals = %d, want 700", n)
	}
}

// TestActualsOutsideTransactionRefused: without a transaction the lines
// could land without their summary.
func TestActualsOutsideTransactionRefused(t *testing.T) {
	s, _ := openTemp(t)
	depts, subjects := seedLedgerMasters(t, s, 1, 1)
	err := s.InsertActuals(context.Background(), domain.LocalUser, []domain.Actual{{Year: 2025, Month: 1, DeptCode: depts[0], SubjectCode: subjects[0], Amount: 1}})
	if err == nil {
		t.Error("actuals written outside a transaction")
	}
}

// TestSummaryReadsMatchLedger checks the reads served from actual_months
// against the same figures summed from the ledger lines in Go.
func TestSummaryReadsMatchLedger(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 5, 6)
	r := rand.New(rand.NewPCG(3, 4))
	var lines []domain.Actual
	for a := range randomLedger(r, 2025, 3000, depts, subjects) {
		if a.Month <= 10 { // leave November and December empty
			lines = append(lines, a)
		}
	}
	if err := s.InTx(ctx, func(tx *Tx) error { return tx.InsertActuals(ctx, domain.LocalUser, lines) }); err != nil {
		t.Fatal(err)
	}
	wantMonths := map[LineKey]domain.Months{}
	wantThrough6 := map[LineKey]money.Amount{}
	for _, a := range lines {
		k := LineKey{a.DeptCode, a.SubjectCode}
		m := wantMonths[k]
		m[a.Month-1] += a.Amount
		wantMonths[k] = m
		if a.Month <= 6 {
			wantThrough6[k] += a.Amount
		}
	}
	months, err := s.MonthlyActuals(ctx, 2025)
	if err != nil || !reflect.DeepEqual(months, wantMonths) {
		t.Errorf("MonthlyActuals differs from the ledger (%v)", err)
	}
	if raw, err := monthlyActualsRaw(ctx, s.Q, 2025); err != nil || !reflect.DeepEqual(months, raw) {
		t.Errorf("MonthlyActuals differs from the GROUP BY over the lines (%v)", err)
	}
	k := LineKey{depts[1], subjects[2]}
	if of, err := s.MonthlyActualsOf(ctx, 2025, k.DeptCode, k.SubjectCode); err != nil || of != wantMonths[k] {
		t.Errorf("MonthlyActualsOf = %v, %v; want %v", of, err, wantMonths[k])
	}
	totals, err := s.ActualSubjectTotals(ctx, 2025, 6)
	if err != nil || len(totals) != len(wantThrough6) {
		t.Fatalf("ActualSubjectTotals: %d lines, %v; want %d", len(totals), err, len(wantThrough6))
	}
	for _, tot := range totals {
		if tot.Amount != wantThrough6[LineKey{tot.DeptCode, tot.SubjectCode}] {
			t.Errorf("%s/%s through June = %d, want %d", tot.DeptCode, tot.SubjectCode, tot.Amount, wantThrough6[LineKey{tot.DeptCode, tot.SubjectCode}])
		}
	}
	if m, _ := s.LatestActualMonth(ctx, 2025); m != 10 {
		t.Errorf("latest month %d, want 10", m)
	}
	if n, _ := s.CountActuals(ctx, 2025); n != len(lines) {
		t.Errorf("CountActuals = %d, want %d", n, len(lines))
	}
	mt, err := s.MonthlyActualTotals(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := map[MonthAmount]bool{}
	sums := map[[2]any]money.Amount{}
	for _, a := range lines {
		kind := domain.Expenditure
		if a.SubjectCode[:2] == "41" {
			kind = domain.Revenue
		}
		sums[[2]any{a.Month, kind}] += a.Amount
	}
	for key, fen := range sums {
		wantKinds[MonthAmount{Month: key[0].(int), Kind: key[1].(domain.SubjectKind), Amount: fen}] = true
	}
	if len(mt) != len(wantKinds) {
		t.Fatalf("MonthlyActualTotals has %d rows, want %d", len(mt), len(wantKinds))
	}
	for _, m := range mt {
		if !wantKinds[m] {
			t.Errorf("MonthlyActualTotals row %+v not in the ledger's sums", m)
		}
	}
}

// BenchmarkInsertActualsBatch writes a ledger in one transaction into a
// new database: the store's share of an import, to see what keeping
// actual_months in step costs. The cost grows with the number of distinct
// department × subject × month keys, not with the lines: 12 departments
// and 10 subjects (bench/genledger's ledger) give 1,440 keys, issue 5's
// 100 departments and 70 subjects 84,000, nearly one per line at 100,000.
func BenchmarkInsertActualsBatch(b *testing.B) {
	for _, c := range []struct{ lines, depts, subjects int }{
		{100_000, 12, 10}, {100_000, 100, 70}, {1_000_000, 100, 70},
	} {
		name := fmt.Sprintf("lines=%d/keys=%d", c.lines, c.depts*c.subjects*12)
		b.Run(name, func(b *testing.B) { benchInsert(b, c.lines, c.depts, c.subjects) })
	}
}

func benchInsert(b *testing.B, lines, depts, subjects int) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		dc, sc := seedLedgerMasters(b, s, depts, subjects)
		ledger := randomLedger(rand.New(rand.NewPCG(1, 2)), 2025, lines, dc, sc)
		b.StartTimer()
		if err := s.InTx(ctx, func(tx *Tx) error { return tx.InsertActualsBatch(ctx, domain.LocalUser, 0, ledger) }); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
	}
}

// BenchmarkMonthlyActuals reads a year's actuals per department, subject
// and month from the database named by BUDGETPERF_BENCH_MONITOR_DB
// (bench/monitor.sh): from actual_months as MonthlyActuals does, and from
// the ledger lines with the GROUP BY one would write without the summary,
// which is what MonthlyActuals did before it.
func BenchmarkMonthlyActuals(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_MONITOR_DB")
	if path == "" {
		b.Skip("set BUDGETPERF_BENCH_MONITOR_DB to a database made by bench/genmonitor")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var year int
	if err := s.pool.QueryRow(`SELECT max(year) FROM actual_months`).Scan(&year); err != nil {
		b.Fatal(err)
	}
	b.Run("summary", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.MonthlyActuals(ctx, year); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		for b.Loop() {
			if _, err := monthlyActualsRaw(ctx, s.Q, year); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// monthlyActualsRaw is MonthlyActuals over the ledger lines, as it was
// written before actual_months existed.
func monthlyActualsRaw(ctx context.Context, q Q, year int) (map[LineKey]domain.Months, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT d.code, a.subject_code, a.month, sum(a.amount_fen)
		FROM actuals a JOIN departments d ON d.id = a.department_id
		WHERE a.year = ? GROUP BY d.code, a.subject_code, a.month`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[LineKey]domain.Months{}
	for rows.Next() {
		var k LineKey
		var month int
		var fen int64
		if err := rows.Scan(&k.DeptCode, &k.SubjectCode, &month, &fen); err != nil {
			return nil, err
		}
		m := out[k]
		m[month-1] = money.Amount(fen)
		out[k] = m
	}
	return out, rows.Err()
}
