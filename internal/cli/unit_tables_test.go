package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every command that prints a table of amounts takes the one unit option,
// --unit yuan|wan, and names the unit in its headers; a unit it does not
// know is a usage error. The summaries default to 万元, the tables of a
// department's lines to 元 (as the window's grids).
func TestEveryAmountTableTakesTheUnitOption(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	book := filepath.Join(t.TempDir(), "budget-2026.xlsx")
	if code, _, stderr := run(t, "--db", db, "export", "budget", "--year", "2026", "-o", book); code != ExitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	for _, c := range []struct {
		args   []string
		inWan  bool // the default unit
		header string
	}{
		{[]string{"budget", "show", "--year", "2026"}, true, "收入预算"},
		{[]string{"actuals", "show", "--year", "2026"}, true, "收入"},
		{[]string{"monitor", "--year", "2026"}, true, "预算"},
		{[]string{"budget", "proposal", "--year", "2027", "--department", "103"}, false, "建议数"},
		{[]string{"budget", "status", "--year", "2027"}, false, "控制数"},
		{[]string{"budget", "projects", "--year", "2026"}, false, "资金来源"},
		{[]string{"evaluate", "suggestions", "--year", "2026"}, false, "建议数"},
		{[]string{"bonus", "--year", "2026", "--pool", "1000000"}, false, "奖金"},
		{[]string{"import", "budget", "--year", "2028", "--dry-run", book}, false, "支出"},
	} {
		name := strings.Join(c.args[:2], " ")
		base := append([]string{"--db", db, "--lang", "zh"}, c.args...)
		code, def, stderr := run(t, base...)
		if code != ExitOK {
			t.Errorf("%s: exit %d %s", name, code, stderr)
			continue
		}
		for _, unit := range []struct{ flag, word string }{{"yuan", "元"}, {"wan", "万元"}} {
			code, out, stderr := run(t, append(base, "--unit", unit.flag)...)
			if code != ExitOK || !strings.Contains(out, c.header) {
				t.Errorf("%s --unit %s: exit %d %s\n%s", name, unit.flag, code, stderr, out)
				continue
			}
			inWan := strings.Contains(out, "万元")
			if inWan != (unit.flag == "wan") {
				t.Errorf("%s --unit %s does not name %s:\n%s", name, unit.flag, unit.word, out)
			}
			if (unit.flag == "wan") == c.inWan && out != def {
				t.Errorf("%s: the default is not %s", name, unit.word)
			}
		}
		if code, _, _ := run(t, append(base, "--unit", "fen")...); code != ExitUsage {
			t.Errorf("%s --unit fen: exit %d, want a usage error", name, code)
		}
	}
}

// A command's help in Chinese is Chinese but for the options themselves:
// its usage line and placeholders (文件, 年度) included; a mistyped short
// option is named as typed (-x), not as --x.
func TestHelpAndFlagErrorsInTheChosenLanguage(t *testing.T) {
	_, help, _ := run(t, "--lang", "zh", "report", "--help")
	for _, want := range []string{"用法：budgetperf [--db 路径]", "report [选项] 类型", "-o 文件", "--year 年度"} {
		if !strings.Contains(help, want) {
			t.Errorf("report --help lacks %q:\n%s", want, help)
		}
	}
	for _, latin := range []string{"Usage", "KIND", "FILE", "YEAR", "PATH", "LOGIN"} {
		if strings.Contains(help, latin) {
			t.Errorf("report --help in Chinese shows %q:\n%s", latin, help)
		}
	}
	if code, _, stderr := run(t, "--lang", "zh", "backup", "-x", "a.bpbak"); code != ExitUsage || !strings.Contains(stderr, "没有 -x 这个选项") {
		t.Errorf("a mistyped short option: %d %s", code, stderr)
	}
}

// A refusal on the command line names the command to run, not a screen
// of the window: the evaluation not yet started, the cycle not opened.
func TestRefusalsNameTheCommandNotTheScreen(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "evaluation", "--year", "2026", "-o", filepath.Join(t.TempDir(), "e.pdf")}, "budgetperf evaluate start --year 2026"},
		{[]string{"budget", "status", "--year", "2027"}, "budgetperf budget cycle start --year 2027"},
	} {
		code, _, stderr := run(t, append([]string{"--db", db, "--lang", "zh"}, c.args...)...)
		if code == ExitOK || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "界面") {
			t.Errorf("%s: exit %d, %q; want it to name %q", strings.Join(c.args[:2], " "), code, stderr, c.want)
		}
	}
}
