package store

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// importBatch records a batch and writes its lines in one transaction, as
// the importer does.
func importBatch(t *testing.T, s *Store, b Batch, lines []domain.Actual) (int64, error) {
	t.Helper()
	var id int64
	err := s.InTx(context.Background(), func(tx *Tx) error {
		var err error
		if id, err = tx.InsertBatch(context.Background(), domain.LocalUser, b); err != nil {
			return err
		}
		return tx.InsertActualsBatch(context.Background(), domain.LocalUser, id, slices.Values(lines))
	})
	return id, err
}

// Migration 0009 marks the actuals batches written before it that have no
// dated or numbered line as summaries, and the ledgers not.
func TestBatchContentMigrationMarksSummaries(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 2, 2)
	day := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	ledger, err := importBatch(t, s, Batch{Kind: "actuals", Year: 2025, FileName: "l.xlsx", Fingerprint: "l"},
		[]domain.Actual{{Year: 2025, Month: 3, DeptCode: depts[0], SubjectCode: subjects[0], Amount: 5, Date: day, Voucher: "记-1"}})
	if err != nil {
		t.Fatal(err)
	}
	summary, err := importBatch(t, s, Batch{Kind: "actuals", Year: 2025, Month: 3, FileName: "s.xlsx", Fingerprint: "s"},
		[]domain.Actual{{Year: 2025, Month: 3, DeptCode: depts[1], SubjectCode: subjects[0], Amount: 7}})
	if err != nil {
		t.Fatal(err)
	}
	// As before 0009, then 0009 as Open applies it.
	for _, q := range []string{`DROP INDEX import_batches_actuals_content`, `DROP INDEX import_batches_actuals_file`,
		`ALTER TABLE import_batches DROP COLUMN summary`, `ALTER TABLE import_batches DROP COLUMN content_fingerprint`,
		`ALTER TABLE import_batches DROP COLUMN replaced_by`,
		`CREATE UNIQUE INDEX import_batches_actuals_file ON import_batches (fingerprint) WHERE kind = 'actuals'`} {
		if _, err := s.pool.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	ms, _ := migrations()
	i := slices.IndexFunc(ms, func(m migration) bool { return m.name == "0009_batch_content.sql" })
	if i < 0 {
		t.Fatal("migration 0009_batch_content.sql not embedded")
	}
	if err := s.InTx(ctx, func(tx *Tx) error { _, err := tx.db.ExecContext(ctx, ms[i].sql); return err }); err != nil {
		t.Fatal(err)
	}
	bs, err := s.SummaryBatchesInMonth(ctx, 2025, 3)
	if err != nil || len(bs) != 1 || bs[0].ID != summary || bs[0].ID == ledger {
		t.Errorf("summaries after the migration: %+v %v", bs, err)
	}
}

// Two batches of one file in force: the second is the lost race, in words.
func TestInsertBatchLostRace(t *testing.T) {
	s, _ := openTemp(t)
	for i, want := range []string{"", "import.lost_race"} {
		_, err := importBatch(t, s, Batch{Kind: "actuals", Year: 2025, FileName: "a.xlsx", Fingerprint: "same"}, nil)
		if problemKey(err) != want || want == "" && err != nil {
			t.Errorf("batch %d: %v, want %q", i, err, want)
		}
	}
}

// Replacing a month removes the replaced summary's lines and keeps
// actual_months in step; the replaced batch no longer counts as in force.
func TestReplaceSummaryMonth(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 2, 2)
	line := func(dept int, fen int64) domain.Actual {
		return domain.Actual{Year: 2025, Month: 3, DeptCode: depts[dept], SubjectCode: subjects[0], Amount: money.Amount(fen)}
	}
	old, err := importBatch(t, s, Batch{Kind: "actuals", Year: 2025, Month: 3, FileName: "old.xlsx", Fingerprint: "o", Summary: true, Content: "c"},
		[]domain.Actual{line(0, 100), line(1, 200)})
	if err != nil {
		t.Fatal(err)
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		id, err := tx.InsertBatch(ctx, domain.LocalUser, Batch{Kind: "actuals", Year: 2025, Month: 3, FileName: "new.xlsx", Fingerprint: "n", Summary: true, Content: "d"})
		if err != nil {
			return err
		}
		if err := tx.ReplaceSummaryMonth(ctx, 2025, 3, []int64{old}, id); err != nil {
			return err
		}
		return tx.InsertActualsBatch(ctx, domain.LocalUser, id, slices.Values([]domain.Actual{line(0, 50)}))
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryInStep(t, s)
	if lines, amount, err := s.ActualsInPeriod(ctx, 2025, 3); err != nil || lines != 1 || amount != 50 {
		t.Errorf("month after replacing: %d lines, %d fen, %v", lines, amount, err)
	}
	if _, ok, _ := s.BatchByContent(ctx, "c"); ok {
		t.Error("the replaced summary is still in force")
	}
	if keys, _ := s.SummaryKeysInMonth(ctx, 2025, 3); len(keys) != 1 || keys[0].DeptCode != depts[0] {
		t.Errorf("summary keys %+v", keys)
	}
}

// Amounts that would take a year's magnitudes past int64 are refused
// before they are stored, so no sum can overflow later.
func TestActualsOverflowRefusedBeforeStoring(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	depts, subjects := seedLedgerMasters(t, s, 2, 2)
	big := func(dept, month int, fen int64) domain.Actual {
		return domain.Actual{Year: 2025, Month: month, DeptCode: depts[dept], SubjectCode: subjects[0], Amount: money.Amount(fen)}
	}
	half := int64(math.MaxInt64/2 + 1)
	for name, lines := range map[string][]domain.Actual{
		"one key":   {big(0, 1, half), big(0, 1, half)},
		"two keys":  {big(0, 1, half), big(1, 2, half)},
		"min int64": {big(0, 1, math.MinInt64)},
	} {
		err := s.InTx(ctx, func(tx *Tx) error { return tx.InsertActuals(ctx, domain.LocalUser, lines) })
		if problemKey(err) != "import.actuals_overflow" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := s.InTx(ctx, func(tx *Tx) error { return tx.InsertActuals(ctx, domain.LocalUser, []domain.Actual{big(0, 1, half)}) }); err != nil {
		t.Fatal(err)
	}
	err := s.InTx(ctx, func(tx *Tx) error { return tx.InsertActuals(ctx, domain.LocalUser, []domain.Actual{big(1, 5, half)}) })
	if problemKey(err) != "import.actuals_overflow" {
		t.Errorf("past int64 with what is stored: %v", err)
	}
	checkSummaryInStep(t, s)
	if _, amount, err := s.ActualsInPeriod(ctx, 2025, 0); err != nil || amount.Fen() != half {
		t.Errorf("the year: %d, %v", amount.Fen(), err)
	}
}
