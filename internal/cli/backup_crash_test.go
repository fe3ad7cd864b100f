package cli_test

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/cli"
	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"
)

// crashLedgerLines makes the import take a few seconds, long enough to be
// killed in the middle of reading and in the middle of writing.
const crashLedgerLines = 60000

// TestCrashDuringImportAndBackup kills the real program (SIGKILL: no
// cleanup runs) in the middle of a large ledger import and of a backup, and
// checks that the database is intact and holds all of the import or none.
func TestCrashDuringImportAndBackup(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL and the build steps are Unix-only")
	}
	dir := t.TempDir()
	bin := cli.ProgramUnderTest(t, dir)
	ledger := filepath.Join(dir, "ledger.xlsx")
	writeLedger(t, ledger, crashLedgerLines, 2026)
	db := filepath.Join(dir, "budgetperf.db")
	run(t, bin, "--db", db, "demo", "--year", "2025")
	importArgs := []string{"--db", db, "import", "actuals", "--year", "2026", "--create-missing", ledger}

	// Killed while reading the workbook, then while writing the lines: each
	// time nothing or everything of the import may be there, never a part.
	outcomes := map[string]int{}
	for _, when := range []string{"reading", "writing"} {
		cmd := exec.Command(bin, importArgs...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killWhen(t, cmd, func() bool {
			if when == "reading" {
				return true // right after the start: the workbook is being read
			}
			fi, err := os.Stat(db + "-wal")
			return err == nil && fi.Size() > 1<<20 // the transaction spills pages: it is writing
		}, map[string]time.Duration{"reading": 400 * time.Millisecond, "writing": 0}[when])
		n := checkDatabase(t, db)
		if n != 0 && n != crashLedgerLines {
			t.Fatalf("killed while %s: %d of %d ledger lines imported; want all or none", when, n, crashLedgerLines)
		}
		outcomes[when] = n
	}
	t.Logf("lines present after the kills: %v", outcomes)
	if outcomes["writing"] == 0 {
		// The next import must still work: nothing half-done blocks it.
		run(t, bin, importArgs...)
	}
	if n := checkDatabase(t, db); n != crashLedgerLines {
		t.Fatalf("after importing again: %d lines, want %d", n, crashLedgerLines)
	}

	// A backup killed midway leaves no file under the backup's name and
	// the database unharmed; the next backup works and restores.
	out := filepath.Join(dir, "saved.bpbak")
	cmd := exec.Command(bin, "--db", db, "backup", "-o", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killWhen(t, cmd, func() bool {
		tmp, _ := filepath.Glob(out + ".tmp-*")
		return len(tmp) > 0
	}, 0)
	if _, err := os.Stat(out); err == nil {
		// Only acceptable when the backup had finished: then it is whole.
		run(t, bin, "--db", filepath.Join(dir, "check.db"), "restore", out)
	}
	if n := checkDatabase(t, db); n != crashLedgerLines {
		t.Fatalf("after a killed backup: %d lines, want %d", n, crashLedgerLines)
	}
	run(t, bin, "--db", db, "backup", "-o", out)
	other := filepath.Join(dir, "restored.db")
	run(t, bin, "--db", other, "restore", out)
	if n := checkDatabase(t, other); n != crashLedgerLines {
		t.Fatalf("the backup restored %d lines, want %d", n, crashLedgerLines)
	}
}

func run(t *testing.T, bin string, args ...string) {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("budgetperf %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// killWhen SIGKILLs cmd once ready() holds (polled), at least after
// minWait; a process that finished first is simply waited for.
func killWhen(t *testing.T, cmd *exec.Cmd, ready func() bool, minWait time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	start := time.Now()
	for {
		select {
		case err := <-done:
			t.Logf("%s finished before it could be killed (%v)", strings.Join(cmd.Args[1:], " "), err)
			return
		case <-time.After(2 * time.Millisecond):
		}
		if time.Since(start) >= minWait && ready() {
			_ = cmd.Process.Kill()
			<-done
			t.Logf("killed %s after %v", cmd.Args[len(cmd.Args)-1], time.Since(start).Round(time.Millisecond))
			return
		}
		if time.Since(start) > 60*time.Second {
			_ = cmd.Process.Kill()
			t.Fatal("the program neither finished nor reached the point to kill it")
		}
	}
}

// checkDatabase opens db as a fresh process would (recovering from the
// crash), checks its integrity and counts the 2026 ledger lines.
func checkDatabase(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var res string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	var lines, batches int
	if err := conn.QueryRow(`SELECT count(*) FROM actuals WHERE year = 2026`).Scan(&lines); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(`SELECT count(*) FROM import_batches WHERE year = 2026`).Scan(&batches); err != nil {
		t.Fatal(err)
	}
	if (lines == 0) != (batches == 0) {
		t.Fatalf("%d lines but %d import batches: the import is half there", lines, batches)
	}
	return lines
}

// writeLedger writes a general-ledger export like a hospital finance
// system's: date, voucher, summary, department, subject, debit, credit.
func writeLedger(t *testing.T, path string, n, year int) {
	t.Helper()
	depts := []string{"产科", "妇科", "儿科", "检验科", "放射科", "药剂科", "财务科", "后勤保障科"}
	subjects := [][2]string{{"30201", "办公费"}, {"30205", "水费"}, {"30206", "电费"}, {"30211", "差旅费"}, {"30218", "专用材料费"}}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"日期", "凭证号", "摘要", "科室", "科目编码", "科目名称", "借方金额", "贷方金额"}); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 9))
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		s := subjects[r.IntN(len(subjects))]
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{start.AddDate(0, 0, i*365/n).Format("2006-01-02"), fmt.Sprintf("记-%06d", i+1), "报销" + s[1],
			depts[r.IntN(len(depts))], s[0], s[1], float64(r.IntN(5000000)) / 100, nil}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
