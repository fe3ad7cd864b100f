package cli

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/testbook"
)

// rawSQL is text of SQLite or database/sql that must never reach a user.
func rawSQL(t *testing.T, stderr string) {
	t.Helper()
	for _, raw := range []string{"SQLITE", "sqlite", "database is locked", "constraint failed", "Scan error", "float64"} {
		if strings.Contains(stderr, raw) {
			t.Errorf("raw SQL text %q in: %s", raw, stderr)
		}
	}
}

// A directory and a device are refused at once with exit 1, by every
// import command.
func TestImportRefusesWhatIsNotAFile(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	paths := []string{dir}
	if _, err := os.Stat("/dev/zero"); err == nil {
		paths = append(paths, "/dev/zero")
	}
	for _, path := range paths {
		for _, cmd := range [][]string{
			{"import", "actuals", "--year", "2025", path},
			{"import", "budget", "--year", "2025", path},
			{"import", "staff", "--year", "2025", path},
			{"import", "assessment", path},
		} {
			start := time.Now()
			code, _, stderr := run(t, append([]string{"--db", db, "--lang", "en"}, cmd...)...)
			if code != ExitRefused || !strings.Contains(stderr, path) || time.Since(start) > 10*time.Second {
				t.Errorf("%v: exit %d after %v: %s", cmd, code, time.Since(start), stderr)
			}
		}
	}
}

// A summary that overlaps the month is refused naming the overlap;
// --replace-month replaces it and says what it replaced.
func TestImportActualsReplaceMonth(t *testing.T) {
	db := tempDB(t)
	first := testbook.Summary(t, "first.xlsx", []any{"内科", "30201", "办公费", 100})
	second := testbook.Summary(t, "second.xlsx", []any{"内科", "30201", "办公费", 250})
	args := func(file string, extra ...string) []string {
		return append(append([]string{"--db", db, "--lang", "en", "import", "actuals", "--year", "2025", "--month", "3", "--create-missing"}, extra...), file)
	}
	if code, _, stderr := run(t, args(first)...); code != ExitOK {
		t.Fatalf("first: exit %d %s", code, stderr)
	}
	code, _, stderr := run(t, args(second)...)
	if code != ExitRefused || !strings.Contains(stderr, "--replace-month") || !strings.Contains(stderr, "30201") {
		t.Fatalf("overlap: exit %d %s", code, stderr)
	}
	code, stdout, stderr := run(t, args(second, "--replace-month")...)
	if code != ExitOK || !strings.Contains(stdout, "Replaced the 2025/3 summary imported from first.xlsx") {
		t.Fatalf("replace: exit %d %s %s", code, stdout, stderr)
	}
	_, stdout, _ = run(t, "--db", db, "actuals", "show", "--year", "2025", "--json")
	if !strings.Contains(stdout, "25000") || strings.Contains(stdout, "35000") {
		t.Errorf("actuals after replacing: %s", stdout)
	}
	_, stdout, _ = run(t, "--db", db, "audit", "list", "--entity", "actuals")
	if !strings.Contains(stdout, "second.xlsx") || !strings.Contains(stdout, "first.xlsx") {
		t.Errorf("no audit entry of the replacement: %s", stdout)
	}
}

// Actuals that would take the year past int64 fen are exit 1 in words,
// not a scan error and exit 3.
func TestImportActualsOverflowInWords(t *testing.T) {
	db := tempDB(t)
	huge := "60000000000000000"
	for i, dept := range []string{"内科", "外科"} {
		month := strconv.Itoa(3 + i)
		file := testbook.Summary(t, "m"+month+".xlsx", []any{dept, "30201", "办公费", huge})
		code, _, stderr := run(t, "--db", db, "--lang", "zh", "import", "actuals", "--year", "2025", "--month", month, "--create-missing", file)
		want := []int{ExitOK, ExitRefused}[i]
		if code != want || i == 1 && !strings.Contains(stderr, "92 万亿元") {
			t.Errorf("month %s: exit %d, want %d: %s", month, code, want, stderr)
		}
		rawSQL(t, stderr)
	}
}

// While another connection holds the write lock past the busy timeout,
// an import ends with exit 1 and says the database is busy.
func TestImportWhileDatabaseBusy(t *testing.T) {
	enginetest.FileOnly(t) // SQLite's file lock
	if testing.Short() {
		t.Skip("waits for the 10 s busy timeout")
	}
	t.Parallel()
	db := tempDB(t)
	first := testbook.Summary(t, "first.xlsx", []any{"内科", "30201", "办公费", 100})
	if code, _, stderr := run(t, "--db", db, "import", "actuals", "--year", "2025", "--month", "3", "--create-missing", first); code != ExitOK {
		t.Fatalf("setting up: exit %d %s", code, stderr)
	}
	holder, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	second := testbook.Summary(t, "second.xlsx", []any{"内科", "30201", "办公费", 200})
	code, _, stderr := run(t, "--db", db, "--lang", "en", "import", "actuals", "--year", "2025", "--month", "4", second)
	if code != ExitRefused || !strings.Contains(stderr, "Try again when it") {
		t.Errorf("busy: exit %d %s", code, stderr)
	}
	rawSQL(t, stderr)
}
