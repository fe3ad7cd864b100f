package i18n_test

import (
	"regexp"
	"strings"
	"testing"
)

// cliMention is a text sending its reader to the command line: an option
// (--replace), a command (budgetperf import …) or the command line itself.
var cliMention = regexp.MustCompile(`--[a-z]|\bbudgetperf [a-z]|命令行|[Cc]ommand line|运行命令|命令 budgetperf|BUDGETPERF_`)

// windowFacing reports whether the window can show key: the CLI's own texts
// (cli.*, problem.cli.*) and the problems only the CLI raises (cliOnly)
// are the command line's; every other text may reach the window.
func windowFacing(key string) bool {
	return !strings.HasPrefix(key, "cli.") && !strings.HasPrefix(key, "problem.cli.") && !cliOnly[key] &&
		!strings.HasSuffix(key, ".window")
}

// No text the window shows names an option or command of the CLI: a
// problem whose CLI text does so has a KEY.window text that names the
// screen and button instead (i18n.UseWindowTexts), in both languages.
func TestWindowTextsNameNoCommandLine(t *testing.T) {
	for _, file := range []string{"en.json", "zh_Hans.json"} {
		texts := readFile(t, file)
		for k, v := range texts {
			if !windowFacing(k) {
				continue
			}
			shown := v
			if w, ok := texts[k+".window"]; ok {
				shown = w
			}
			if m := cliMention.FindString(shown); m != "" {
				t.Errorf("%s %s: the window would show %q: %s", file, k, m, shown)
			}
		}
	}
}

// The test's pattern finds what it is meant to find.
func TestCommandLineMentionsAreFound(t *testing.T) {
	for _, s := range []string{"请加 --replace", "budgetperf import budget --year 2027 文件", "the command line must sign in", "BUDGETPERF_PASSWORD"} {
		if !cliMention.MatchString(s) {
			t.Errorf("not found in %q", s)
		}
	}
	for _, s := range []string{"BudgetPerf 未对其做任何修改", "2026—2027", "“导入”界面勾选“替换已有预算”"} {
		if cliMention.MatchString(s) {
			t.Errorf("found in %q", s)
		}
	}
}
