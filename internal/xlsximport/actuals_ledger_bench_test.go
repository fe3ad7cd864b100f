package xlsximport

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/xuri/excelize/v2"
)

// writeLedger writes a ledger of n lines (date, voucher, department,
// subject code, subject name, debit, credit) with the StreamWriter.
func writeLedger(path string, n int, subjects []domain.Subject) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"日期", "凭证号", "科室", "科目编码", "科目名称", "借方金额", "贷方金额"}); err != nil {
		return err
	}
	var leaves []domain.Subject
	for _, s := range subjects {
		if len(s.Code) == 5 && s.Code[0] == '3' {
			leaves = append(leaves, s)
		}
	}
	depts := []string{"内科", "外科", "妇产科", "儿科", "检验科", "放射科", "药剂科", "财务科", "急诊科", "眼科"}
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, 7)
	for i := 0; i < n; i++ {
		s := leaves[i%len(leaves)]
		d := day0.AddDate(0, 0, i%365)
		serial := float64(45658 + d.YearDay() - 1)
		var date any = serial
		switch i % 10 {
		case 7:
			date = d.Format("2006-01-02")
		case 8:
			date = fmt.Sprintf("%d/%d/%d", d.Year(), d.Month(), d.Day())
		case 9:
			date = fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
		}
		row[0], row[1], row[2], row[3], row[4] = date, fmt.Sprintf("记-%06d", i+1), depts[i%len(depts)], s.Code, s.Name
		amt := float64(i%100000+1) / 100
		if i%13 == 0 {
			row[5], row[6] = nil, amt
		} else {
			row[5], row[6] = amt, nil
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

var (
	benchLedgerOnce sync.Once
	benchLedgerPath string
	benchLedgerErr  error
)

const benchLedgerLines = 100000

func BenchmarkReadActualsLedger(b *testing.B) {
	subjects := catalogue(b)
	benchLedgerOnce.Do(func() {
		dir, err := os.MkdirTemp("", "xlsximport-bench")
		if err != nil {
			benchLedgerErr = err
			return
		}
		benchLedgerPath = filepath.Join(dir, "ledger.xlsx")
		benchLedgerErr = writeLedger(benchLedgerPath, benchLedgerLines, subjects)
	})
	if benchLedgerErr != nil {
		b.Fatal(benchLedgerErr)
	}
	opts := ActualsOptions{Options: Options{Subjects: subjects, CreateMissing: true}, Year: 2025}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		res, err := ReadActuals(benchLedgerPath, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Lines) != benchLedgerLines {
			b.Fatalf("%d lines, want %d", len(res.Lines), benchLedgerLines)
		}
	}
	el := time.Since(start)
	b.ReportMetric(float64(benchLedgerLines)*float64(b.N)/el.Seconds(), "lines/s")
}

// TestReadActualsLedgerMillion reads a ledger of a million lines and
// reports the peak heap; set BUDGETPERF_LEDGER_1M=1 to run it (slow).
func TestReadActualsLedgerMillion(t *testing.T) {
	if os.Getenv("BUDGETPERF_LEDGER_1M") == "" {
		t.Skip("set BUDGETPERF_LEDGER_1M=1 to read a 1,000,000-line ledger")
	}
	subjects := catalogue(t)
	path := filepath.Join(t.TempDir(), "ledger1m.xlsx")
	if err := writeLedger(path, 1000000, subjects); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	start := time.Now()
	res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: subjects, CreateMissing: true}, Year: 2025})
	el := time.Since(start)
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d lines in %v (%.0f lines/s); peak heap in use ≈ %d MB, Sys %d MB",
		len(res.Lines), el, float64(len(res.Lines))/el.Seconds(), peak>>20, ms.Sys>>20)
	if len(res.Lines) != 1000000 {
		t.Errorf("%d lines", len(res.Lines))
	}
}
