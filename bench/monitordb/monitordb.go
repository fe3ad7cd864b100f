// Package monitordb writes the database of the month-end monitor
// benchmark: a hospital of many departments with an approved budget and a
// year of ledger lines, written through the services and the store so the
// schema and the actual_months summary are exactly what the product keeps.
package monitordb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Config sizes the hospital.
type Config struct {
	Year                int
	Departments         int
	ExpenditureSubjects int // leaf subjects of the economic classification
	RevenueSubjects     int // leaf revenue items
	Lines               int // ledger lines over the twelve months (of each year)
	Years               int // years of budget and ledger ending with Year; 0 is one
}

// Issue5 is the size named in issue 5: 1,000,000 lines for one year across
// 100 departments and 70 subjects.
var Issue5 = Config{Year: 2025, Departments: 100, ExpenditureSubjects: 50, RevenueSubjects: 20, Lines: 1_000_000}

// version names what Build writes; change it when Build changes so that
// cached files are written again. The schema version is added to it.
const version = "monitordb-1"

// Cached returns a database of cfg under os.TempDir(), writing it first when
// no file of this version, schema and size is there (15–30 s for Issue5);
// later calls reuse it. Files of the same size written by other versions
// are removed: 160 MB each.
func Cached(ctx context.Context, cfg Config) (string, error) {
	size := fmt.Sprintf("%d-%dd-%ds-%dl.db", cfg.Year, cfg.Departments, cfg.ExpenditureSubjects+cfg.RevenueSubjects, cfg.Lines)
	if cfg.Years > 1 {
		size = fmt.Sprintf("%dy-%s", cfg.Years, size)
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("budgetperf-%s-s%d-%s", version, store.SchemaVersion(), size))
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return path, nil
	}
	stale, _ := filepath.Glob(filepath.Join(os.TempDir(), "budgetperf-monitordb-*-"+size))
	for _, p := range stale {
		for _, f := range []string{p, p + "-wal", p + "-shm"} {
			os.Remove(f)
		}
	}
	// Written beside and renamed, so an interrupted run leaves no half file
	// under the cached name.
	tmp := path + ".part"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	if err := Build(ctx, tmp, cfg); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// Build writes a new database of cfg at path, which must not exist.
func Build(ctx context.Context, path string, cfg Config) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; the benchmark database is written into a new file", path)
	}
	svc, err := services.Open(ctx, path)
	if err != nil {
		return err
	}
	err = fill(ctx, svc, cfg)
	// Closing the last connection folds the WAL back into the file, so the
	// sqlite3 shell and the benchmark read one finished file.
	if cerr := svc.Close(); err == nil {
		err = cerr
	}
	return err
}

func fill(ctx context.Context, svc *services.Services, cfg Config) error {
	by := domain.LocalUser
	depts, err := addDepartments(ctx, svc, cfg.Departments)
	if err != nil {
		return err
	}
	subjects, err := pickSubjects(ctx, svc, cfg.ExpenditureSubjects, cfg.RevenueSubjects)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(2025, 5))
	for y := cfg.Year - max(cfg.Years, 1) + 1; y <= cfg.Year; y++ {
		year := cfg
		year.Year = y
		if err := svc.Store.InTx(ctx, func(tx *store.Tx) error {
			return addBudget(ctx, tx, r, year, depts, subjects)
		}); err != nil {
			return err
		}
		// One transaction a year, as an import writes it.
		if err := svc.Store.InTx(ctx, func(tx *store.Tx) error {
			return tx.InsertActualsBatch(ctx, by, 0, ledger(r, year, depts, subjects))
		}); err != nil {
			return err
		}
	}
	return nil
}

func addDepartments(ctx context.Context, svc *services.Services, n int) ([]string, error) {
	var codes []string
	for i := 1; i <= n; i++ {
		d := domain.Department{Code: fmt.Sprintf("%03d", 100+i), Name: fmt.Sprintf("科室%03d", i), NameEn: fmt.Sprintf("Department %03d", i),
			Type: domain.DeptTypes[i%len(domain.DeptTypes)], Headcount: 10 + i%40, CoefficientMilli: 1000}
		if err := svc.Master.SaveDepartment(ctx, domain.LocalUser, d); err != nil {
			return nil, err
		}
		codes = append(codes, d.Code)
	}
	return codes, nil
}

// pickSubjects takes leaf subjects of each kind from the catalogue, evenly
// spread over its codes.
func pickSubjects(ctx context.Context, svc *services.Services, expenditure, revenue int) ([]domain.Subject, error) {
	all, err := svc.Master.Subjects(ctx, domain.LocalUser)
	if err != nil {
		return nil, err
	}
	parent := map[string]bool{}
	for _, s := range all {
		parent[s.Parent] = true
	}
	var exp, rev []domain.Subject
	for _, s := range all {
		switch {
		case parent[s.Code]:
		case s.Kind == domain.Revenue:
			rev = append(rev, s)
		case s.Origin == "classification":
			exp = append(exp, s)
		}
	}
	if len(exp) < expenditure || len(rev) < revenue {
		return nil, fmt.Errorf("the catalogue has %d expenditure and %d revenue leaf subjects; %d and %d asked for", len(exp), len(rev), expenditure, revenue)
	}
	return append(spread(exp, expenditure), spread(rev, revenue)...), nil
}

func spread(s []domain.Subject, n int) []domain.Subject {
	out := make([]domain.Subject, n)
	for i := range out {
		out[i] = s[i*len(s)/n]
	}
	return out
}

// meanFen is the mean ledger amount: lines draw uniformly up to twice it.
const meanFen = 2_500_000

// addBudget approves a line for every department and subject, near what the
// ledger will bring, and gives every third line a seasonal monthly split
// (the others stay even), so the plan is read as the product stores it.
func addBudget(ctx context.Context, tx *store.Tx, r *rand.Rand, cfg Config, depts []string, subjects []domain.Subject) error {
	perLine := int64(cfg.Lines) / int64(len(depts)*len(subjects)) * meanFen
	b := domain.Budget{Year: cfg.Year, Source: "benchmark"}
	for _, d := range depts {
		for _, s := range subjects {
			amount := money.Amount(perLine * (80 + r.Int64N(50)) / 100)
			b.Lines = append(b.Lines, domain.BudgetLine{DeptCode: d, SubjectCode: s.Code, Amount: amount})
		}
	}
	if err := tx.InsertBudget(ctx, domain.LocalUser, b); err != nil {
		return err
	}
	season := domain.Months{8, 7, 9, 10, 10, 9, 8, 8, 9, 10, 11, 14}
	for i, l := range b.Lines {
		if i%3 != 0 {
			continue
		}
		months, ok := domain.SplitByPattern(l.Amount, season)
		if !ok {
			continue
		}
		if err := tx.SaveSplit(ctx, cfg.Year, l.DeptCode, l.SubjectCode, domain.SplitMethodManual, &months); err != nil {
			return err
		}
	}
	return nil
}

// ledger yields cfg.Lines lines in date order over the year, each with a
// voucher numbered within its month and a summary, one in forty a refund.
func ledger(r *rand.Rand, cfg Config, depts []string, subjects []domain.Subject) func(func(domain.Actual) bool) {
	return func(yield func(domain.Actual) bool) {
		start := time.Date(cfg.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		days := start.AddDate(1, 0, 0).Sub(start).Hours() / 24
		voucher, month := 0, 0
		for i := 0; i < cfg.Lines; i++ {
			date := start.AddDate(0, 0, int(float64(i)*days/float64(cfg.Lines)))
			if m := int(date.Month()); m != month {
				month, voucher = m, 0
			}
			voucher++
			s := subjects[r.IntN(len(subjects))]
			amount := money.Amount(r.Int64N(2 * meanFen))
			if r.IntN(40) == 0 {
				amount = -money.Amount(r.Int64N(meanFen / 10))
			}
			a := domain.Actual{Year: cfg.Year, Month: month, DeptCode: depts[r.IntN(len(depts))], SubjectCode: s.Code, Amount: amount,
				Date: date, Voucher: fmt.Sprintf("记-%05d", voucher), Summary: "报销" + s.Name, Source: "benchmark"}
			if !yield(a) {
				return
			}
		}
	}
}
