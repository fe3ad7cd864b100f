package i18n_test

import (
	"regexp"
	"strings"
	"testing"
)

// cliOnly are texts only the command line shows (its options, its names
// of kinds and roles): they may name flags and commands.
var cliOnly = map[string]bool{
	"problem.demo.not_empty": true, "problem.form.kind": true, "problem.prep.unknown_action": true,
	"problem.report.kind": true, "problem.report.whole_hospital": true, "problem.split.method": true,
	"problem.users.bad_role": true, "import.encoding_unknown": true, "problem.bonus.weight_text": true,
	"problem.transfer.not_server": true, // migrate --to only
}

// zhLatinAllowed are the Latin words a Chinese text may hold: product and
// format names an office uses as they are, and the policy's measures.
var zhLatinAllowed = map[string]bool{
	"BudgetPerf": true, "PDF": true, "Excel": true, "WPS": true, "CSV": true, "HTML": true, "SQLite": true, "PostgreSQL": true,
	"GBK": true, "Windows": true, "MB": true, "DRG": true, "DIP": true, "CMI": true, "RBRVS": true, "DDDs": true,
	"Amount": true, "Debit": true, "Credit": true, "Code": true, "Subject": true, // English headers a ledger may carry
	"Apache": true, "GPL": true, "MIT": true, "hqcoffee": true, // licences and sources in About
	"OK": true, "No": true, "Yes": true, "English": true,
}

var zhLatinWord = regexp.MustCompile(`[0-9A-Za-z_\-.]*[A-Za-z][0-9A-Za-z_\-.]*`)

// Every Chinese text the window can show is in Chinese but for codes and
// the allowed words; a problem whose text names a command for the CLI has
// a KEY.window text for the window.
func TestChineseTextsHaveNoLatinWords(t *testing.T) {
	zh := readFile(t, "zh_Hans.json")
	for k, v := range zh {
		if strings.HasPrefix(k, "cli.") || strings.HasPrefix(k, "problem.cli.") || cliOnly[k] {
			continue
		}
		if _, ok := zh[k+".window"]; ok {
			continue
		}
		text := regexp.MustCompile(`\{\{[^}]*\}\}`).ReplaceAllString(v, "")
		for _, w := range zhLatinWord.FindAllString(text, -1) {
			w = strings.Trim(w, "-._")
			if w == "" || strings.ContainsAny(w, "0123456789") || zhLatinAllowed[w] || strings.HasPrefix(w, "xls") || w == "db" || w == "pdf" || w == "bpbak" {
				continue
			}
			t.Errorf("%s: Latin word %q in %q", k, w, v)
		}
	}
}
