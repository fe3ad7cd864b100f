package cli

import (
	"strings"
	"testing"
)

// Every option that takes a share reads it as a percentage ("15%", also
// typed full-width "１５％" by a Chinese input method) or as a fraction
// ("0.15"), with the same result; a bare number above 1 is refused.
func TestEveryPercentOptionTakesPercentOrFraction(t *testing.T) {
	db := tempDB(t)
	baseDemo(t, db)
	openCycle(t, db, 2027)
	for _, c := range []struct {
		name  string
		args  []string // the command; the form of the share is appended
		forms []string
	}{
		{"welfare floor", []string{"bonus", "settings", "--json", "--welfare-floor"}, []string{"10%", "0.1", "１０％"}},
		{"welfare weight setting", []string{"bonus", "settings", "--json", "--welfare-weight"}, []string{"20%", "0.2", "２０％"}},
		{"bonus weights", []string{"bonus", "settings", "--json", "--weights"}, []string{
			"workload=30%,quality=25%,efficiency=20%,public_welfare=15%,satisfaction=10%",
			"workload=0.3,quality=0.25,efficiency=0.2,public_welfare=0.15,satisfaction=0.1"}},
		{"over-target deduction", []string{"evaluate", "rules", "--json", "--over-deduct"}, []string{"20%", "0.2"}},
		{"growth", []string{"budget", "proposal", "fill", "--year", "2027", "--department", "103", "--json", "--growth"}, []string{"3%", "0.03", "３％"}},
		{"bonus welfare weight", []string{"bonus", "--year", "2026", "--pool", "1000000", "--json", "--welfare-weight"}, []string{"15%", "0.15"}},
	} {
		var first string
		var firstCode int
		for i, form := range c.forms {
			args := append(append([]string{"--db", db, "--lang", "zh"}, c.args...), form)
			code, stdout, stderr := run(t, args...)
			if i == 0 {
				first, firstCode = stdout+stderr, code
				if c.name != "bonus welfare weight" && code != ExitOK {
					t.Errorf("%s %s: exit %d %s", c.name, form, code, stderr)
				}
				continue
			}
			if code != firstCode || stdout+stderr != first {
				t.Errorf("%s: %q and %q differ:\n%s\n---\n%s%s", c.name, c.forms[0], form, first, stdout, stderr)
			}
		}
		if strings.Contains(c.args[len(c.args)-1], "weights") {
			continue
		}
		args := append(append([]string{"--db", db, "--lang", "zh"}, c.args...), "15")
		if c.name == "growth" {
			args[len(args)-1] = "3"
		}
		if code, _, stderr := run(t, args...); code == ExitOK || !strings.Contains(stderr, "%") {
			t.Errorf("%s: a bare number above 1 is taken (exit %d): %s", c.name, code, stderr)
		}
	}
}
