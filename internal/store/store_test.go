package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "test.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func problemKey(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	return ""
}

func TestOpenCreatesSchemaAndRecordsMigrations(t *testing.T) {
	s, path := openTemp(t)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	var n, max int
	if err := s.pool.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != SchemaVersion() || max != SchemaVersion() {
		t.Errorf("recorded %d migrations up to %d, want %d", n, max, SchemaVersion())
	}
	d, err := s.Department(context.Background(), domain.HospitalWideCode)
	if err != nil || d.Name != "全院" || !d.BuiltIn {
		t.Errorf("built-in hospital-wide unit = %+v, %v", d, err)
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000"} {
		var got string
		if err := s.pool.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

func TestReopenKeepsDataAndDoesNotReapply(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	if err := s.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "101", Name: "产科", Type: domain.Clinical, CoefficientMilli: 1000}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if n, _ := s2.CountUserDepartments(ctx); n != 1 {
		t.Errorf("after reopen %d departments, want 1", n)
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	s, path := openTemp(t)
	future := SchemaVersion() + 1
	if _, err := s.pool.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future.sql', '2030-01-01')`, future); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileHash(t, path)
	_, err := Open(context.Background(), path)
	if problemKey(err) != "problem.db.newer_schema" {
		t.Fatalf("Open of a newer database: %v, want the newer-schema problem", err)
	}
	if !strings.Contains(err.Error(), "newer version") {
		t.Errorf("message %q does not say a newer version wrote it", err)
	}
	if fileHash(t, path) != before {
		t.Error("the refused database file was changed")
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(path + ext); err == nil && fi.Size() > 0 {
			t.Errorf("refusing left a non-empty %s file", ext)
		}
	}
}

func TestForeignFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE patients (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, other)
	if _, err := Open(context.Background(), other); problemKey(err) != "problem.db.foreign" {
		t.Errorf("another program's SQLite file: %v", err)
	}
	if fileHash(t, other) != before {
		t.Error("another program's file was changed")
	}
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte(strings.Repeat("这不是数据库 not a database\n", 100)), 0o644)
	if _, err := Open(context.Background(), text); problemKey(err) != "problem.db.not_sqlite" {
		t.Errorf("a text file: %v", err)
	}
}

func TestTransactionIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	boom := errors.New("boom")
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "101", Name: "产科", Type: domain.Clinical, CoefficientMilli: 1000}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("InTx returned %v", err)
	}
	if n, _ := s.CountUserDepartments(ctx); n != 0 {
		t.Errorf("a failed transaction left %d departments", n)
	}
}

func TestBudgetAndActualTotals(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	subjects := []domain.Subject{
		{Code: "302", Name: "商品和服务支出", Kind: domain.Expenditure, Origin: "classification"},
		{Code: "30201", Name: "办公费", Parent: "302", Kind: domain.Expenditure, Origin: "classification"},
		{Code: "4101", Name: "事业收入", Kind: domain.Revenue, Origin: "account"},
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.AddSubjects(ctx, subjects); err != nil {
			return err
		}
		if err := tx.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "101", Name: "产科", Type: domain.Clinical, CoefficientMilli: 1000}); err != nil {
			return err
		}
		if err := tx.InsertBudget(ctx, domain.LocalUser, domain.Budget{Year: 2025, Lines: []domain.BudgetLine{
			{DeptCode: "101", SubjectCode: "30201", Amount: money.Amount(1_000_000)},
			{DeptCode: "101", SubjectCode: "4101", Amount: money.Amount(5_000_000)},
			{DeptCode: "000", SubjectCode: "30201", Amount: money.Amount(99)},
		}}); err != nil {
			return err
		}
		return tx.InsertActuals(ctx, domain.LocalUser, []domain.Actual{
			{Year: 2025, Month: 1, DeptCode: "101", SubjectCode: "30201", Amount: 100},
			{Year: 2025, Month: 2, DeptCode: "101", SubjectCode: "30201", Amount: 200},
			{Year: 2025, Month: 3, DeptCode: "101", SubjectCode: "30201", Amount: 400},
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	bt, _ := s.BudgetTotals(ctx, 2025)
	if len(bt) != 3 {
		t.Fatalf("budget totals %+v", bt)
	}
	at, _ := s.ActualTotals(ctx, 2025, 2)
	if len(at) != 1 || at[0].Amount != 300 {
		t.Errorf("actuals through February = %+v, want 300 fen", at)
	}
	if m, _ := s.LatestActualMonth(ctx, 2025); m != 3 {
		t.Errorf("latest month %d, want 3", m)
	}
	if ok, _ := s.BudgetExists(ctx, 2025); !ok {
		t.Error("budget 2025 not found")
	}
	// A second budget for the same year must be refused by the schema.
	err = s.InTx(ctx, func(tx *Tx) error { return tx.InsertBudget(ctx, domain.LocalUser, domain.Budget{Year: 2025}) })
	if err == nil {
		t.Error("a second 2025 budget was accepted")
	}
}

func TestPathsWithSpecialCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "财务 预算#2025 50%?", "医院.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not where it was asked to be: %v", err)
	}
	if s, err = Open(context.Background(), path); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

func TestReplaceBudgetInOneTransaction(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	subjects := []domain.Subject{{Code: "30201", Name: "办公费", Kind: domain.Expenditure, Origin: "classification"}}
	s.InTx(ctx, func(tx *Tx) error {
		tx.AddSubjects(ctx, subjects)
		return tx.InsertBudget(ctx, domain.LocalUser, domain.Budget{Year: 2025, Lines: []domain.BudgetLine{{DeptCode: "000", SubjectCode: "30201", Amount: 100}}})
	})
	// A replacement that fails half-way leaves the old budget in place.
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.DeleteBudget(ctx, 2025); err != nil {
			return err
		}
		return tx.InsertBudget(ctx, domain.LocalUser, domain.Budget{Year: 2025, Lines: []domain.BudgetLine{{DeptCode: "000", SubjectCode: "99999", Amount: 1}}})
	})
	if err == nil {
		t.Fatal("a line with an unknown subject was accepted")
	}
	lines, _ := s.BudgetLines(ctx, 2025)
	if len(lines) != 1 || lines[0].Amount != 100 {
		t.Errorf("after a failed replacement the budget is %+v", lines)
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		if err := tx.DeleteBudget(ctx, 2025); err != nil {
			return err
		}
		return tx.InsertBudget(ctx, domain.LocalUser, domain.Budget{Year: 2025, Lines: []domain.BudgetLine{{DeptCode: "000", SubjectCode: "30201", Amount: 250}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if lines, _ := s.BudgetLines(ctx, 2025); len(lines) != 1 || lines[0].Amount != 250 {
		t.Errorf("after replacing, the budget is %+v", lines)
	}
}
