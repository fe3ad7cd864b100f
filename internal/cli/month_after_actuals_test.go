package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Issue 16: the demo's 2026 actuals stop at September. A month-end after
// it is refused (exit 1) by `monitor` and `report execution` alike, with
// where the actuals stop and what to do, instead of every department
// reading 滞后预警.
func TestMonthEndAfterTheActualsIsRefused(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	pdf := filepath.Join(t.TempDir(), "exec.pdf")
	for _, args := range [][]string{
		{"monitor", "--year", "2026", "--month", "12"},
		{"monitor", "--year", "2026", "--month", "12", "--json"},
		{"report", "execution", "--year", "2026", "--month", "12", "-o", pdf},
	} {
		for lang, want := range map[string][]string{
			"zh": {"2026 年的实际数只导入至 9 月", "请选择 9 月及以前的月末", "导入以后月份的实际数"},
			"en": {"imported through month 9", "Choose a month-end up to 9", "import the actuals of the later months"},
		} {
			code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", lang}, args...)...)
			if code != ExitRefused {
				t.Errorf("%v (%s): exit %d, want %d\n%s", args, lang, code, ExitRefused, stdout)
			}
			for _, w := range want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%v (%s): stderr does not say %q:\n%s", args, lang, w, stderr)
				}
			}
			if strings.Contains(stdout, "滞后预警") || strings.Contains(stdout, "lagging") {
				t.Errorf("%v (%s) still prints results:\n%s", args, lang, stdout)
			}
		}
	}
	// September itself, and the complete prior year's December, are shown.
	for _, args := range [][]string{{"--year", "2026", "--month", "9"}, {"--year", "2025", "--month", "12"}} {
		if code, _, stderr := run(t, append([]string{"--db", db, "monitor"}, args...)...); code != ExitOK {
			t.Errorf("monitor %v: exit %d %s", args, code, stderr)
		}
	}
}

// Issue 16: the text output lists the pace of every unit and the alerts,
// in the screens' words, as --json does.
func TestMonitorTextShowsPaceAndAlerts(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "--lang", "zh", "monitor", "--year", "2026", "--month", "9")
	if code != ExitOK {
		t.Fatalf("monitor: exit %d %s", code, stderr)
	}
	for _, want := range []string{"对比序时", "慢于序时", "快于序时", "全院合计", "预警（", "超支预警 · 儿科累计支出", "超支预警 · 新生儿科累计支出", "慢于序时 · 设备科支出执行率"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("monitor text does not show %q:\n%s", want, stdout)
		}
	}
}
